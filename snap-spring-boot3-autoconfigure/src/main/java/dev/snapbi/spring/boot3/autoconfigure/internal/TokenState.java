package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TokenEventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Remembers what the token service last did, so that a health probe can answer without asking NICEPAY. Only the
 * expiry instant of a token is kept, never the token.
 */
public final class TokenState implements TokenEventListener {

    private record Snapshot(Instant expiresAt, boolean lastFetchFailed, String failure) {
    }

    private final Clock clock;
    private final Supplier<String> circuitState;
    private volatile Snapshot snapshot; // null before the first token or failure

    public TokenState(Clock clock, Supplier<String> circuitState) {
        this.clock = clock;
        this.circuitState = circuitState;
    }

    @Override
    public void onTokenFetched(AccessToken token, TokenGrant grant) {
        snapshot = new Snapshot(token.expiresAt(), false, null);
    }

    @Override
    public void onTokenAdopted(AccessToken token) {
        snapshot = new Snapshot(token.expiresAt(), false, null);
    }

    @Override
    public void onFetchFailed(SnapException error) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s == null ? null : s.expiresAt(), true, error.getClass().getSimpleName());
    }

    @Override
    public void onTokenInvalidated(AccessToken token) {
        Snapshot s = snapshot;
        if (s != null && token.expiresAt().equals(s.expiresAt())) {
            snapshot = new Snapshot(null, s.lastFetchFailed(), s.failure());
        }
    }

    /** The expiry of the token held, or {@code null}. */
    public Instant expiresAt() {
        Snapshot s = snapshot;
        return s == null ? null : s.expiresAt();
    }

    /**
     * What is known now, read at once.
     *
     * @param heardAnything  whether a token was obtained or a fetch failed yet
     * @param expiresAt      the expiry of the token held, or {@code null}
     * @param tokenValid     whether that token is still valid by the clock
     * @param lastFailure    the type of the last fetch failure while no fetch succeeded since, or {@code null}
     * @param circuitBreaker the token endpoint's circuit breaker state, or {@code null}
     */
    public record Reading(boolean heardAnything, Instant expiresAt, boolean tokenValid, String lastFailure,
                          String circuitBreaker) {
    }

    /** What is known now. */
    public Reading read() {
        Snapshot s = snapshot;
        String circuit = circuitState.get();
        if (s == null) {
            return new Reading(false, null, false, null, circuit);
        }
        boolean valid = s.expiresAt() != null && clock.instant().isBefore(s.expiresAt());
        return new Reading(true, s.expiresAt(), valid, s.lastFetchFailed() ? s.failure() : null, circuit);
    }
}
