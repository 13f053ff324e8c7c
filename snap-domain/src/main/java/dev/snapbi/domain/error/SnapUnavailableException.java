package dev.snapbi.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server could not give an answer now: 5xx, 429, a timeout, a connection failure or an open circuit breaker.
 * The request may succeed later; {@link #retryAfter()} carries the server's {@code Retry-After} when it sent one.
 */
public final class SnapUnavailableException extends SnapException {

    private static final long serialVersionUID = 1L;

    /** Why no answer could be had. */
    public enum Reason {
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** HTTP 429. */
        TOO_MANY_REQUESTS,
        /** A connect, read or overall timeout, or a gateway timeout (504). */
        TIMEOUT,
        /** The connection was dropped, or failed in a way that leaves open whether the request was sent. */
        CONNECTION,
        /**
         * The connection could not be made (refused, unresolvable host, connect timeout, TLS handshake failure): the
         * request surely was not sent, so even a money-moving call may be resent.
         */
        CONNECT,
        /** A circuit breaker is open and calls fail fast. */
        CIRCUIT_OPEN,
        /** The calling thread was interrupted while it waited. */
        INTERRUPTED,
        /** Anything else that kept the request from completing. */
        OTHER
    }

    private final Reason reason;
    private final Duration retryAfter;

    /** Creates the error; adapters normally obtain it from {@link SnapErrors}. */
    public SnapUnavailableException(Reason reason, String message, ErrorContext context, Duration retryAfter,
                                    Throwable cause) {
        super(message, context, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    /** Creates the error without server context (timeouts, connection failures). */
    public SnapUnavailableException(Reason reason, String message, Throwable cause) {
        this(reason, message, ErrorContext.NONE, null, cause);
    }

    /** Why no answer could be had. */
    public Reason reason() {
        return reason;
    }

    /** How long the server asked us to wait before the next attempt, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the request surely never reached the server ({@link Reason#CONNECT}, {@link Reason#CIRCUIT_OPEN}): the
     * only unavailability after which a money-moving call may be resent (SNAP-SPEC section 9). Every other reason
     * leaves the outcome unknown.
     */
    public boolean surelyNotSent() {
        return reason == Reason.CONNECT || reason == Reason.CIRCUIT_OPEN;
    }

    @Override
    public boolean isRetryable() {
        return reason != Reason.INTERRUPTED;
    }
}
