package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import feign.Client;
import feign.Request;
import feign.Response;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The adapter's own Feign {@link Client} over the JDK {@link HttpClient}, which it owns and releases on
 * {@link #close()}. Unlike feign-java11's {@code Http2Client} it hands Feign only answers that are already wholly in
 * memory:
 * <ul>
 *   <li>the answer headers must arrive within the read timeout (the request timeout of the JDK client);</li>
 *   <li>then the whole body within one body deadline, and at most {@code maxBodyBytes + 1} bytes of it (a longer
 *   body is cut there, so that decoders see it as over the limit, and the connection is dropped);</li>
 *   <li>no {@code Accept-Encoding} is added; a {@code gzip} or {@code deflate} body a server sends anyway is decoded
 *   in memory after the bounded read, bounded again (no decoding stream ever waits on the network);</li>
 *   <li>redirects are never followed (a signature must not travel to another host).</li>
 * </ul>
 * It runs on an executor of its own; {@link #close()} shuts it down and drops the JDK client, whose selector thread
 * then ends (at once on JDK 21+, which has {@code HttpClient.shutdownNow()}; on JDK 17 once the client is collected).
 * The connect timeout is the client's; the read timeout is each request's {@link Request.Options}.
 */
public final class JdkFeignClient implements Client, Closeable {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final Duration bodyTimeout;
    private final int maxBodyBytes;
    private final ExecutorService executor;
    private volatile HttpClient client;
    private volatile ParsedUrl lastTarget;

    /**
     * A client.
     *
     * @param connectTimeout how long a connection may take
     * @param bodyTimeout    how long the whole body may take after the headers; {@code null} for each request's read
     *                       timeout
     * @param maxBodyBytes   the body size limit
     * @param name           the prefix of its thread names
     */
    public JdkFeignClient(Duration connectTimeout, Duration bodyTimeout, int maxBodyBytes, String name) {
        this.bodyTimeout = bodyTimeout;
        this.maxBodyBytes = maxBodyBytes;
        // idle threads end after two seconds, so that even an endpoint that is dropped without close() leaves none
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads(name));
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Duration readTimeout = Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        HttpRequest.Builder builder = newRequest(request.httpMethod().name(), toUri(request.url()), request.body(),
                readTimeout);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                setHeader(builder, header.getKey(), value, false);
            }
        }
        Received answer = receive(builder.build(), readTimeout);
        return Response.builder()
                .status(answer.status())
                .reason(null)
                .headers(Collections.<String, Collection<String>>unmodifiableMap(answer.headers()))
                .request(request)
                .body(answer.body())
                .build();
    }

    /**
     * One exchange with the same bounds as {@link #execute}, for a transport that owns this client: no Feign
     * {@link Request} or {@link Response} (and none of their header copies) in between. Each header is set once.
     *
     * @return the status, the headers (case-insensitive) and at most {@code maxBodyBytes + 1} body bytes (one more
     *         than the limit marks a body over it)
     */
    public Received exchange(String method, URI uri, Map<String, String> headers, byte[] body, Duration readTimeout)
            throws IOException {
        HttpRequest.Builder builder = newRequest(method, uri, body, readTimeout);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            setHeader(builder, header.getKey(), header.getValue(), true);
        }
        return receive(builder.build(), readTimeout);
    }

    /**
     * An answer wholly in memory.
     *
     * @param status  the HTTP status
     * @param headers the headers, names matched case-insensitively
     * @param body    the body (decoded when it came gzip or deflate coded), at most the limit + 1 bytes
     */
    public record Received(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private HttpRequest.Builder newRequest(String method, URI uri, byte[] body, Duration readTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1); // clear text (loopback): no h2c upgrade offered each time
        }
        return builder;
    }

    private static void setHeader(HttpRequest.Builder builder, String name, String value, boolean replace) {
        if (name == null || value == null || isRestricted(name)) {
            return;
        }
        try {
            if (replace) {
                builder.setHeader(name, value);
            } else {
                builder.header(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new SnapConfigurationException("the header '" + name + "' cannot be sent by the"
                    + " JDK HTTP client (a name or value it does not allow); nothing was sent");
        }
    }

    /** Sends, then reads the whole body within the body deadline and the limit, decoding a gzip or deflate body. */
    private Received receive(HttpRequest request, Duration readTimeout) throws IOException {
        HttpClient http = client;
        if (http == null || executor.isShutdown()) {
            throw new IOException("the HTTP client is closed");
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the answer");
            interrupted.initCause(e);
            throw interrupted;
        } catch (IllegalArgumentException | SecurityException e) {
            throw new IOException("the request could not be sent (" + e.getClass().getSimpleName() + ")", e);
        }
        Map<String, List<String>> headers = answer.headers().map(); // case-insensitive, values immutable
        byte[] body = Bodies.readWithin(answer.body(), bodyTimeout != null ? bodyTimeout : readTimeout,
                maxBodyBytes + 1, declaredLength(headers.get("content-length")));
        String coding = first(headers.get("content-encoding"));
        if (coding != null && ContentDecoding.isSupported(coding) && body.length <= maxBodyBytes) {
            body = ContentDecoding.decode(coding, body, maxBodyBytes);
            Map<String, List<String>> decoded = new LinkedHashMap<>(headers);
            decoded.keySet().removeIf(n -> n.equalsIgnoreCase("content-encoding")
                    || n.equalsIgnoreCase("content-length"));
            headers = decoded;
        }
        return new Received(answer.statusCode(), headers, body);
    }

    /** The body size limit. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Shuts the executor down and drops the JDK client, so that no thread of it outlives this call for long. */
    @Override
    public void close() {
        HttpClient http = client;
        client = null;
        executor.shutdownNow();
        if (http != null) {
            shutdownNowIfSupported(http);
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return client == null;
    }

    private static void shutdownNowIfSupported(HttpClient http) {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow"); // JDK 21+
            shutdownNow.invoke(http);
        } catch (NoSuchMethodException e) {
            // JDK 17: the selector thread ends once the dropped client is collected
        } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort: the executor is down, and the client is dropped
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The {@code Content-Length} as a number, or -1 when absent or not a plain decimal number. */
    private static long declaredLength(List<String> values) {
        String value = first(values);
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Whether the JDK client sets this header itself (no lower-case copy of the name is made). */
    private static boolean isRestricted(String name) {
        for (String restricted : RESTRICTED) {
            if (restricted.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private URI toUri(String url) throws IOException {
        ParsedUrl known = lastTarget;
        if (known != null && known.url.equals(url)) {
            return known.uri; // a transport sends the same few URLs over and over: parse each once
        }
        try {
            URI uri = URI.create(url);
            lastTarget = new ParsedUrl(url, uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IOException("the request URL is not a valid URI", e);
        }
    }

    /** A URL and its parsed URI. */
    private record ParsedUrl(String url, URI uri) {
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "JdkFeignClient[" + (isClosed() ? "closed" : "open") + ", body limit " + maxBodyBytes + " bytes]";
    }
}
