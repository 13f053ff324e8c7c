package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their request slowly (a byte now and then, headers or body) neither stop the sandbox from
 * answering others nor hold a connection beyond the request-read deadline. Loopback only; the timeouts below are
 * safety nets, nothing waits for time to pass.
 */
class SlowClientsTest {

    private final List<Socket> sockets = new ArrayList<>();
    private SnapSandbox sandbox;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A connection that sent part of a request and then goes quiet (it would drip a byte every few seconds). */
    private Socket dripper(String partialRequest) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
        sockets.add(socket);
        socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String headersOnlyPart() {
        return "POST " + SnapSandbox.TOKEN_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Drip: a";
    }

    private static String bodyPart() {
        return "POST " + SnapSandbox.TOKEN_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{";
    }

    @Test
    void forty_connections_dripping_their_headers_or_body_do_not_stop_the_sandbox_from_answering() throws IOException {
        sandbox = SnapSandbox.builder().start(); // the default pool
        for (int i = 0; i < 20; i++) {
            dripper(headersOnlyPart());
            dripper(bodyPart());
        }

        // the safety net stays under the JDK server's own 10 s request deadline (maxReqTime), which would end the
        // drippers anyway: the answer must come because they do not hold the threads, not because they were dropped
        HttpResponse<String> ping = Snap.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(SnapSandbox.PING_PATH))
                .header("Authorization", "Bearer nope").timeout(Duration.ofSeconds(8)).GET().build());

        assertThat(ping.statusCode()).isEqualTo(401);
        assertThat(ping.body()).contains("4017301");
    }

    @Test
    void a_body_that_does_not_arrive_within_the_request_read_timeout_gets_its_connection_closed() throws IOException {
        sandbox = SnapSandbox.builder().requestReadTimeout(Duration.ofMillis(200)).start();
        Socket slow = dripper(bodyPart());
        // safety net only, and under the JDK server's own 10 s request deadline, which would close it too
        slow.setSoTimeout(8_000);

        assertThat(readToEndOrReset(slow.getInputStream())).isEqualTo("");
        assertThat(Snap.ping(sandbox.baseUrl(), "Bearer nope").statusCode()).isEqualTo(401);
    }

    /** What the server sent before closing: empty when it closed without answering. */
    private static String readToEndOrReset(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the sandbox kept the slow connection open", e);
        } catch (SocketException reset) {
            return "";
        }
    }
}
