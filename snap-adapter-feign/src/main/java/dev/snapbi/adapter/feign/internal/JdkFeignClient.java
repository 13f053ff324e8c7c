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
    private volatile Target lastTarget;

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
        HttpClient http = client;
        if (http == null || executor.isShutdown()) {
            throw new IOException("the HTTP client is closed");
        }
        Duration readTimeout = Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(toUri(request.url()))
                .timeout(readTimeout)
                .method(request.httpMethod().name(), request.body() == null || request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (header.getKey() == null || isRestricted(header.getKey())) {
                continue;
            }
            for (String value : header.getValue()) {
                try {
                    builder.header(header.getKey(), value);
                } catch (IllegalArgumentException e) {
                    throw new SnapConfigurationException("the header '" + header.getKey() + "' cannot be sent by the"
                            + " JDK HTTP client (a name or value it does not allow); nothing was sent");
                }
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the answer");
            interrupted.initCause(e);
            throw interrupted;
        } catch (IllegalArgumentException | SecurityException e) {
            throw new IOException("the request could not be sent (" + e.getClass().getSimpleName() + ")", e);
        }
        byte[] body = Bodies.readWithin(answer.body(), bodyTimeout != null ? bodyTimeout : readTimeout,
                maxBodyBytes + 1, answer.headers().firstValueAsLong("content-length").orElse(-1));
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String coding = answer.headers().firstValue("content-encoding").orElse(null);
        if (coding != null && ContentDecoding.isSupported(coding) && body.length <= maxBodyBytes) {
            body = ContentDecoding.decode(coding, body, maxBodyBytes);
            headers.keySet().removeIf(n -> n.equalsIgnoreCase("content-encoding")
                    || n.equalsIgnoreCase("content-length"));
        }
        return Response.builder()
                .status(answer.statusCode())
                .reason(null)
                .headers(headers)
                .request(request)
                .body(body)
                .build();
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
        Target known = lastTarget;
        if (known != null && known.url.equals(url)) {
            return known.uri; // a transport sends the same few URLs over and over: parse each once
        }
        try {
            URI uri = URI.create(url);
            lastTarget = new Target(url, uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IOException("the request URL is not a valid URI", e);
        }
    }

    /** A URL and its parsed URI. */
    private record Target(String url, URI uri) {
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
