package dev.snapbi.adapter.jdk;

import dev.snapbi.adapter.jdk.internal.BoundedExchange;
import dev.snapbi.adapter.jdk.internal.OwnedHttpClient;
import dev.snapbi.adapter.jdk.internal.SecretScrubber;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.TransactionTransport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The {@link TransactionTransport} port over the JDK's {@link HttpClient}, with no third-party dependency. One call
 * is one attempt: the given bytes with the given headers (each set once), never retried, never redirected; every HTTP
 * status comes back as a {@link Response}.
 * <pre>{@code
 * try (JdkTransactionTransport transport = JdkTransactionTransport.builder()
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .readTimeout(Duration.ofSeconds(30))   // one deadline for the headers and the whole body
 *         .build()) {
 *     TransactionTransport.Response answer = transport.exchange(request);
 * }
 * }</pre>
 * Bounds and failures:
 * <ul>
 *   <li>the whole answer, headers and body, must arrive within the read timeout, counted from the start of the call
 *   (connecting included): no call takes longer. A body that drips, never ends, or stops after a gzip header ends at
 *   the deadline with {@link SnapUnavailableException} {@link Reason#TIMEOUT}. A connection not made within the
 *   (shorter) connect timeout fails first, as {@link Reason#CONNECT};</li>
 *   <li>a body over {@link Builder#maxBodyBytes(int) the size bound} (1 MiB by default) is a
 *   {@link SnapProtocolException}, read no further than the bound; so is an answer that is not HTTP (the JDK bounds
 *   the headers itself, 384 KiB by default since 17.0.12: {@code jdk.http.maxHeaderSize});</li>
 *   <li>no connection (refused, unknown host, connect timeout, a TLS handshake the JDK reports as failed):
 *   {@link Reason#CONNECT}, the request surely not sent ({@link SnapUnavailableException#surelyNotSent()}); a
 *   connection dropped after it was made, or any other failure: {@link Reason#CONNECTION}, the outcome unknown (when
 *   in doubt, never "surely not sent"); the calling thread interrupted: {@link Reason#INTERRUPTED},
 *   its interrupt flag set again;</li>
 *   <li>plain {@code http://} to a host that is not loopback ({@link ProviderProfile#isLoopback(String)}) is refused
 *   by name before anything connects ({@link SnapConfigurationException}), unless built with
 *   {@link Builder#allowInsecureHttpForTesting()}.</li>
 * </ul>
 * It sends no {@code Accept-Encoding} and decompresses nothing: the body is returned as received. Messages never
 * carry header values; text from the client's failures is scrubbed of the request's token and signature.
 * Thread-safe; {@link #close()} ends the threads it started.
 */
public final class JdkTransactionTransport implements TransactionTransport, AutoCloseable {

    /** The default bound on an answer's body: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** The default connect timeout: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The default read timeout: 30 s for headers and the whole body. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final String THREAD_PREFIX = "snapbi-jdk-transport";

    private final OwnedHttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxBodyBytes;
    private final boolean insecureHttpAllowed;
    private volatile URI lastCheckedTarget;

    private JdkTransactionTransport(Builder b) {
        this.connectTimeout = OwnedHttpClient.requireTimeout(b.connectTimeout, "connectTimeout");
        this.readTimeout = OwnedHttpClient.requireTimeout(b.readTimeout, "readTimeout");
        this.http = OwnedHttpClient.create(b.httpClient, b.executor, connectTimeout, b.maxBodyBytes, THREAD_PREFIX);
        this.maxBodyBytes = b.maxBodyBytes;
        this.insecureHttpAllowed = b.insecureHttpAllowed;
    }

    /** A builder with the defaults: connect 5 s, read 30 s, 1 MiB, a client and threads of its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** A transport with the defaults. */
    public static JdkTransactionTransport create() {
        return builder().build();
    }

    @Override
    public Response exchange(Request request) {
        Objects.requireNonNull(request, "request");
        HttpClient client = http.client("JdkTransactionTransport");
        String where = request.method() + " " + request.uri().getRawPath();
        HttpRequest httpRequest = toHttpRequest(request, where);
        if (Thread.currentThread().isInterrupted()) {
            throw new SnapUnavailableException(Reason.INTERRUPTED, "interrupted before sending " + where
                    + "; nothing was sent", ErrorContext.ofRequest(request.method(), request.uri().getRawPath()),
                    null, null);
        }
        SecretScrubber scrubber = SecretScrubber.ofHeaders(request.headers());
        BoundedExchange.Answer answer;
        try {
            answer = BoundedExchange.send(client, httpRequest, readTimeout, maxBodyBytes, scrubber);
        } catch (BoundedExchange.Failed f) {
            throw failure(f, where, request.uri());
        }
        return Response.of(answer.status(), answer.headers().map(), answer.body());
    }

    private HttpRequest toHttpRequest(Request request, String where) {
        URI uri = request.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri != lastCheckedTarget) { // the caller sends the same URI objects over and over: check each once
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new SnapConfigurationException("the target of " + where + " must be an absolute https:// URL");
            }
            if (uri.getRawUserInfo() != null) {
                throw new SnapConfigurationException("the target of " + where + " must not carry credentials");
            }
            if (!insecureHttpAllowed) {
                ProviderProfile.requireHttpsUnlessLoopback(uri, "the target of " + where);
            }
            lastCheckedTarget = uri; // URIs are immutable: one that passed the checks passes them again
        }
        String method = request.method();
        if (!METHODS.contains(method)) {
            throw new SnapConfigurationException("unsupported HTTP method '" + method + "' for " + where
                    + "; expected one of " + METHODS);
        }
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .expectContinue(false)
                .method(method, body.length == 0 && (method.equals("GET") || method.equals("DELETE"))
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (scheme.equals("http")) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade headers on a user's client
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                if (!header.getValue().strip().equals(Integer.toString(body.length))) {
                    throw new SnapConfigurationException("the Content-Length header of " + where
                            + " does not match the body's " + body.length + " bytes");
                }
                continue; // the client writes it from the body
            }
            try {
                builder.setHeader(name, header.getValue()); // set, never add: each header once
            } catch (IllegalArgumentException e) {
                // the JDK's message may quote the value; name the header only
                throw new SnapConfigurationException("the header '" + safeName(name) + "' of " + where
                        + " cannot be sent by java.net.http (restricted name, or a value with control characters)");
            }
        }
        return builder.build();
    }

    private static String safeName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 64; i++) {
            char c = name.charAt(i);
            out.append(c > ' ' && c <= '~' ? c : '?');
        }
        return out.toString();
    }

    private SnapException failure(BoundedExchange.Failed f, String where, URI uri) {
        String at = where + " at " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        ErrorContext context = ErrorContext.ofRequest(where.substring(0, where.indexOf(' ')),
                where.substring(where.indexOf(' ') + 1));
        return switch (f.failure()) {
            case CONNECT -> new SnapUnavailableException(Reason.CONNECT, "no connection could be made for " + at
                    + " (refused, unknown host, connect timeout or TLS handshake failure); the request was not sent",
                    context, null, f.getCause());
            case CONNECTION -> new SnapUnavailableException(Reason.CONNECTION, "the connection failed after it was"
                    + " made for " + at + "; the request may have reached the server: its outcome is unknown",
                    context, null, f.getCause());
            case TIMEOUT -> new SnapUnavailableException(Reason.TIMEOUT, "no complete answer within the read timeout ("
                    + readTimeout.toMillis() + " ms, headers and whole body) for " + at
                    + "; the request may have reached the server: its outcome is unknown", context, null, null);
            case INTERRUPTED -> new SnapUnavailableException(Reason.INTERRUPTED, "interrupted while waiting for the"
                    + " answer to " + at + "; the request may have reached the server", context, null, null);
            case TOO_LARGE -> new SnapProtocolException("the answer to " + at + " is larger than the bound of "
                    + maxBodyBytes + " bytes" + f.declaredLength().stream().mapToObj(n -> " (Content-Length " + n
                    + ")").findFirst().orElse("") + "; raise maxBodyBytes if this is expected", context, null);
            case PROTOCOL -> new SnapProtocolException("the answer to " + at + " is not valid HTTP (malformed, or"
                    + " headers over the JDK's bound); the request may have reached the server: its outcome is unknown",
                    context, f.getCause());
        };
    }

    /** The connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The read timeout: one deadline for the whole call, the answer's headers and whole body included. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The bound on an answer's body, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Stops this transport: later calls fail with {@link SnapConfigurationException}; the threads it started end (an
     * {@code HttpClient} or executor you supplied is left to you). Idempotent.
     */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "JdkTransactionTransport[connect " + connectTimeout.toMillis() + " ms, read " + readTimeout.toMillis()
                + " ms, max body " + maxBodyBytes + " bytes" + (insecureHttpAllowed ? ", INSECURE http allowed" : "")
                + "]";
    }

    /** Builds a {@link JdkTransactionTransport}; validation happens in {@link #build()}. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private HttpClient httpClient;
        private Executor executor;
        private boolean insecureHttpAllowed;

        private Builder() {
        }

        /** How long to wait for a connection (TCP and TLS); default 5 s. Ignored with {@link #httpClient}. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /**
         * One deadline for the whole call: connecting, the answer's headers and its whole body; default 30 s. Keep it
         * longer than the connect timeout, so that a connection that cannot be made is reported as such.
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        /** The largest answer body accepted, in bytes; default 1 MiB. */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Your own client (proxy, TLS, HTTP/2 settings). Its connect timeout and redirect policy are then its own:
         * build it with {@code followRedirects(NEVER)} so a signature never travels to another host. It is not closed
         * by {@link JdkTransactionTransport#close()}.
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** The executor for the client this transport builds (yours: not shut down on close). */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /**
         * INSECURE, for tests only: allows plain {@code http://} to a host that is not loopback (a test proxy of your
         * own). Access tokens and signatures then travel in clear text; never use it with real credentials.
         */
        public Builder allowInsecureHttpForTesting() {
            this.insecureHttpAllowed = true;
            return this;
        }

        /**
         * The transport.
         *
         * @throws SnapConfigurationException when a timeout is not positive or over a day, the size bound is below 1,
         *                                    or both a client and an executor are given
         */
        public JdkTransactionTransport build() {
            return new JdkTransactionTransport(this);
        }
    }
}
