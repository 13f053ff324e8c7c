package dev.snapbi.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback reverse proxy in front of the sandbox that keeps every answer body it passes on. The sandbox does not
 * reveal the tokens it issues; a client in another process (or one that hides its tokens, like the CLI) can be checked
 * for leaks only against the real values, and this is where they are seen. A failed upstream exchange (the sandbox
 * dropped the connection) is passed on as a dropped connection.
 */
final class RecordingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "http2-settings", "keep-alive", "transfer-encoding", "te");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient upstream;
    private final URI target;
    private final List<String> answers = new CopyOnWriteArrayList<>();

    private RecordingProxy(URI target) throws IOException {
        this.target = target;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "recording-proxy");
            thread.setDaemon(true);
            return thread;
        });
        this.upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    /** A proxy to {@code target} (scheme, host and port; paths are passed on as they come). */
    static RecordingProxy to(URI target) throws IOException {
        return new RecordingProxy(target);
    }

    /** The proxy's own root, to be used as a base URL instead of the target's. */
    URI baseUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** Every answer body passed on so far, as UTF-8 text. */
    List<String> answers() {
        return List.copyOf(answers);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                return; // closing the exchange unanswered drops the client's connection too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answers.add(new String(response.body(), StandardCharsets.UTF_8));
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
