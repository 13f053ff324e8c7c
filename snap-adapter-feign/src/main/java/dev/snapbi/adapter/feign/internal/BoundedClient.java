package dev.snapbi.adapter.feign.internal;

import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Wraps a Feign client, never replacing it, so that what it hands Feign is bounded: plain {@code http://} to a host
 * that is not loopback is refused before anything is sent (unless allowed), and an answer is had wholly, body
 * included, within one deadline (connect timeout + read timeout + body timeout) and at most
 * {@code maxBodyBytes + 1} body bytes (one more marks a body over the limit). When the deadline passes the body
 * stream is closed and the thread interrupted, which ends a blocked read of most clients; it cannot end one inside a
 * client's own {@code execute} that ignores interrupts (feign-java11's {@code Http2Client} reads a gzip header there
 * from the JDK's body stream, which does). Nothing downstream (Feign's logger, the decoders) reads the
 * network. The adapter's own {@link JdkFeignClient} is bounded already and is only guarded.
 */
public final class BoundedClient implements Client {

    private final Client delegate;
    private final Duration bodyTimeout;
    private final int maxBodyBytes;
    private final boolean allowPlainHttp;
    private final boolean checkScheme;

    /**
     * Wraps {@code delegate}.
     *
     * @param bodyTimeout    how long the body may take after the headers; {@code null} for each request's read
     *                       timeout
     * @param allowPlainHttp whether plain http to any host is allowed (the loudly named opt-out)
     * @param checkScheme    whether to refuse plain http to hosts that are not loopback at all (the token endpoint
     *                       checks its URL once, at build time)
     */
    public BoundedClient(Client delegate, Duration bodyTimeout, int maxBodyBytes, boolean allowPlainHttp,
                         boolean checkScheme) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.bodyTimeout = bodyTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.allowPlainHttp = allowPlainHttp;
        this.checkScheme = checkScheme;
    }

    /** Wraps {@code delegate}, refusing plain http to hosts that are not loopback unless allowed. */
    public BoundedClient(Client delegate, Duration bodyTimeout, int maxBodyBytes, boolean allowPlainHttp) {
        this(delegate, bodyTimeout, maxBodyBytes, allowPlainHttp, true);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        if (checkScheme) {
            URI target;
            try {
                target = URI.create(request.url());
            } catch (IllegalArgumentException e) {
                throw new IOException("the request URL is not a valid URI", e);
            }
            Loopback.requireSecureOrLoopback(target, allowPlainHttp, "a signed request");
        }
        if (delegate instanceof JdkFeignClient) {
            return delegate.execute(request, options); // bounded already
        }
        Duration read = Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        Duration body = bodyTimeout != null ? bodyTimeout : read;
        Duration whole = Duration.ofMillis(Math.max(0, options.connectTimeoutMillis())).plus(read).plus(body);
        Deadline deadline = Deadline.start(whole);
        try {
            Response response = delegate.execute(request, options);
            if (response.body() == null || response.body().isRepeatable()) {
                if (deadline.expired()) {
                    throw deadline.timeout();
                }
                return response; // no body, or already in memory
            }
            byte[] bytes;
            try (InputStream in = response.body().asInputStream()) {
                deadline.guard(in);
                bytes = Bodies.readAtMost(in, maxBodyBytes + 1);
            }
            if (deadline.expired()) {
                throw deadline.timeout(); // a closed stream may end early instead of failing
            }
            return response.toBuilder().body(bytes).build();
        } catch (IOException | RuntimeException e) {
            if (deadline.expired()) {
                throw deadline.timeout();
            }
            throw e;
        } finally {
            deadline.close();
        }
    }

    /** The wrapped client. */
    public Client delegate() {
        return delegate;
    }
}
