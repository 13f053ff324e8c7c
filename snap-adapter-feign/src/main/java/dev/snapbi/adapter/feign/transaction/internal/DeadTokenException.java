package dev.snapbi.adapter.feign.transaction.internal;

import dev.snapbi.domain.error.SnapAuthenticationException;
import feign.Request;
import feign.RetryableException;

/**
 * The server called the access token dead ({@code 4017301}/{@code 4017303}): retryable exactly once, by
 * {@link ReplayOnceRetryer}, after {@link TransactionErrorDecoder} dropped the token. Never leaves the Feign
 * client: the retryer throws the {@link SnapAuthenticationException} instead (this exception holds the request, whose
 * headers carry the signature).
 */
final class DeadTokenException extends RetryableException {

    private static final long serialVersionUID = 1L;

    private final transient SnapAuthenticationException error;

    DeadTokenException(SnapAuthenticationException error, Request request) {
        super(401, error.getMessage(), request.httpMethod(), error, (Long) null, request);
        this.error = error;
    }

    /** The typed error to surface when no replay is left. */
    SnapAuthenticationException error() {
        return error;
    }
}
