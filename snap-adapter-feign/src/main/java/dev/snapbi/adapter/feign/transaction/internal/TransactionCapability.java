package dev.snapbi.adapter.feign.transaction.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.adapter.feign.internal.BoundedClient;
import dev.snapbi.domain.transaction.TransactionSigner;
import feign.Capability;
import feign.Client;
import feign.InvocationHandlerFactory;
import feign.RequestInterceptor;
import feign.RequestInterceptors;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a Feign client into a SNAP transactional client when it is built, whatever order the builder was configured
 * in, and without replacing anything the user chose: the signing interceptor goes last (after any interceptor that
 * changes the body or the path); the client, retryer, decoder and error decoder the builder ends up with are wrapped
 * ({@link BoundedClient}, {@link ReplayOnceRetryer}, {@link BoundedDecoder}, {@link TransactionErrorDecoder}); and the
 * invocation handler lets no Feign exception out ({@link TypedInvocationHandlerFactory}).
 */
public final class TransactionCapability implements Capability {

    private final RequestInterceptor interceptor;
    private final TransactionSigner signer;
    private final ObjectMapper mapper;
    private final Duration bodyDeadline;
    private final Duration bodyTimeout;
    private final int maxBodyBytes;
    private final boolean allowPlainHttp;
    private final Clock clock;

    /**
     * A capability adding {@code interceptor}, which signs with {@code signer}.
     *
     * @param bodyTimeout    the body deadline of the wrapped client; {@code null} for each request's read timeout
     * @param bodyDeadline   the deadline of a body the decoders must still read themselves
     * @param allowPlainHttp whether plain http to any host is allowed (the loudly named opt-out)
     */
    public TransactionCapability(RequestInterceptor interceptor, TransactionSigner signer, ObjectMapper mapper,
                                 Duration bodyTimeout, Duration bodyDeadline, int maxBodyBytes,
                                 boolean allowPlainHttp, Clock clock) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodyTimeout = bodyTimeout;
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.maxBodyBytes = maxBodyBytes;
        this.allowPlainHttp = allowPlainHttp;
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
    public Client enrich(Client client) {
        return client instanceof BoundedClient ? client
                : new BoundedClient(client, bodyTimeout, maxBodyBytes, allowPlainHttp);
    }

    @Override
    public Retryer enrich(Retryer retryer) {
        return retryer instanceof ReplayOnceRetryer ? retryer : new ReplayOnceRetryer(retryer);
    }

    @Override
    public Decoder enrich(Decoder decoder) {
        return decoder instanceof BoundedDecoder ? decoder : new BoundedDecoder(decoder, bodyDeadline, maxBodyBytes);
    }

    @Override
    public ErrorDecoder enrich(ErrorDecoder decoder) {
        return decoder instanceof TransactionErrorDecoder ? decoder
                : new TransactionErrorDecoder(decoder, signer, mapper, bodyDeadline, maxBodyBytes, clock);
    }

    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory factory) {
        return factory instanceof TypedInvocationHandlerFactory ? factory : new TypedInvocationHandlerFactory(factory);
    }
}
