package dev.snapbi.adapter.jdk;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.port.TransactionTransport.Request;
import dev.snapbi.domain.port.TransactionTransport.Response;
import dev.snapbi.testing.tck.internal.LoopbackHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the JDK adapter promises beyond the port's contract: interrupts, closing, settings, sending rules. */
class JdkTransactionTransportTest {

    private static final String TOKEN = "tok-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String SIGNATURE = "sig-ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210+/==";

    private LoopbackHttpServer server;
    private JdkTransactionTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_interrupted_caller_gets_interrupted_with_its_flag_set_again() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        server = LoopbackHttpServer.start((r, out, s) -> {
            requestArrived.countDown();
            s.awaitRelease(Duration.ofSeconds(120));
        });
        transport = JdkTransactionTransport.builder().readTimeout(Duration.ofSeconds(60)).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                transport.exchange(request(server.uri("/x"), "{}"));
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(requestArrived.await(30, TimeUnit.SECONDS)).as("the request reached the server").isTrue();

        caller.interrupt();
        caller.join(30_000);

        assertThat(caller.isAlive()).as("the caller still waiting after its interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(SnapUnavailableException.class, e -> {
            assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.INTERRUPTED);
            assertThat(e.surelyNotSent()).isFalse();
        });
        assertThat(flagAfter.get()).as("interrupt flag after the call").isTrue();
    }

    @Test
    void close_ends_every_thread_the_transport_started_and_later_calls_are_refused() {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        Set<Thread> before = transportThreads();
        transport = JdkTransactionTransport.builder().build();
        for (int i = 0; i < 4; i++) {
            assertThat(transport.exchange(request(server.uri("/x"), "{}")).status()).isEqualTo(200);
        }
        Set<Thread> started = transportThreads();
        started.removeAll(before);
        assertThat(started).as("threads the transport started").isNotEmpty();

        transport.close();

        assertThat(started).as("threads still alive after close()").noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> transport.exchange(request(server.uri("/x"), "{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void close_lets_the_http_clients_selector_thread_end_too() throws Exception {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        Set<Thread> before = selectorThreads();
        JdkTransactionTransport closing = JdkTransactionTransport.builder().build();
        closing.exchange(request(server.uri("/x"), "{}"));
        Set<Thread> started = selectorThreads();
        started.removeAll(before);
        assertThat(started).as("the client's selector thread").hasSize(1);
        Thread selector = started.iterator().next();

        closing.close();

        // JDK 17 has no HttpClient.close(): its selector ends once the client is collected and it wakes up (every
        // few seconds); the wait below is a safety net for that event, not a measurement
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (selector.isAlive() && System.nanoTime() < deadline) {
            System.gc();
            selector.join(200);
        }
        assertThat(selector.isAlive()).as("%s alive after close()", selector.getName()).isFalse();
        java.lang.ref.Reference.reachabilityFence(closing); // the closed transport itself was still referenced
    }

    @Test
    void an_already_interrupted_caller_sends_nothing() {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        transport = JdkTransactionTransport.builder().build();

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> transport.exchange(request(server.uri("/x"),
                    "{}")));
        } finally {
            assertThat(Thread.interrupted()).as("interrupt flag kept (and cleared here)").isTrue();
        }

        assertThat(thrown).isInstanceOfSatisfying(SnapUnavailableException.class, e ->
                assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.INTERRUPTED));
        assertThat(server.connectionsAccepted()).isZero();
    }

    @Test
    void a_tls_handshake_the_server_breaks_off_is_surely_not_sent_and_other_tls_failures_are_not() throws Exception {
        try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (java.net.Socket first = tcp.accept()) {
                    // hangs up on the ClientHello: the handshake never completes
                } catch (java.io.IOException ignored) {
                    // the test sees what the client saw
                }
                try (java.net.Socket second = tcp.accept()) {
                    // answers the ClientHello in plain text: an SSL failure the client does not call a handshake one
                    second.getInputStream().read(new byte[512]);
                    second.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    second.getOutputStream().flush();
                    second.getInputStream().read(new byte[512]);
                } catch (java.io.IOException ignored) {
                    // the test sees what the client saw
                }
            });
            peer.start();
            transport = JdkTransactionTransport.builder().readTimeout(Duration.ofSeconds(30)).build();
            URI target = URI.create("https://127.0.0.1:" + tcp.getLocalPort() + "/x");

            assertThatThrownBy(() -> transport.exchange(request(target, "{}")))
                    .isInstanceOfSatisfying(SnapUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.CONNECT);
                        assertThat(e.surelyNotSent()).isTrue();
                    });
            // conservative: a TLS failure not reported as a handshake failure leaves the outcome open
            assertThatThrownBy(() -> transport.exchange(request(target, "{}")))
                    .isInstanceOfSatisfying(SnapUnavailableException.class, e ->
                            assertThat(e.surelyNotSent()).isFalse());
            peer.join(30_000);
        }
    }

    @Test
    void an_endless_header_section_is_a_protocol_error_long_before_the_read_timeout() {
        Runtime.Version v = Runtime.version();
        org.junit.jupiter.api.Assumptions.assumeTrue(v.feature() > 17 || v.update() >= 12,
                "the JDK bounds response headers (jdk.http.maxHeaderSize) from 17.0.12 on; this is " + v);
        server = LoopbackHttpServer.start((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\n");
            String line = "X-Filler: " + "a".repeat(1000) + "\r\n";
            while (s.released().getCount() > 0) {
                LoopbackHttpServer.write(out, line); // ends when the client hangs up
            }
        });
        transport = JdkTransactionTransport.builder().readTimeout(Duration.ofSeconds(60)).build();

        assertThatThrownBy(() -> transport.exchange(request(server.uri("/x"), "{}")))
                .isInstanceOf(dev.snapbi.domain.error.SnapProtocolException.class)
                .hasMessageContaining("not valid HTTP");
    }

    @Test
    void leaves_a_client_of_the_users_own_open_on_close() {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        java.net.http.HttpClient mine = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        JdkTransactionTransport first = JdkTransactionTransport.builder().httpClient(mine).build();
        first.exchange(request(server.uri("/x"), "{}"));
        first.close();

        transport = JdkTransactionTransport.builder().httpClient(mine).build();

        assertThat(transport.exchange(request(server.uri("/x"), "{}")).status()).isEqualTo(200);
    }

    @Test
    void returns_the_body_as_received_and_never_asks_for_compression() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"responseCode\":\"2002700\"}".getBytes(StandardCharsets.UTF_8));
        }
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200,
                Map.of("Content-Encoding", "gzip"), gz.toByteArray()));
        transport = JdkTransactionTransport.builder().build();

        Response response = transport.exchange(request(server.uri("/x"), "{}"));

        assertThat(response.body()).isEqualTo(gz.toByteArray());
        assertThat(response.header("content-encoding")).hasValue("gzip");
        assertThat(server.requests().get(0).values("Accept-Encoding")).as("Accept-Encoding sent").isEmpty();
    }

    @Test
    void refuses_timeouts_and_bounds_out_of_range_before_building() {
        assertThatThrownBy(() -> JdkTransactionTransport.builder().readTimeout(Duration.ofSeconds(Long.MAX_VALUE))
                .build()).isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> JdkTransactionTransport.builder().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> JdkTransactionTransport.builder().maxBodyBytes(0).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> JdkTransactionTransport.builder().httpClient(java.net.http.HttpClient.newHttpClient())
                .executor(Runnable::run).build()).isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void refuses_a_header_java_net_http_cannot_send_without_quoting_its_value() {
        transport = JdkTransactionTransport.builder().build();
        Map<String, String> restricted = headers();
        restricted.put("Host", "secret-host-" + TOKEN);
        Map<String, String> broken = headers();
        broken.put("X-Note", "line\r\nX-Injected: " + TOKEN);

        for (Map<String, String> h : java.util.List.of(restricted, broken)) {
            assertThatThrownBy(() -> transport.exchange(Request.of("POST", URI.create("http://127.0.0.1:9/x"), "/x", h,
                    new byte[0])))
                    .isInstanceOf(SnapConfigurationException.class)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
        }
    }

    @Test
    void sends_an_empty_delete_body_and_a_delete_with_a_json_body_as_handed_over() {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        transport = JdkTransactionTransport.builder().build();

        transport.exchange(Request.of("DELETE", server.uri("/va"), "/va", headers(), "{\"trxId\":\"1\"}"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(server.requests().get(0).method()).isEqualTo("DELETE");
        assertThat(server.requests().get(0).bodyText()).isEqualTo("{\"trxId\":\"1\"}");
    }

    @Test
    void says_what_it_is_without_secrets() {
        transport = JdkTransactionTransport.builder().maxBodyBytes(2048).build();

        assertThat(transport.toString()).contains("2048").contains("read 30000 ms");
        assertThat(request(URI.create("https://h.test/x"), "{}").toString()).doesNotContain(TOKEN)
                .doesNotContain(SIGNATURE);
    }

    private static Request request(URI uri, String body) {
        return Request.of("POST", uri, uri.getRawPath(), headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Authorization", "Bearer " + TOKEN);
        h.put("X-SIGNATURE", SIGNATURE);
        return h;
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")
                        && t.isAlive())
                .collect(Collectors.toSet());
    }

    private static Set<Thread> transportThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("snapbi-jdk-transport-") && t.isAlive())
                .collect(Collectors.toSet());
    }

}
