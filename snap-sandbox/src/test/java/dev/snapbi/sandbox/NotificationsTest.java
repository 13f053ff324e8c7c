package dev.snapbi.sandbox;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox as NICEPAY calling the merchant back: signed notifications to a merchant endpoint on loopback. */
class NotificationsTest {

    private SnapSandbox sandbox;
    private HttpServer merchant;
    private final AtomicReference<com.sun.net.httpserver.Headers> received = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start();
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/notify", exchange -> {
            received.set(exchange.getRequestHeaders());
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        merchant.start();
    }

    @AfterEach
    void stop() {
        merchant.stop(0);
        sandbox.close();
    }

    private URI merchantUrl() {
        return URI.create("http://127.0.0.1:" + merchant.getAddress().getPort() + "/notify");
    }

    private boolean verifies(String text, String base64Signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(sandbox.notificationPublicKey());
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(base64Signature));
    }

    @Test
    void posts_the_body_signed_over_client_id_and_timestamp_with_its_own_key_and_returns_the_merchants_status()
            throws Exception {
        String body = "{\"trxId\":\"TRX-1\",\"paymentFlagStatus\":\"00\"}";
        answer.set(202);

        int status = sandbox.sendNotification(merchantUrl(), "IONPAYTEST", body);

        assertThat(status).isEqualTo(202);
        assertThat(receivedBody.get()).isEqualTo(body);
        assertThat(received.get().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(received.get().getFirst("X-TIMESTAMP")).isEqualTo(NOW_TEXT);
        assertThat(received.get().getFirst("X-CLIENT-KEY")).isEqualTo("IONPAYTEST");
        String signature = received.get().getFirst("X-SIGNATURE");
        assertThat(verifies("IONPAYTEST|" + NOW_TEXT, signature)).isTrue();
        assertThat(verifies("IONPAYTEST|2024-12-31T10:11:41+07:00", signature)).isFalse();
        assertThat(sandbox.notificationPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void each_sandbox_signs_with_a_key_of_its_own() {
        try (SnapSandbox other = SnapSandbox.start()) {
            assertThat(other.notificationPublicKey()).isNotEqualTo(sandbox.notificationPublicKey());
        }
    }

    @Test
    void refuses_urls_and_client_ids_that_cannot_be_used_and_reports_an_unreachable_merchant() throws IOException {
        assertThatThrownBy(() -> sandbox.sendNotification(URI.create("/notify"), "IONPAYTEST", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> sandbox.sendNotification(URI.create("ftp://127.0.0.1/x"), "IONPAYTEST", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.sendNotification(merchantUrl(), "bad|client", "{}"))
                .isInstanceOf(IllegalArgumentException.class);

        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> sandbox.sendNotification(URI.create("http://127.0.0.1:" + closedPort + "/n"),
                "IONPAYTEST", "{}"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("got no answer");
    }
}
