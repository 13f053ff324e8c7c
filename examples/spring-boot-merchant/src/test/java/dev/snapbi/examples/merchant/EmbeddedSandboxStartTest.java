package dev.snapbi.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar spring-boot-merchant.jar} with no configuration: the service starts a sandbox for itself, says so
 * in its log, and the sandbox's admin "pay" call (over HTTP, as the README shows with curl) makes an order paid.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSandboxStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST %s: %s", url, answer.body()).isBetween(200, 201);
        return JSON.readTree(answer.body());
    }

    @Test
    void without_configuration_it_runs_against_an_embedded_sandbox_says_so_and_a_sandbox_payment_marks_the_order_paid(
            CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = MerchantApplication.run("--server.port=0",
                "--spring.jmx.enabled=false", "--spring.datasource.url=jdbc:h2:mem:embedded-start")) {
            SnapSandbox sandbox = context.getBean(SnapSandbox.class);
            assertThat(output).contains("running against an EMBEDDED NICEPAY SNAP SANDBOX at " + sandbox.baseUrl());
            assertThat(output).doesNotContain("PRIVATE KEY").doesNotContain(
                    context.getEnvironment().getProperty("snapbi.nicepay.client-secret"));
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            String id = post(base + "/orders", "{\"amount\":10000}").get("id").asText();
            String tXidVA = post(base + "/orders/" + id + "/virtual-account", "{}").get("nicepayRef").asText();

            JsonNode paid = post(sandbox.baseUrl() + "/_sandbox/pay", "{\"referenceNo\":\"" + tXidVA + "\"}");

            assertThat(paid.toString()).contains(id);
            HttpResponse<String> order = http.send(HttpRequest.newBuilder(URI.create(base + "/orders/" + id))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(order.body()).get("status").asText()).isEqualTo("PAID");
        }
    }

    @Test
    void a_malformed_private_key_stops_startup_with_the_property_and_the_fix_first_and_never_the_key(
            CapturedOutput output) {
        String key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCzSECRETPART\n"
                + "-----END PRIVATE KEY-----";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MerchantApplication.run("--server.port=0",
                        "--spring.jmx.enabled=false", "--spring.datasource.url=jdbc:h2:mem:bad-key",
                        "--snapbi.nicepay.client-key=IONPAYTEST", "--snapbi.nicepay.client-secret=a-secret-value-here",
                        "--snapbi.nicepay.private-key=" + key))
                .isNotNull();
        String failure = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
        assertThat(failure).contains("Description:").contains("snapbi.nicepay.private-key")
                .contains("not a readable RSA private key").contains("Action:").contains("PKCS#8");
        assertThat(output.toString()).doesNotContain("SECRETPART").doesNotContain("a-secret-value-here");
    }
}
