package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.signedToken;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;

/** What a hostile or broken client can send, and that the sandbox keeps answering afterwards. */
class HostileInputTest {

    private static KeyPair keys;
    private static SnapSandbox sandbox;

    @BeforeAll
    static void start() {
        keys = Snap.newRsaKeyPair();
        sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start();
        sandbox.registerClient("IONPAYTEST", keys.getPublic());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void still_answers_correctly() {
        HttpResponse<String> response = valid().send();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.isTokenActive(Snap.accessToken(response.body()))).isTrue();
    }

    private static Snap.TokenCall valid() {
        return signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(), NOW_TEXT);
    }

    private static RecordedRequest last() {
        List<RecordedRequest> recorded = sandbox.recordedRequests();
        return recorded.get(recorded.size() - 1);
    }

    @Test
    void refuses_a_10_mib_body_without_reading_it_all() {
        byte[] huge = new byte[10 * 1024 * 1024];
        try {
            HttpResponse<String> response = valid().body(huge).timeout(Duration.ofSeconds(20)).sendOrThrow();
            assertThat(response.statusCode()).isEqualTo(413);
        } catch (IOException e) {
            // the sandbox answers 413 and closes after reading 64 KiB; the client may still be writing and see a reset
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(last().status()).isEqualTo(413);
        assertThat(last().body()).isEmpty();
    }

    @Test
    void refuses_an_endless_chunked_body_after_64_kib() {
        AtomicLong produced = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                produced.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                produced.addAndGet(len);
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        try {
            HttpResponse<String> response = valid().body(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                    .timeout(Duration.ofSeconds(20)).sendOrThrow();
            assertThat(response.statusCode()).isEqualTo(413);
        } catch (IOException e) {
            // closed while the client was still streaming: expected too
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(last().status()).isEqualTo(413);
        assertThat(produced.get()).isGreaterThan(64 * 1024);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 60_000})
    void answers_bad_request_to_deeply_nested_json(int depth) {
        String body = "[".repeat(depth) + "]".repeat(depth);
        assertThat(valid().body(body.substring(0, Math.min(body.length(), 64 * 1024))).send().body())
                .isEqualTo(snapBody("4007300", "Bad Request"));
    }

    @Test
    void answers_bad_request_to_an_absurdly_long_number() {
        String body = "{\"grantType\":\"client_credentials\",\"n\":" + "9".repeat(60_000) + "}";
        assertThat(valid().body(body).send().body()).isEqualTo(snapBody("4007300", "Bad Request"));
    }

    @Test
    void answers_bad_request_to_raw_control_characters_and_bad_escapes() {
        for (String body : new String[] {"{\"grantType\":\"client_credentials\",\"x\":\"a\u0000b\"}",
                "{\"grantType\":\"client_credentials\",\"x\":\"\\x41\"}",
                "{\"grantType\":\"client_credentials\",\"x\":\"\\u12\"}", "\u0000", "{\"grantType\":tru}"}) {
            assertThat(valid().body(body).send().body()).as(body).isEqualTo(snapBody("4007300", "Bad Request"));
        }
    }

    @Test
    void answers_bad_request_to_random_binary_bodies() {
        Random random = new Random(1234);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[random.nextInt(4096) + 1];
            random.nextBytes(junk);
            junk[0] = (byte) 0xFF; // never valid UTF-8, so never accidentally JSON
            assertThat(valid().body(junk).send().body()).isEqualTo(snapBody("4007300", "Bad Request"));
        }
    }

    @Test
    void refuses_headers_over_16_kib_with_431() {
        HttpResponse<String> response = valid().header("X-PADDING", "p".repeat(20 * 1024)).send();
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).isEqualTo(snapBody("4317300", "Request Header Fields Too Large"));
    }

    @Test
    void survives_headers_beyond_what_the_jdk_server_accepts() {
        for (Snap.TokenCall call : new Snap.TokenCall[] {valid().header("X-PADDING", "p".repeat(600 * 1024)),
                manyHeaders(300)}) {
            try {
                HttpResponse<String> response = call.sendOrThrow();
                assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
            } catch (IOException e) {
                // the JDK server may close the connection instead of answering
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Snap.TokenCall manyHeaders(int n) {
        Snap.TokenCall call = valid();
        for (int i = 0; i < n; i++) {
            call.header("X-H" + i, "v");
        }
        return call;
    }

    @Test
    void survives_binary_junk_instead_of_http() throws IOException {
        Random random = new Random(99);
        for (int i = 0; i < 10; i++) {
            byte[] junk = new byte[random.nextInt(8192) + 1];
            random.nextBytes(junk);
            rawExchange(junk);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "POST /nicepay/v1.0/access-token/b2b HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /nicepay/v1.0/access-token/b2b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /nicepay/v1.0/access-token/b2b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "zzzz\r\n",
            "GET /%%%%/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /nicepay/v1.0/access-token/b2b HTTP/9.9\r\n\r\n",
            "\r\n\r\n\r\n",
            "POST /nicepay/v1.0/access-token/b2b HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"gra"})
    void survives_broken_http(String request) throws IOException {
        String answer = rawExchange(request.getBytes(StandardCharsets.ISO_8859_1));
        // the JDK server answers some of these itself (e.g. "URISyntaxException thrown"), but never a stack trace
        assertThat(answer).doesNotContain("\tat ", "at java.", "at sun.", "at dev.snapbi", "Caused by");
    }

    @Test
    void keeps_serving_while_some_clients_hang_halfway_through_their_headers() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket(sandbox.baseUrl().getHost(), sandbox.port());
                socket.getOutputStream().write("POST /nicepay/v1.0/access-token/b2b HTTP/1.1\r\nHost: x\r\nX-"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            assertThat(valid().send().statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void answers_general_error_without_details_when_the_sandbox_itself_fails() {
        AtomicBoolean broken = new AtomicBoolean(false);
        Clock failing = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (broken.get()) {
                    throw new IllegalStateException("clock exploded: secret internals");
                }
                return NOW;
            }
        };
        try (SnapSandbox fragile = SnapSandbox.builder().clock(failing).start()) {
            fragile.registerClient("IONPAYTEST", keys.getPublic());
            broken.set(true);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = signedToken(fragile.baseUrl(), "IONPAYTEST", keys.getPrivate(),
                        NOW_TEXT).send();
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(response.body()).isEqualTo(snapBody("5007300", "General Error"));
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            }
            broken.set(false);
            assertThat(signedToken(fragile.baseUrl(), "IONPAYTEST", keys.getPrivate(), NOW_TEXT).send()
                    .statusCode()).isEqualTo(200);
        }
    }

    /** Writes the bytes on a fresh connection and reads whatever comes back until close or a short timeout. */
    private static String rawExchange(byte[] bytes) throws IOException {
        try (Socket socket = new Socket(sandbox.baseUrl().getHost(), sandbox.port())) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                return "";
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                InputStream in = socket.getInputStream();
                int n;
                while (answer.size() < 1_000_000 && (n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the server may keep the connection open or reset it: either is fine
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
