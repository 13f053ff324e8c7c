package dev.snapbi.sandbox.internal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The router never leaves a connection open, even when answering fails with an {@link Error}. */
class RouterTest {

    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        workers.shutdownNow();
        deadlines.shutdownNow();
    }

    /** An endpoint whose answer cannot be built: what rendering a huge page did with a small heap. */
    private static final class Exhausted implements Endpoint {
        @Override
        public String path() {
            return "/exhausted";
        }

        @Override
        public String serviceCode() {
            return "00";
        }

        @Override
        public Reply handle(Incoming request) {
            throw new OutOfMemoryError("simulated: the answer did not fit");
        }
    }

    @Test
    void an_error_while_answering_closes_the_connection_instead_of_leaving_it_open() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", new Router(null, deadlines, Duration.ofSeconds(10), new Exhausted()));
        server.setExecutor(workers);
        server.start();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.setSoTimeout(8_000); // safety net: the connection is closed at once
            socket.getOutputStream().write("GET /exhausted HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(readToEndOrReset(socket.getInputStream())).isEmpty();
        }
    }

    private static String readToEndOrReset(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was left open", e);
        } catch (SocketException reset) {
            return "";
        }
    }
}
