package dev.snapbi.domain.error;

import dev.snapbi.domain.response.ResponseCode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every error this library raises. Catch it by meaning through its five kinds:
 * <ul>
 *   <li>{@link SnapRejectedException}: the server refused the request (4xx other than 429); retrying unchanged will
 *   not help. Subtypes {@link SnapAuthenticationException} (401) and {@link SnapBadRequestException} (400).</li>
 *   <li>{@link SnapUnavailableException}: the server could not answer now (5xx, 429, timeouts, connection failures,
 *   an open circuit breaker); retrying later may help.</li>
 *   <li>{@link SnapProtocolException}: the answer broke the protocol (malformed, oversized or incomplete).</li>
 *   <li>{@link SnapConfigurationException}: a local setting is wrong (bad key, bad option, invalid value).</li>
 *   <li>{@link SnapOutcomeUnknownException}: a money-moving call may have been processed, but no final answer came
 *   back (timeout or dropped connection after sending, 5xx, 202 "in progress"). Never resend it: reconcile with the
 *   status call it names. Subtype {@link SnapInProgressException} (202).</li>
 * </ul>
 * A duplicate business reference ({@code 409xx01}) is the rejection {@link SnapDuplicateReferenceException}.
 * Messages say what to do next and never contain key material, client secrets, access tokens or signatures.
 */
public abstract sealed class SnapException extends RuntimeException
        permits SnapRejectedException, SnapUnavailableException, SnapProtocolException, SnapConfigurationException,
        SnapOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    private final transient ResponseCode responseCode;
    private final int httpStatus;
    private final String serverMessage;
    private final String request;

    SnapException(String message, ErrorContext context, Throwable cause) {
        super(message, cause);
        ErrorContext c = context == null ? ErrorContext.NONE : context;
        this.responseCode = c.responseCode();
        this.httpStatus = c.httpStatus();
        this.serverMessage = c.serverMessage();
        this.request = c.request();
    }

    /** The SNAP response code the server sent, when it sent a parseable one. */
    public Optional<ResponseCode> responseCode() {
        return Optional.ofNullable(responseCode);
    }

    /** The HTTP status of the answer, when there was an answer. */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /** The server's {@code responseMessage}, sanitised (control characters removed, length bounded). */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /** The request this error belongs to, as {@code METHOD /path}, when known. */
    public Optional<String> request() {
        return Optional.ofNullable(request);
    }

    /** Whether the same request may succeed if sent again later (with a fresh timestamp and signature). */
    public abstract boolean isRetryable();

    /** The context of this error, for adapters that translate or wrap it. */
    public ErrorContext context() {
        return new ErrorContext(responseCode, httpStatus, serverMessage, request);
    }
}
