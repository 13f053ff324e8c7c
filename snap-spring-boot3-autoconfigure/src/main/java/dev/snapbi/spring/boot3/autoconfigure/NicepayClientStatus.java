package dev.snapbi.spring.boot3.autoconfigure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client knows about its token without asking NICEPAY: for health checks.
 *
 * @param state          the verdict
 * @param tokenExpiresAt when the last token obtained expires, or {@code null} before the first
 * @param circuitBreaker the token endpoint's circuit breaker state ({@code CLOSED}, {@code OPEN}, ...), or
 *                       {@code null} when unknown
 * @param lastFailure    the type of the last fetch failure while no fetch succeeded since, or {@code null}
 */
public record NicepayClientStatus(State state, Instant tokenExpiresAt, String circuitBreaker, String lastFailure) {

    /** The verdict. */
    public enum State {
        /** No token was fetched yet. */
        UNKNOWN,
        /** A valid token is held, or the last fetch succeeded. */
        UP,
        /** No valid token is held and the last fetch failed (the circuit may be open). */
        DOWN
    }

    /** Checks the state. */
    public NicepayClientStatus {
        Objects.requireNonNull(state, "state");
    }

    /** When the token expires, once one was obtained. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(tokenExpiresAt);
    }
}
