package dev.snapbi.adapter.feign.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.domain.transaction.TransactionSigner;
import feign.Capability;
import feign.RequestInterceptor;
import feign.RequestInterceptors;
import feign.Retryer;
import feign.codec.ErrorDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a Feign client into a SNAP transactional client when it is built, whatever order the builder was configured
 * in: the signing interceptor goes last (after any interceptor that changes the body or the path), the error decoder
 * and retryer the builder ends up with are wrapped ({@link TransactionErrorDecoder}, {@link TokenReplayRetryer}).
 */
public final class TransactionCapability implements Capability {

    private final RequestInterceptor interceptor;
    private final TransactionSigner signer;
    private final ObjectMapper mapper;
    private final Duration bodyDeadline;
    private final Clock clock;

    /** A capability adding {@code interceptor}, which signs with {@code signer}. */
    public TransactionCapability(RequestInterceptor interceptor, TransactionSigner signer, ObjectMapper mapper,
                                 Duration bodyDeadline, Clock clock) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RequestInterceptors enrich(RequestInterceptors interceptors) {
        List<RequestInterceptor> all = new ArrayList<>(interceptors.interceptors());
        all.remove(interceptor); // added by hand as well: sign once, last
        all.add(interceptor);
        return new RequestInterceptors(all);
    }

    @Override
    public Retryer enrich(Retryer retryer) {
        return retryer instanceof TokenReplayRetryer ? retryer : new TokenReplayRetryer(retryer);
    }

    @Override
    public ErrorDecoder enrich(ErrorDecoder decoder) {
        return decoder instanceof TransactionErrorDecoder ? decoder
                : new TransactionErrorDecoder(decoder, signer, mapper, bodyDeadline, clock);
    }
}
