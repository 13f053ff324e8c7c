package dev.snapbi.adapter.feign;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaVerifier;
import dev.snapbi.domain.model.NotificationVerification;
import dev.snapbi.domain.model.NotificationVerification.Outcome;
import dev.snapbi.domain.notification.NotificationVerifier;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NICEPAY's callbacks end to end: the sandbox signs a notification with its own RSA key and posts it to a merchant
 * endpoint on loopback, which checks it with the domain's {@link NotificationVerifier} over snap-crypto's
 * {@link RsaVerifier}, given NICEPAY's (here: the sandbox's) public key.
 */
@ExtendWith(SnapSandboxExtension.class)
class NotificationVerificationTest {

    private static final String BODY = "{\"trxId\":\"TRX-1\",\"virtualAccountNo\":\"8812345600000001\","
            + "\"paymentFlagStatus\":\"00\"}";

    private SnapSandbox sandbox;
    private HttpServer merchant;
    private NotificationVerifier verifier;
    private final AtomicReference<Map<String, List<String>>> lastHeaders = new AtomicReference<>();
    private final AtomicReference<NotificationVerification> lastVerdict = new AtomicReference<>();

    @BeforeEach
    void start(SnapSandbox sandbox) throws IOException {
        this.sandbox = sandbox;
        verifier = verifierAt(Clock.systemUTC());
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // what a merchant's callback handler does: verify the headers, act only on VALID
        merchant.createContext("/nicepay/notify", exchange -> {
            Headers headers = exchange.getRequestHeaders();
            exchange.getRequestBody().readAllBytes();
            lastHeaders.set(copy(headers));
            NotificationVerification verdict = verifier.verify(headers);
            lastVerdict.set(verdict);
            exchange.sendResponseHeaders(verdict.isValid() ? 200 : 401, -1);
            exchange.close();
        });
        merchant.start();
    }

    @AfterEach
    void stop() {
        merchant.stop(0);
    }

    private NotificationVerifier verifierAt(Clock clock) {
        return NotificationVerifier.builder()
                .signatureVerifier(RsaVerifier.fromPem(sandbox.notificationPublicKeyPem())::verify)
                .clientId("IONPAYTEST")
                .clientId("OTHERMERCHANT")
                .clock(clock)
                .build();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }

    private URI merchantUrl() {
        return URI.create("http://127.0.0.1:" + merchant.getAddress().getPort() + "/nicepay/notify");
    }

    private Map<String, List<String>> genuine() {
        assertThat(sandbox.sendNotification(merchantUrl(), "IONPAYTEST", BODY)).isEqualTo(200);
        return copy(lastHeaders.get());
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        Map<String, List<String>> changed = copy(headers);
        changed.keySet().removeIf(key -> key.equalsIgnoreCase(name));
        changed.put(name, List.of(value));
        return changed;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
    }

    @Test
    void a_notification_signed_by_nicepays_key_verifies_at_the_merchant() {
        int status = sandbox.sendNotification(merchantUrl(), "IONPAYTEST", BODY);

        assertThat(status).isEqualTo(200);
        assertThat(lastVerdict.get().outcome()).isEqualTo(Outcome.VALID);
        assertThat(lastVerdict.get().clientId().orElseThrow().value()).isEqualTo("IONPAYTEST");
    }

    @Test
    void a_changed_timestamp_or_client_or_a_flipped_signature_does_not_verify() {
        Map<String, List<String>> headers = genuine();
        String timestamp = header(headers, "X-TIMESTAMP");
        String signature = header(headers, "X-SIGNATURE");
        assertThat(verifier.verify(headers).isValid()).isTrue();

        String otherSecond = timestamp.substring(0, 17) + (timestamp.charAt(18) == '9' ? "58" : "59")
                + timestamp.substring(19);
        assertThat(verifier.verify(with(headers, "X-TIMESTAMP", otherSecond)).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(verifier.verify(with(headers, "X-CLIENT-KEY", "OTHERMERCHANT")).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);
        byte[] bytes = Base64.getDecoder().decode(signature);
        bytes[0] ^= 0x01;
        assertThat(verifier.verify(with(headers, "X-SIGNATURE", Base64.getEncoder().encodeToString(bytes)))
                .outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(verifier.verify(with(headers, "X-SIGNATURE", "-" + signature.substring(1))).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE_ENCODING); // the URL-safe alphabet is not SNAP's
        assertThat(verifier.verify(with(headers, "X-CLIENT-KEY", "STRANGER")).outcome())
                .isEqualTo(Outcome.UNKNOWN_CLIENT);
    }

    @Test
    void a_genuine_notification_replayed_after_the_window_is_stale() {
        Map<String, List<String>> headers = genuine();

        Clock sixMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
        assertThat(verifierAt(sixMinutesLater).verify(headers).outcome()).isEqualTo(Outcome.STALE_TIMESTAMP);
        Clock sixMinutesEarlier = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
        assertThat(verifierAt(sixMinutesEarlier).verify(headers).outcome()).isEqualTo(Outcome.STALE_TIMESTAMP);
    }

    @Test
    void a_notification_signed_by_another_key_is_refused_by_the_merchant() {
        NotificationVerifier trustsAnotherKey = NotificationVerifier.builder()
                .signatureVerifier(RsaVerifier.create(RsaKeyPairs.generate().publicKey())::verify)
                .clientId("IONPAYTEST").build();
        verifier = trustsAnotherKey;

        assertThat(sandbox.sendNotification(merchantUrl(), "IONPAYTEST", BODY)).isEqualTo(401);
        assertThat(lastVerdict.get().outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(lastVerdict.get().reason()).doesNotContain(header(lastHeaders.get(), "X-SIGNATURE"));
    }
}
