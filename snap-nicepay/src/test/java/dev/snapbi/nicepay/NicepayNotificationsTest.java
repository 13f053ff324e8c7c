package dev.snapbi.nicepay;

import com.sun.net.httpserver.HttpServer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.NotificationVerification;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;
import dev.snapbi.nicepay.model.VirtualAccountStatus;
import dev.snapbi.nicepay.notification.EwalletNotification;
import dev.snapbi.nicepay.notification.NicepayNotifications;
import dev.snapbi.nicepay.notification.NotificationResult;
import dev.snapbi.nicepay.notification.QrisNotification;
import dev.snapbi.nicepay.notification.VaPaymentNotification;
import dev.snapbi.nicepay.qris.QrisGenerateRequest;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SandboxPayment;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed notifications: the sandbox pays and posts its signed notification to a merchant endpoint in this test, which
 * verifies and parses it in one step and answers with the acknowledgement.
 */
class NicepayNotificationsTest {

    record Received(Map<String, List<String>> headers, byte[] body) {
    }

    static SnapSandbox sandbox;
    static SandboxClient merchant;
    static NicepayClient nicepay;
    static HttpServer merchantServer;
    static NicepayNotifications notifications;
    static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SnapSandbox.start();
        merchant = sandbox.registerNewClient("IONPAYTEST");
        nicepay = NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                .clientKey(merchant.clientKey()).privateKey(merchant.privateKey())
                .clientSecret(merchant.clientSecret()).build();
        notifications = NicepayNotifications.builder().publicKeyPem(sandbox.notificationPublicKeyPem())
                .clientId("IONPAYTEST").build();
        merchantServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        merchantServer.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readNBytes(NicepayNotifications.MAX_BODY_BYTES + 1);
            Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
            RECEIVED.add(new Received(headers, body));
            NotificationResult<?> result = exchange.getRequestURI().getPath().endsWith("/transfer-va/payment")
                    ? notifications.vaPayment(headers, body) : notifications.qris(headers, body);
            byte[] ack = result.acknowledgementBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(result.httpStatus(), ack.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ack);
            }
        });
        merchantServer.start();
    }

    @AfterAll
    static void stop() {
        merchantServer.stop(0);
        nicepay.close();
        sandbox.close();
    }

    @BeforeEach
    void clean() {
        RECEIVED.clear();
    }

    static String merchantUrl(String path) {
        return "http://127.0.0.1:" + merchantServer.getAddress().getPort() + path;
    }

    static Received payVirtualAccount(String trxId) throws InterruptedException {
        CreateVaResponse created = nicepay.virtualAccounts().create(CreateVaRequest.builder()
                .virtualAccountName("Jane Doe").trxId(trxId).totalAmount(Amount.idr(75_000))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder().bankCd("BMRI").goodsNm("Shoes")
                        .dbProcessUrl(merchantUrl("/api/v1.0/transfer-va/payment")).build()).build());
        SandboxPayment paid = sandbox.payVirtualAccount(created.virtualAccountData().tXidVA());
        assertThat(paid.merchantStatus()).hasValue(200);
        Received received = RECEIVED.poll(30, TimeUnit.SECONDS);
        assertThat(received).as("the notification reached the merchant").isNotNull();
        return received;
    }

    @Test
    void verifies_and_parses_a_va_payment_notification_and_acknowledges_it() throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-1");

        NotificationResult<VaPaymentNotification> result = notifications.vaPayment(received.headers(),
                received.body());

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.acknowledgement()).isEqualTo("{\"responseCode\":\"2002500\",\"responseMessage\":\"Successful\"}");
        VaPaymentNotification paid = result.notification().orElseThrow();
        assertThat(paid.trxId()).isEqualTo("NTF-VA-1");
        assertThat(paid.paidAmount()).isEqualTo(Amount.idr(75_000));
        assertThat(paid.status()).isEqualTo(VirtualAccountStatus.PAID);
        assertThat(paid.additionalInfo().tXidVA()).isNotBlank();
        assertThat(nicepay.virtualAccounts().statusOf("NTF-VA-1").status()).isEqualTo(VirtualAccountStatus.PAID);
    }

    @Test
    void verifies_and_parses_a_qris_notification() throws InterruptedException {
        var generated = nicepay.qris().generate(QrisGenerateRequest.builder().partnerReferenceNo("NTF-QR-1")
                .amount(Amount.idr(5_000)).additionalInfo(QrisGenerateRequest.AdditionalInfo.builder()
                        .goodsNm("Coffee").dbProcessUrl(merchantUrl("/api/v1.0/qr/qr-mpm-notify")).build()).build());
        sandbox.payQris(generated.referenceNo());
        Received received = RECEIVED.poll(30, TimeUnit.SECONDS);
        assertThat(received).isNotNull();

        NotificationResult<QrisNotification> result = notifications.qris(received.headers(), received.body());

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.acknowledgement()).contains("\"2005200\"");
        assertThat(result.notification().orElseThrow().originalPartnerReferenceNo()).isEqualTo("NTF-QR-1");
        assertThat(result.notification().orElseThrow().status()).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void parses_an_e_wallet_notification_with_its_own_acknowledgement() throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-EW"); // any genuine headers; the body below is NICEPAY's shape
        byte[] body = ("{\"originalReferenceNo\":\"IONPAYTEST05202411\",\"originalPartnerReferenceNo\":\"ORD-9\","
                + "\"merchantId\":\"IONPAYTEST\",\"latestTransactionStatus\":\"00\",\"transactionStatusDesc\":\"Success\","
                + "\"amount\":{\"value\":\"12000.00\",\"currency\":\"IDR\"},\"additionalInfo\":{\"mitraCd\":\"DANA\"},"
                + "\"newField\":\"kept\"}").getBytes(StandardCharsets.UTF_8);

        NotificationResult<EwalletNotification> result = notifications.ewallet(received.headers(), body);

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.acknowledgement()).contains("\"2005600\"");
        EwalletNotification n = result.notification().orElseThrow();
        assertThat(n.amount()).isEqualTo(Amount.idr(12_000));
        assertThat(n.additionalInfo()).containsEntry("mitraCd", "DANA");
        assertThat(n.otherFields()).containsEntry("newField", "kept");
    }

    @Test
    void rejects_a_tampered_timestamp_without_parsing_the_body() throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-2");
        Map<String, List<String>> tampered = new LinkedHashMap<>(received.headers());
        String timestamp = header(received, "X-TIMESTAMP");
        tampered.keySet().removeIf(k -> k.equalsIgnoreCase("X-TIMESTAMP"));
        tampered.put("X-TIMESTAMP", List.of(timestamp.substring(0, 17) + (timestamp.charAt(17) == '0' ? '1' : '0')
                + timestamp.substring(18)));

        NotificationResult<VaPaymentNotification> result = notifications.vaPayment(tampered,
                "not even json".getBytes(StandardCharsets.UTF_8));

        assertThat(result.outcome()).isEqualTo(NotificationResult.Outcome.REJECTED);
        assertThat(result.verification().outcome()).isEqualTo(NotificationVerification.Outcome.INVALID_SIGNATURE);
        assertThat(result.notification()).isEmpty();
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.acknowledgement()).contains("\"4012500\"");
        assertThat(result.reason()).doesNotContain(header(received, "X-SIGNATURE"));
    }

    @Test
    void rejects_a_stale_notification() throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-3");
        NicepayNotifications later = NicepayNotifications.builder()
                .publicKeyPem(sandbox.notificationPublicKeyPem()).clientId("IONPAYTEST")
                .clock(Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC)).build();

        NotificationResult<VaPaymentNotification> result = later.vaPayment(received.headers(), received.body());

        assertThat(result.outcome()).isEqualTo(NotificationResult.Outcome.REJECTED);
        assertThat(result.verification().outcome()).isEqualTo(NotificationVerification.Outcome.STALE_TIMESTAMP);
    }

    @Test
    void rejects_a_notification_checked_with_the_wrong_key() throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-4");
        NicepayNotifications wrongKey = NicepayNotifications.builder()
                .publicKey(RsaKeyPairs.generate(2048).publicKey()).clientId("IONPAYTEST").build();

        NotificationResult<VaPaymentNotification> result = wrongKey.vaPayment(received.headers(), received.body());

        assertThat(result.outcome()).isEqualTo(NotificationResult.Outcome.REJECTED);
        assertThat(result.verification().outcome()).isEqualTo(NotificationVerification.Outcome.INVALID_SIGNATURE);
    }

    @Test
    void answers_400_to_a_genuine_notification_whose_body_does_not_parse() throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-5");
        for (String body : List.of("{\"trxId\":", "[1,2]", "{\"paidAmount\":{\"value\":\"-1.00\",\"currency\":\"IDR\"}}",
                "{\"trxId\":\"x\"} trailing", "")) {
            NotificationResult<VaPaymentNotification> result = notifications.vaPayment(received.headers(),
                    body.getBytes(StandardCharsets.UTF_8));

            assertThat(result.outcome()).as(body).isEqualTo(NotificationResult.Outcome.UNREADABLE);
            assertThat(result.httpStatus()).isEqualTo(400);
            assertThat(result.acknowledgement()).contains("\"4002500\"");
            assertThat(result.notification()).isEmpty();
        }
        byte[] huge = new byte[NicepayNotifications.MAX_BODY_BYTES + 1];
        assertThat(notifications.vaPayment(received.headers(), huge).outcome())
                .isEqualTo(NotificationResult.Outcome.UNREADABLE);
    }

    @Test
    void the_client_object_gives_the_notifications_of_its_own_merchant_from_one_configuration()
            throws InterruptedException {
        Received received = payVirtualAccount("NTF-VA-6");
        try (NicepayClient configured = NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                .clientKey(merchant.clientKey()).privateKey(merchant.privateKey())
                .clientSecret(merchant.clientSecret()).notificationPublicKeyPem(sandbox.notificationPublicKeyPem())
                .build()) {
            NotificationResult<VaPaymentNotification> result = configured.notifications()
                    .vaPayment(received.headers(), received.body());

            assertThat(result.isAccepted()).as(result.reason()).isTrue();
            assertThat(result.notification().orElseThrow().trxId()).isEqualTo("NTF-VA-6");
        }
        assertThatThrownBy(() -> nicepay.notifications()).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("notificationPublicKeyPem");
    }

    @Test
    void refuses_to_build_without_the_key_or_the_client_id() {
        assertThatThrownBy(() -> NicepayNotifications.builder().clientId("IONPAYTEST").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("public key");
        assertThatThrownBy(() -> NicepayNotifications.builder().publicKeyPem(sandbox.notificationPublicKeyPem())
                .build()).isInstanceOf(SnapConfigurationException.class).hasMessageContaining("client id");
    }

    static String header(Received received, String name) {
        List<String> values = new ArrayList<>();
        received.headers().forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                values.addAll(v);
            }
        });
        return values.get(0);
    }
}
