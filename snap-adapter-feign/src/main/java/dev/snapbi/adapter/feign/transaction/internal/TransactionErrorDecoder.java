package dev.snapbi.adapter.feign.transaction.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.adapter.feign.internal.Bodies;
import dev.snapbi.adapter.feign.internal.Exchange;
import dev.snapbi.adapter.feign.internal.SnapErrorDecoder;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.transaction.TransactionSigner;
import feign.Response;
import feign.codec.DefaultErrorDecoder;
import feign.codec.ErrorDecoder;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The error decoder of SNAP transactional calls. A {@code 401} whose code says the token is dead ({@code 4017301},
 * {@code 4017303}) drops exactly the token that was sent (if it is still the provider's current one) and becomes a
 * {@link DeadTokenException} that {@link ReplayOnceRetryer} replays once. Every other answer goes to the user's
 * decoder, or, when none was set (Feign's {@link DefaultErrorDecoder}), to {@link SnapErrorDecoder} for the domain's typed
 * errors. The body is read once, bounded, and handed on re-readable.
 */
public final class TransactionErrorDecoder implements ErrorDecoder {

    private final ErrorDecoder delegate;
    private final SnapErrorDecoder snapErrors;
    private final TransactionSigner signer;
    private final Duration bodyDeadline;
    private final int maxBodyBytes;

    /** Wraps {@code delegate} (the builder's decoder) for calls signed by {@code signer}. */
    public TransactionErrorDecoder(ErrorDecoder delegate, TransactionSigner signer, ObjectMapper mapper,
                                   Duration bodyDeadline, int maxBodyBytes, Clock clock) {
        this.delegate = delegate == null || delegate.getClass() == DefaultErrorDecoder.class
                || delegate.getClass() == ErrorDecoder.Default.class ? null : delegate;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.snapErrors = new SnapErrorDecoder(mapper, bodyDeadline, maxBodyBytes, clock);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        byte[] body;
        try {
            Bodies.Bounded bounded = Bodies.readBounded(response, bodyDeadline, maxBodyBytes);
            body = bounded.bytes();
        } catch (IOException e) {
            body = new byte[0]; // the status alone still says what happened
        } finally {
            response.close();
        }
        Exception typed = snapErrors.decode(methodKey, rebuffer(response, body));
        if (typed instanceof SnapAuthenticationException auth && auth.isTokenInvalid()) {
            signer.invalidateIfCurrent(Exchange.bearerToken(response.request()));
            return new DeadTokenException(auth, response.request());
        }
        return delegate == null ? typed : delegate.decode(methodKey, rebuffer(response, body));
    }

    private static Response rebuffer(Response response, byte[] body) {
        return response.toBuilder().body(body).build();
    }
}
