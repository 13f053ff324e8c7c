package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.internal.Bodies;
import dev.snapbi.adapter.feign.internal.BoundedClient;
import dev.snapbi.adapter.feign.internal.JdkFeignClient;
import dev.snapbi.adapter.feign.internal.Loopback;
import dev.snapbi.adapter.feign.internal.Settings;
import dev.snapbi.adapter.feign.internal.TransportFailures;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.port.TransactionTransport;
import feign.Client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link TransactionTransport} port over a Feign {@link Client}: by default the adapter's own client on the JDK
 * {@code HttpClient} (owned, released by {@link #close()}), or any Feign client you pass.
 * <ul>
 *   <li><b>One attempt.</b> The request is sent once with exactly its headers and body bytes; nothing is retried,
 *   re-signed or re-serialised. Every HTTP answer, whatever its status, is returned as a
 *   {@link TransactionTransport.Response}.</li>
 *   <li><b>Bounded.</b> The answer headers must arrive within the read timeout, then the whole body within the body
 *   timeout (default: the read timeout) and within {@link Builder#maxBodyBytes(int) maxBodyBytes} (default 1 MiB);
 *   otherwise a {@link SnapUnavailableException} ({@code TIMEOUT}) or a {@link SnapProtocolException}. A
 *   {@code gzip} body is decoded in memory after the bounded read, never by a stream that waits on the network.</li>
 *   <li><b>Typed errors.</b> No connection ({@code CONNECT}: refused, unknown host, connect timeout, TLS handshake;
 *   {@link SnapUnavailableException#surelyNotSent()} is true) is told apart from a timeout or a dropped connection
 *   ({@code TIMEOUT}, {@code CONNECTION}: the call may have been carried out). No Feign or I/O exception escapes,
 *   and no message carries a header value.</li>
 *   <li><b>No clear text.</b> Plain {@code http://} is refused before connecting unless the host is loopback (an IP
 *   literal in 127.0.0.0/8, {@code [::1]}, or exactly {@code localhost}); names are never resolved to decide.</li>
 * </ul>
 * Thread-safe; one instance serves any number of merchants.
 * <pre>{@code
 * try (FeignTransactionTransport transport = FeignTransactionTransport.builder()
 *         .readTimeout(Duration.ofSeconds(15))
 *         .build()) {
 *     TransactionTransport.Response answer = transport.exchange(signedRequest);
 * }
 * }</pre>
 */
public final class FeignTransactionTransport implements TransactionTransport, AutoCloseable {

    /** The default body size limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private final Client client;
    private final JdkFeignClient owned;
    private final feign.Request.Options options;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration bodyTimeout;
    private final int maxBodyBytes;
    private final boolean allowPlainHttp;
    private volatile URI lastSecureTarget; // URIs are immutable: one that passed the check passes it again

    private FeignTransactionTransport(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.bodyTimeout = b.bodyTimeout != null ? b.bodyTimeout : b.readTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.allowPlainHttp = b.allowPlainHttp;
        this.options = new feign.Request.Options(connectTimeout, readTimeout, false);
        if (b.client != null) {
            this.client = new BoundedClient(b.client, bodyTimeout, maxBodyBytes, allowPlainHttp, false);
            this.owned = null;
        } else {
            this.owned = new JdkFeignClient(connectTimeout, bodyTimeout, maxBodyBytes, "snapbi-transport-http");
            this.client = owned;
        }
    }

    /** A transport with every default: connect 5 s, read 10 s, body limit 1 MiB, the adapter's own JDK client. */
    public static FeignTransactionTransport create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the request once and reads its whole answer.
     *
     * @throws SnapConfigurationException plain {@code http://} to a host that is not loopback, or an unknown method;
     *                                    nothing was sent
     * @throws SnapUnavailableException   no complete answer: {@code CONNECT} (surely not sent), {@code TIMEOUT},
     *                                    {@code CONNECTION}, {@code INTERRUPTED}
     * @throws SnapProtocolException      the body is over the size limit or not valid for its content coding
     */
    @Override
    public TransactionTransport.Response exchange(TransactionTransport.Request request) {
        Objects.requireNonNull(request, "request");
        URI uri = request.uri();
        if (uri != lastSecureTarget) { // the caller sends the same URI objects over and over: check each once
            Loopback.requireSecureOrLoopback(uri, allowPlainHttp, "a signed request");
            lastSecureTarget = uri;
        }
        feign.Request.HttpMethod method;
        try {
            method = feign.Request.HttpMethod.valueOf(request.method().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SnapConfigurationException("unknown HTTP method '" + request.method() + "'");
        }
        byte[] body = request.body();
        if (owned != null) {
            return exchangeOwned(method, uri, request.headers(), body);
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        feign.Request feignRequest = feign.Request.create(method, uri.toString(), headers, body.length == 0 ? null : body,
                StandardCharsets.UTF_8, null);
        try (feign.Response answer = client.execute(feignRequest, options)) {
            Bodies.Bounded read = Bodies.readBounded(answer, bodyTimeout, maxBodyBytes);
            if (read.oversized()) {
                throw new Bodies.BodyTooLargeException(maxBodyBytes);
            }
            return TransactionTransport.Response.of(answer.status(), answerHeaders(answer.headers()), read.bytes());
        } catch (IOException e) {
            throw TransportFailures.classify(e, where(method, uri), ErrorContext.ofRequest(method.name(),
                    uri.getRawPath()), connectTimeout, readTimeout);
        } catch (SnapException e) {
            throw e;
        } catch (RuntimeException e) {
            // a user client's own exception: its message may quote the request, so only its type is kept
            throw new SnapUnavailableException(SnapUnavailableException.Reason.OTHER, "the HTTP client failed during "
                    + where(method, uri) + " (" + e.getClass().getName() + "); the call may or may not have been"
                    + " carried out", ErrorContext.ofRequest(method.name(), uri.getRawPath()), null, null);
        }
    }

    /**
     * The exchange on the adapter's own client, which is bounded already (deadline, size limit, decoding): the request
     * goes to it as it is, without a Feign {@code Request} and {@code Response} and their header copies in between.
     */
    private TransactionTransport.Response exchangeOwned(feign.Request.HttpMethod method, URI uri,
                                                       Map<String, String> headers, byte[] body) {
        try {
            JdkFeignClient.Received answer = owned.exchange(method.name(), uri, headers, body, readTimeout);
            if (answer.body().length > maxBodyBytes) {
                throw new Bodies.BodyTooLargeException(maxBodyBytes);
            }
            return TransactionTransport.Response.of(answer.status(), answer.headers(), answer.body());
        } catch (IOException e) {
            throw TransportFailures.classify(e, where(method, uri), ErrorContext.ofRequest(method.name(),
                    uri.getRawPath()), connectTimeout, readTimeout);
        }
    }

    /**
     * Feign's answer headers as the port takes them. {@code Response.of} copies them (names lower-cased, values into
     * immutable lists, null names and values dropped): when every value already is a list they are handed over as
     * they are, with no copy of our own in between.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> answerHeaders(Map<String, Collection<String>> headers) {
        boolean lists = true;
        for (Collection<String> values : headers.values()) {
            if (values != null && !(values instanceof List)) {
                lists = false;
                break;
            }
        }
        if (lists) {
            return (Map<String, List<String>>) (Map<String, ?>) headers;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        return copy;
    }

    /** The request as messages name it (written only when one is). */
    private static String where(feign.Request.HttpMethod method, URI uri) {
        return method.name() + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    /** Releases the HTTP client this transport owns (not one you passed in). */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return "FeignTransactionTransport[connect " + connectTimeout + ", read " + readTimeout + ", body "
                + bodyTimeout + ", limit " + maxBodyBytes + " bytes, " + (owned != null ? owned : client) + "]";
    }

    /** Builds a {@link FeignTransactionTransport}; a setting given as {@code null} is refused where it is given. */
    public static final class Builder extends TransactionHttpSettings<Builder> {
        private Client client;

        private Builder() {
        }

        /**
         * Your own Feign client instead of the adapter's (its lifecycle stays yours). Its bodies are read within the
         * deadline and the size limit (the stream is closed, and the thread interrupted, when connect + read + body
         * timeout have passed); a content coding it leaves in place is returned as it is. What it does before it
         * hands a body over is beyond that (feign-java11's {@code Http2Client} reads a gzip header inside
         * {@code execute}, from a stream that ignores interrupts): prefer the default client.
         */
        public Builder client(Client value) {
            this.client = Settings.required(value, "client");
            return this;
        }

        /** The transport. */
        public FeignTransactionTransport build() {
            return new FeignTransactionTransport(this);
        }
    }
}
