package dev.snapbi.nicepay;

import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.domain.error.SnapOutcomeUnknownException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.VirtualAccountStatus;
import dev.snapbi.nicepay.notification.NotificationResult;
import dev.snapbi.nicepay.notification.VaPaymentNotification;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
import dev.snapbi.nicepay.va.VaStatusResponse;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SandboxPayment;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's snap-nicepay examples against the sandbox; only the shop's notification URL differs (a closed loopback
 * port: tests never leave the machine).
 */
class ReadmeExamplesTest {

    private static final String SHOP = "http://127.0.0.1:9/api/v1.0/transfer-va/payment";

    @Test
    void the_quickstart_makes_one_signed_call_with_three_of_the_projects_types(@TempDir Path dir) {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
            keys.writeTo(dir);
            sandbox.registerClient("IONPAYTEST", keys.publicKey(), "readme-secret");
            Path privatePem = dir.resolve("private.pem");
            byte[] jsonBytes = "{\"trxId\":\"INV-1\",\"totalAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}}"
                    .getBytes(StandardCharsets.UTF_8);

            try (NicepayClient nicepay = NicepayClient.builder()
                    .environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                    .clientKey("IONPAYTEST")
                    .privateKey(privatePem)
                    .clientSecret("readme-secret")
                    .build()) {
                SnapCallResponse answer = nicepay.call("POST", "/nicepay/api/v1.0/transfer-va/create-va", jsonBytes);
                assertThat(answer.status() + " " + answer.responseCode()).isEqualTo("200 2002700");
            }
        }
    }

    @Test
    void a_va_payment_end_to_end_create_pay_notification_status() {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            SandboxClient merchant = sandbox.registerNewClient("IONPAYTEST");
            NicepayClient nicepay = NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                    .clientKey("IONPAYTEST").privateKey(merchant.privateKey()).clientSecret(merchant.clientSecret())
                    .notificationPublicKeyPem(sandbox.notificationPublicKeyPem())
                    .build();
            String notificationUrl = SHOP;

            CreateVaResponse created = nicepay.virtualAccounts().create(CreateVaRequest.builder()
                    .virtualAccountName("Jane Doe").trxId("INV-2024-0001").totalAmount(Amount.idr(10_000))
                    .additionalInfo(CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("Jacket")
                            .dbProcessUrl(notificationUrl).build())
                    .build());
            String vaNumber = created.virtualAccountData().virtualAccountNo();
            assertThat(vaNumber).isNotBlank();

            SandboxPayment payment = sandbox.payVirtualAccount(created.virtualAccountData().tXidVA());

            // what the endpoint receives: the sandbox's signed notification (its delivery to SHOP was refused)
            Map<String, List<String>> headers = new LinkedHashMap<>();
            byte[] body = payment.notificationBody().getBytes(StandardCharsets.UTF_8);
            String[] signed = signedHeaders(sandbox, payment.notificationBody());
            headers.put("X-TIMESTAMP", List.of(signed[0]));
            headers.put("X-SIGNATURE", List.of(signed[1]));
            headers.put("X-CLIENT-KEY", List.of("IONPAYTEST"));
            NotificationResult<VaPaymentNotification> result = nicepay.notifications().vaPayment(headers, body);
            assertThat(result.isAccepted()).as(result.reason()).isTrue();
            VaPaymentNotification paid = result.notification().orElseThrow();
            assertThat(paid.trxId()).isEqualTo("INV-2024-0001");
            assertThat(paid.paidAmount()).isEqualTo(Amount.idr(10_000));

            VirtualAccountStatus status = nicepay.virtualAccounts().statusOf("INV-2024-0001").status();
            assertThat(status).isEqualTo(VirtualAccountStatus.PAID);

            sandbox.transactionFaults().processedThenDropNext(1);
            CreateVaRequest request = CreateVaRequest.builder().virtualAccountName("Jane Doe").trxId("INV-2024-0002")
                    .totalAmount(Amount.idr(5_000)).additionalInfo(CreateVaRequest.AdditionalInfo.builder()
                            .bankCd("BMRI").goodsNm("Scarf").dbProcessUrl(SHOP).build()).build();
            VaStatusResponse found = null;
            try {
                nicepay.virtualAccounts().create(request);
            } catch (SnapOutcomeUnknownException e) {
                found = nicepay.virtualAccounts().statusOf(e.businessReference().orElseThrow());
            }
            assertThat(found).isNotNull();
            assertThat(found.virtualAccountData().trxId()).isEqualTo("INV-2024-0002");
            nicepay.close();
        }
    }

    /** Has the sandbox sign a notification as NICEPAY does, captured by a loopback endpoint: timestamp, signature. */
    private static String[] signedHeaders(SnapSandbox sandbox, String json) {
        String[] captured = new String[2];
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                captured[0] = exchange.getRequestHeaders().getFirst("X-TIMESTAMP");
                captured[1] = exchange.getRequestHeaders().getFirst("X-SIGNATURE");
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            try {
                int status = sandbox.sendNotification(java.net.URI.create("http://127.0.0.1:"
                        + server.getAddress().getPort() + "/api/v1.0/transfer-va/payment"), "IONPAYTEST", json);
                assertThat(status).isEqualTo(200);
            } finally {
                server.stop(0);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return captured;
    }
}
