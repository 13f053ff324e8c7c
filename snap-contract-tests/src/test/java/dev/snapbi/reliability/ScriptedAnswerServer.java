package dev.snapbi.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that answers every request with the answer set last, byte for byte: the most honest way to
 * feed hostile answers to the Feign adapter, through the same JDK HTTP client and decoders as in production.
 */
final class ScriptedAnswerServer implements AutoCloseable {

    /**
     * One answer.
     *
     * @param status         the HTTP status
     * @param contentType    the {@code Content-Type}, or null for none
     * @param body           the bytes sent
     * @param declaredLength the {@code Content-Length} announced: {@code body.length} normally; more to announce bytes
     *                       that never come (the connection is closed after {@code body}); 0 for chunked encoding
     */
    record Answer(int status, String contentType, byte[] body, long declaredLength) {

        static Answer json(int status, byte[] body) {
            return new Answer(status, "application/json", body, body.length);
        }
    }

    static {
        // as SnapSandbox does: without TCP_NODELAY the JDK server's answers wait ~40 ms for the client's delayed ACK
        // (read once, when the JDK's server classes load)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<Answer> next = new AtomicReference<>(Answer.json(200, new byte[0]));

    ScriptedAnswerServer() throws IOException {
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "scripted-answers");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** The root to use as the adapter's base URL. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every following request gets this answer. */
    void answerWith(Answer answer) {
        next.set(answer);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Answer answer = next.get();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            long declared = answer.body().length == 0 && answer.declaredLength() == 0 ? -1 : answer.declaredLength();
            exchange.sendResponseHeaders(answer.status(), declared);
            OutputStream out = exchange.getResponseBody();
            out.write(answer.body());
            out.flush();
        } catch (IOException e) {
            // the client stopped reading (an oversized body) or the body was short of its declared length on
            // purpose: the connection is closed either way, which is what the client is meant to see
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
