package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.RawHttpServer;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.port.TransactionTransport;
import feign.Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FeignTransactionTransportTest {

    /** A safety net only: every exchange below must end by its own 1 s deadline, long before this. */
    private static final Duration SAFETY_NET = Duration.ofSeconds(20);
    private static final String TOKEN = "tok-" + "A".repeat(40);
    private static final String SIGNATURE = "sig-" + "B".repeat(80);

    private final FeignTransactionTransport transport = FeignTransactionTransport.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(1))
            .build();

    @AfterEach
    void tearDown() {
        transport.close();
    }

    private static TransactionTransport.Request post(URI base, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + TOKEN);
        headers.put("X-SIGNATURE", SIGNATURE);
        headers.put("X-EXTERNAL-ID", "123");
        return TransactionTransport.Request.of("POST", base.resolve("/nicepay/api/v1.0/transfer-va/create-va"),
                "/api/v1.0/transfer-va/create-va", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttpServer answering(int status, String contentType, byte[] body) throws IOException {
        return RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 " + status + " X", "Content-Type: " + contentType,
                    "Content-Length: " + body.length, "X-Answer: yes", "Connection: close"));
            out.write(body);
        });
    }

    @Test
    void sends_the_exact_body_and_headers_once_and_returns_a_2xx_answer_whole() throws Exception {
        byte[] answer = "{\"responseCode\":\"2002700\"}".getBytes(StandardCharsets.UTF_8);
        try (RawHttpServer server = answering(200, "application/json", answer)) {
            String body = "{ \"a\" : 1 }";
            TransactionTransport.Response response = transport.exchange(post(server.baseUrl(), body));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(answer);
            assertThat(response.header("x-answer")).contains("yes");
            assertThat(server.requests()).hasSize(1);
            String received = server.requests().get(0);
            assertThat(received).startsWith("POST /nicepay/api/v1.0/transfer-va/create-va HTTP/1.1")
                    .contains("X-SIGNATURE: " + SIGNATURE).contains("Authorization: Bearer " + TOKEN)
                    .endsWith("\r\n\r\n" + body);
            assertThat(received.toLowerCase()).doesNotContain("accept-encoding");
        }
    }

    @Test
    void every_http_status_is_an_answer_not_an_exception_and_nothing_is_retried() throws Exception {
        for (int status : new int[] {400, 401, 409, 429, 500, 503, 504}) {
            byte[] body = ("{\"responseCode\":\"" + status + "7300\"}").getBytes(StandardCharsets.UTF_8);
            try (RawHttpServer server = answering(status, "application/json", body)) {
                TransactionTransport.Response response = transport.exchange(post(server.baseUrl(), "{}"));
                assertThat(response.status()).isEqualTo(status);
                assertThat(response.body()).isEqualTo(body);
                assertThat(server.connections()).isEqualTo(1);
            }
        }
    }

    @Test
    void a_body_dripped_one_byte_at_a_time_ends_at_the_read_deadline() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Length: 100"));
            out.flush();
            for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(300); // the scenario: a server that drips; not a test wait
            }
        })) {
            SnapUnavailableException e = assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowableOfType(
                    () -> transport.exchange(post(server.baseUrl(), "{}")), SnapUnavailableException.class));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.surelyNotSent()).isFalse();
            assertNoSecrets(e);
        }
    }

    @Test
    void an_endless_chunked_body_ends_at_the_size_limit() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        })) {
            SnapProtocolException e = assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowableOfType(
                    () -> transport.exchange(post(server.baseUrl(), "{}")), SnapProtocolException.class));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("larger than the limit of " + (1024 * 1024) + " bytes");
            assertNoSecrets(e);
        }
    }

    @Test
    void an_endless_slow_chunked_body_ends_at_the_read_deadline() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100); // the scenario: a server that streams without end
            }
        })) {
            SnapUnavailableException e = assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowableOfType(
                    () -> transport.exchange(post(server.baseUrl(), "{}")), SnapUnavailableException.class));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void a_gzip_header_then_silence_ends_at_the_read_deadline() throws Exception {
        byte[] gzip = gzip("{\"responseCode\":\"2002700\"}");
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Encoding: gzip", "Content-Length: " + gzip.length));
            out.write(gzip, 0, 10); // the gzip header, then nothing
            out.flush();
            Thread.sleep(60_000); // the scenario: silence; the server is closed when the test ends
        })) {
            SnapUnavailableException e = assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowableOfType(
                    () -> transport.exchange(post(server.baseUrl(), "{}")), SnapUnavailableException.class));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void a_gzip_body_is_decoded_in_memory() throws Exception {
        String json = "{\"responseCode\":\"2002700\",\"virtualAccountNo\":\"8888\"}";
        byte[] gzip = gzip(json);
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Encoding: gzip", "Content-Length: " + gzip.length));
            out.write(gzip);
        })) {
            TransactionTransport.Response response = transport.exchange(post(server.baseUrl(), "{}"));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(json);
            assertThat(response.header("content-encoding")).isEmpty();
        }
    }

    @Test
    void a_small_gzip_bomb_is_a_protocol_error_at_the_size_limit() throws Exception {
        byte[] bomb = gzip(" ".repeat(8 * 1024 * 1024));
        try (FeignTransactionTransport small = FeignTransactionTransport.builder().maxBodyBytes(64 * 1024).build();
             RawHttpServer server = RawHttpServer.answering(out -> {
                 out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Encoding: gzip",
                         "Content-Length: " + bomb.length));
                 out.write(bomb);
             })) {
            assertThat(bomb.length).isLessThan(64 * 1024);
            assertThatThrownBy(() -> small.exchange(post(server.baseUrl(), "{}")))
                    .isInstanceOf(SnapProtocolException.class).hasMessageContaining("65536 bytes");
        }
    }

    @Test
    void a_refused_connection_is_connect_and_surely_not_sent() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SnapUnavailableException e = catchThrowableOfType(
                () -> transport.exchange(post(URI.create("http://127.0.0.1:" + port), "{}")),
                SnapUnavailableException.class);
        assertThat(e.reason()).isEqualTo(Reason.CONNECT);
        assertThat(e.surelyNotSent()).isTrue();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("not sent");
        assertNoSecrets(e);
    }

    @Test
    void a_connection_dropped_after_the_request_is_connection_and_maybe_sent() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        })) {
            SnapUnavailableException e = catchThrowableOfType(() -> transport.exchange(post(server.baseUrl(), "{}")),
                    SnapUnavailableException.class);
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION);
            assertThat(e.surelyNotSent()).isFalse();
        }
    }

    @Test
    void plain_http_to_a_name_that_is_not_loopback_is_refused_by_name_before_connecting() throws Exception {
        try (RawHttpServer server = answering(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8))) {
            for (String name : new String[] {"snap-test.example", "127.attacker.example", "127.0.0.1.nip.io"}) {
                URI target = URI.create("http://" + name + ":" + server.port());
                assertThatThrownBy(() -> transport.exchange(post(target, "{}")))
                        .isInstanceOf(SnapConfigurationException.class)
                        .hasMessageContaining("'" + name + "'").hasMessageContaining("https://");
            }
            assertThat(server.connections()).isZero();

            // the names do resolve to this server (test-hosts): only the guard kept the requests at home
            try (FeignTransactionTransport unguarded = FeignTransactionTransport.builder()
                    .dangerouslyAllowPlainHttpToAnyHost().build()) {
                assertThat(unguarded.exchange(post(URI.create("http://snap-test.example:" + server.port()), "{}"))
                        .status()).isEqualTo(200);
            }
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void plain_http_to_loopback_literals_and_localhost_is_allowed() throws Exception {
        try (RawHttpServer server = answering(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8))) {
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                URI target = URI.create("http://" + host + ":" + server.port());
                assertThat(transport.exchange(post(target, "{}")).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_user_client_failure_is_typed_and_never_quotes_the_client_message() {
        Client failing = (request, options) -> {
            throw new IllegalStateException("boom " + request.headers());
        };
        try (FeignTransactionTransport custom = FeignTransactionTransport.builder().client(failing).build()) {
            SnapUnavailableException e = catchThrowableOfType(
                    () -> custom.exchange(post(URI.create("https://pay.example"), "{}")),
                    SnapUnavailableException.class);
            assertThat(e.reason()).isEqualTo(Reason.OTHER);
            assertThat(e.getCause()).isNull();
            assertNoSecrets(e);
        }
    }

    @Test
    void a_user_client_body_is_still_read_within_the_deadline() throws Exception {
        feign.http2client.Http2Client theirs = new feign.http2client.Http2Client();
        try (FeignTransactionTransport custom = FeignTransactionTransport.builder().client(theirs)
                .readTimeout(Duration.ofSeconds(1)).build();
             RawHttpServer server = RawHttpServer.answering(out -> {
                 out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Length: 100"));
                 out.write('{');
                 out.flush();
                 Thread.sleep(60_000); // the scenario: a stalled body
             })) {
            SnapUnavailableException e = assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowableOfType(
                    () -> custom.exchange(post(server.baseUrl(), "{}")), SnapUnavailableException.class));
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void timeouts_out_of_range_and_null_settings_are_configuration_errors_naming_the_setting() {
        assertThatThrownBy(() -> FeignTransactionTransport.builder().readTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> FeignTransactionTransport.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> FeignTransactionTransport.builder().bodyTimeout(null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("bodyTimeout");
        assertThatThrownBy(() -> FeignTransactionTransport.builder().client(null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("client");
        assertThatThrownBy(() -> FeignTransactionTransport.builder().maxBodyBytes(10))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("maxBodyBytes");
    }

    private static void assertNoSecrets(SnapException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain(SIGNATURE);
        }
        assertThat(e.toString()).doesNotContain(TOKEN).doesNotContain(SIGNATURE);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
