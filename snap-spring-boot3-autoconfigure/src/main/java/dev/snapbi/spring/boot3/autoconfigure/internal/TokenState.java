package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.token.TokenEventListener;
import dev.snapbi.spring.boot3.autoconfigure.NicepayClientStatus;

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

    /** The verdict now. */
    public NicepayClientStatus status() {
        Snapshot s = snapshot;
        String circuit = circuitState.get();
        if (s == null) {
            return new NicepayClientStatus(NicepayClientStatus.State.UNKNOWN, null, circuit, null);
        }
        boolean valid = s.expiresAt() != null && clock.instant().isBefore(s.expiresAt());
        NicepayClientStatus.State state = valid || !s.lastFetchFailed() ? NicepayClientStatus.State.UP
                : NicepayClientStatus.State.DOWN;
        return new NicepayClientStatus(state, s.expiresAt(), circuit, s.lastFetchFailed() ? s.failure() : null);
    }
}
