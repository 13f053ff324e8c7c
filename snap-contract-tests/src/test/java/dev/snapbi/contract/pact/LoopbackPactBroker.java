package dev.snapbi.contract.pact;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Pact Broker, on loopback, to receive a publication the way the Pact Maven plugin 4.6 makes one
 * (found by recording what it asks for): the HAL index at {@code /}, then either {@code POST /contracts/publish} when
 * the index advertises {@code pb:publish-contracts} (brokers since 2.86; the only way a branch is published), or the
 * {@code PUT} of the pact to {@code /pacts/provider/{provider}/consumer/{consumer}/version/{version}} through
 * {@code pb:publish-pact}. Every request is recorded with the status it got; anything else is answered 404.
 */
final class LoopbackPactBroker implements AutoCloseable {

    private static final Pattern PACT_PATH = Pattern.compile(
            "/pacts/provider/([^/]+)/consumer/([^/]+)/version/([^/]+)");

    /** One request as the broker received it, and the status it was answered with. */
    record Received(String method, String path, Map<String, List<String>> headers, String body, int status) {

        /** The first value of a header, or null. */
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The decoded path segments a pattern captured, or null when the path does not match it. */
        List<String> segments(Pattern pattern) {
            Matcher m = pattern.matcher(path);
            if (!m.matches()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                // a path is not a form: '+' is itself there, only %XX are escapes
                out.add(URLDecoder.decode(m.group(i).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** The path of the {@code pb:publish-contracts} relation. */
    static final String PUBLISH_CONTRACTS_PATH = "/contracts/publish";

    private final boolean publishContracts;
    private final String requiredAuthorization;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loopback-pact-broker");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> requests = new ArrayList<>();

    private LoopbackPactBroker(HttpServer server, boolean publishContracts, String requiredAuthorization) {
        this.server = server;
        this.publishContracts = publishContracts;
        this.requiredAuthorization = requiredAuthorization;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * A broker on 127.0.0.1 and a free port. A current broker ({@code publishContracts}) also advertises
     * {@code pb:publish-contracts} ({@code POST /contracts/publish}, Pact Broker 2.86 and later, the only way to publish a
     * branch); an older one offers only {@code pb:publish-pact}. Like a real broker, it answers {@code 401} with a
     * {@code WWW-Authenticate} challenge to any request without the {@code Authorization} header value
     * {@code requiredAuthorization} ({@code Basic ...} or {@code Bearer ...}).
     */
    static LoopbackPactBroker start(boolean publishContracts, String requiredAuthorization) {
        try {
            return new LoopbackPactBroker(HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16), publishContracts,
                    requiredAuthorization);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** Its base URL, e.g. {@code http://127.0.0.1:43210}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far, in order of arrival. */
    List<Received> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    static Pattern pactPath() {
        return PACT_PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int status;
        String answer;
        if (!Objects.equals(requiredAuthorization, authorization)) {
            status = 401;
            answer = "{\"error\":\"authentication required\"}";
            exchange.getResponseHeaders().set("WWW-Authenticate", requiredAuthorization.startsWith("Basic")
                    ? "Basic realm=\"Pact Broker\"" : "Bearer realm=\"Pact Broker\"");
        } else if (method.equals("GET") && path.equals("/")) {
            status = 200;
            answer = index();
        } else if (publishContracts && method.equals("POST") && path.equals(PUBLISH_CONTRACTS_PATH)) {
            status = 200;
            answer = "{\"notices\":[{\"type\":\"success\",\"text\":\"published\"}],\"_links\":{}}";
        } else if (method.equals("PUT") && PACT_PATH.matcher(path).matches()) {
            status = 201;
            answer = body;
        } else {
            status = 404;
            answer = "{\"error\":\"not served by the loopback broker\"}";
        }
        synchronized (requests) {
            requests.add(new Received(method, path, headers, body, status));
        }
        answer(exchange, status, answer);
    }

    /** The requests that were let in (not answered 401). */
    List<Received> authenticatedRequests() {
        return requests().stream().filter(r -> r.status() != 401).toList();
    }

    private String index() {
        String base = baseUrl().toString();
        return "{\"_links\":{"
                + "\"self\":{\"href\":\"" + base + "\"},"
                + "\"pb:publish-pact\":{\"href\":\"" + base
                + "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}\","
                + "\"title\":\"Publish a pact\",\"templated\":true}"
                + (publishContracts ? ",\"pb:publish-contracts\":{\"href\":\"" + base + PUBLISH_CONTRACTS_PATH
                + "\",\"title\":\"Publish contracts\",\"templated\":false}" : "")
                + "}}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/hal+json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
