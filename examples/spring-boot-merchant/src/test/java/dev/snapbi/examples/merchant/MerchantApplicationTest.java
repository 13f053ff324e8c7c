package dev.snapbi.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.sandbox.SandboxPayment;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.spring.boot3.autoconfigure.test.AutoConfigureSnapSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example service on a random port against the sandbox (one Spring context for the class), everything over HTTP:
 * Boot's own managed Jackson, Micrometer and Lettuce versions are on this module's classpath.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureSnapSandbox
class MerchantApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    @LocalServerPort
    int port;

    @Autowired
    SnapSandbox sandbox;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String method, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private String newOrder(String amount) throws Exception {
        return json("POST", "/orders", "{\"description\":\"Kopi\",\"amount\":" + amount + "}", 201).get("id")
                .asText();
    }

    private double counter(String name, String tag) throws Exception {
        JsonNode metric = json("GET", "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag), null, 200);
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void a_va_created_over_http_and_paid_in_the_sandbox_marks_the_order_paid_through_the_signed_notification()
            throws Exception {
        String id = newOrder("150000");
        JsonNode pending = json("POST", "/orders/" + id + "/virtual-account", "{\"bankCd\":\"BMRI\"}", 200);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("vaNumber").asText()).isNotBlank();
        String tXidVA = pending.get("nicepayRef").asText();

        SandboxPayment payment = sandbox.payVirtualAccount(tXidVA);

        assertThat(payment.notificationStatus()).as("the service's answer to the notification: %s",
                payment.notificationError()).isEqualTo(200);
        assertThat(payment.partnerReferenceNo()).isEqualTo(id);
        JsonNode paid = json("GET", "/orders/" + id, null, 200);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("paidAt").isNull()).isFalse();

        JsonNode health = json("GET", "/actuator/health", null, 200);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/snapbi/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/snapbi/details/clientKey").asText()).isEqualTo("IONPAYTEST");
        // one token for every call of the class: one fetch, however many payments
        assertThat(counter("snapbi.token.requests", "result:fetched")).isEqualTo(1.0);
        assertThat(counter("snapbi.token.fetch", "outcome:success")).isEqualTo(1.0);
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
    }

    @Test
    void a_qris_payment_created_over_http_and_paid_in_the_sandbox_marks_the_order_paid() throws Exception {
        String id = newOrder("25000.50");
        JsonNode pending = json("POST", "/orders/" + id + "/qris", null, 200);
        assertThat(pending.get("qrContent").asText()).isNotBlank();

        SandboxPayment payment = sandbox.payQris(pending.get("nicepayRef").asText());

        assertThat(payment.notificationStatus()).as("%s", payment.notificationError()).isEqualTo(200);
        assertThat(json("GET", "/orders/" + id, null, 200).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void a_notification_signed_with_another_key_is_refused_before_the_controller_and_the_order_stays_unpaid()
            throws Exception {
        String id = newOrder("99000");
        JsonNode pending = json("POST", "/orders/" + id + "/virtual-account", null, 200);
        double handledBefore = counter("merchant.notifications.handled", null);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey forger = generator.generateKeyPair().getPrivate();
        String timestamp = TIMESTAMP.format(OffsetDateTime.now(ZoneId.of("Asia/Jakarta"))
                .truncatedTo(ChronoUnit.SECONDS));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(forger);
        rsa.update(("IONPAYTEST|" + timestamp).getBytes(StandardCharsets.UTF_8));
        String body = "{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\""
                + pending.get("vaNumber").asText() + "\",\"trxId\":\"" + id + "\",\"paidAmount\":{\"value\":"
                + "\"99000.00\",\"currency\":\"IDR\"},\"additionalInfo\":{\"tXidVA\":\""
                + pending.get("nicepayRef").asText() + "\",\"latestTransactionStatus\":\"00\"}}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1.0/transfer-va/payment"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-TIMESTAMP", timestamp)
                .header("X-CLIENT-KEY", "IONPAYTEST")
                .header("X-SIGNATURE", Base64.getEncoder().encodeToString(rsa.sign()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("responseCode").asText()).isEqualTo("4012500");
        assertThat(counter("merchant.notifications.handled", null)).isEqualTo(handledBefore);
        assertThat(json("GET", "/orders/" + id, null, 200).get("status").asText()).isEqualTo("PENDING");

        // the genuine one still works afterwards
        assertThat(sandbox.payVirtualAccount(pending.get("nicepayRef").asText()).notificationStatus()).isEqualTo(200);
        assertThat(counter("merchant.notifications.handled", null)).isEqualTo(handledBefore + 1);
        assertThat(json("GET", "/orders/" + id, null, 200).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void a_notification_without_signature_headers_is_refused_the_same_way() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/v1.0/qr/qr-mpm-notify",
                "{\"originalPartnerReferenceNo\":\"x\"}");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"responseCode\":\"4015200\"");
    }
}
