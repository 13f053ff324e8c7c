package dev.snapbi.adapter.feign.internal;

import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Wraps the Feign client of a SNAP transactional interface, never replacing it: it refuses plain {@code http://} to
 * a host that is not loopback before anything is sent, and hands Feign only answers whose body was read wholly
 * within one deadline (the body timeout, or the request's read timeout) and at most {@code maxBodyBytes + 1} bytes
 * (one more marks a body over the limit). Nothing downstream (Feign's logger, the decoders) then reads the network.
 */
public final class BoundedClient implements Client {

    private final Client delegate;
    private final Duration bodyTimeout;
    private final int maxBodyBytes;
    private final boolean allowPlainHttp;

    /** Wraps {@code delegate}; {@code bodyTimeout} {@code null} means each request's read timeout. */
    public BoundedClient(Client delegate, Duration bodyTimeout, int maxBodyBytes, boolean allowPlainHttp) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.bodyTimeout = bodyTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.allowPlainHttp = allowPlainHttp;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        URI target;
        try {
            target = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            throw new IOException("the request URL is not a valid URI", e);
        }
        Loopback.requireSecureOrLoopback(target, allowPlainHttp, "a signed request");
        Response response = delegate.execute(request, options);
        if (response.body() == null || response.body().isRepeatable()) {
            return response; // no body, or already in memory (the adapter's own client)
        }
        Duration deadline = bodyTimeout != null ? bodyTimeout
                : Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        byte[] body;
        try {
            body = Bodies.readWithin(response.body().asInputStream(), deadline, maxBodyBytes + 1);
        } finally {
            response.close();
        }
        return response.toBuilder().body(body).build();
    }

    /** The wrapped client. */
    public Client delegate() {
        return delegate;
    }
}
