package dev.snapbi.nicepay;

import dev.snapbi.adapter.jdk.JdkTransactionTransport;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapOutcomeUnknownException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.nicepay.call.SnapCall;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NicepayClientTest {

    static final String VA_PATH = "/nicepay/api/v1.0/transfer-va/create-va";
    static final String STATUS_PATH = "/nicepay/api/v1.0/transfer-va/status";

    static SnapSandbox sandbox;
    static SnapSandbox otherEnvironment;
    static SandboxClient merchant;

    @BeforeAll
    static void start() {
        sandbox = SnapSandbox.start();
        otherEnvironment = SnapSandbox.start();
        merchant = sandbox.registerNewClient("IONPAYTEST");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        otherEnvironment.close();
    }

    @BeforeEach
    void clean() {
        sandbox.faults().clear();
        sandbox.clearRecordedRequests();
        sandbox.resetStats();
    }

    /** A JDK transport that the test owns; closed with the JVM's daemon threads. */
    static TransactionTransport jdk() {
        return JdkTransactionTransport.builder().readTimeout(Duration.ofSeconds(30)).build();
    }

    static NicepayClient.Builder clientFor(SnapSandbox where, SandboxClient who, TransactionTransport transport) {
        return NicepayClient.builder()
                .environment(ProviderProfile.nicepay(where.baseUrl()))
                .clientKey(who.clientKey())
                .privateKey(who.privateKey())
                .clientSecret(who.clientSecret())
                .transport(transport)
                .retryBackoff(Duration.ZERO);
    }

    static byte[] vaBody(String trxId) {
        return ("{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\"\",\"virtualAccountName\":"
                + "\"Jane Doe\",\"trxId\":\"" + trxId + "\",\"totalAmount\":{\"value\":\"10000.00\",\"currency\":\"IDR\"},"
                + "\"additionalInfo\":{\"bankCd\":\"BMRI\",\"goodsNm\":\"Jacket/blue\",\"dbProcessUrl\":"
                + "\"https://merchant.example/notify\",\"vacctValidDt\":\"\",\"vacctValidTm\":\"\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gets_a_token_and_makes_a_signed_va_create_from_one_configuration_with_the_default_feign_transport() {
        try (NicepayClient nicepay = clientFor(sandbox, merchant, null).build()) {
            assertThat(nicepay.transport().getClass().getSimpleName()).isEqualTo("FeignTransactionTransport");
            signedVaCreate(nicepay);
        }
    }

    @Test
    void gets_a_token_and_makes_a_signed_va_create_with_the_jdk_transport() {
        try (JdkTransactionTransport transport = JdkTransactionTransport.create();
             NicepayClient nicepay = clientFor(sandbox, merchant, transport).build()) {
            signedVaCreate(nicepay);
        }
    }

    private static void signedVaCreate(NicepayClient nicepay) {
        {
            AccessToken token = nicepay.accessTokens().accessToken();
            assertThat(token.tokenType()).isEqualTo("Bearer");

            String trxId = "TRX-" + java.util.UUID.randomUUID();
            byte[] body = vaBody(trxId);
            SnapCallResponse answer = nicepay.call("POST", VA_PATH, body);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.responseCode().value()).isEqualTo("2002700");
            assertThat(answer.responseMessage()).isPresent();
            assertThat(answer.bodyText()).contains("\"trxId\":\"" + trxId + "\"");
            RecordedRequest sent = lastVaRequest();
            assertThat(sent.signatureValid()).isTrue();
            assertThat(sent.body()).isEqualTo(new String(body, StandardCharsets.UTF_8)); // the signed bytes are sent
            assertThat(sent.header("X-PARTNER-ID")).isEqualTo("IONPAYTEST");
            assertThat(sent.header("CHANNEL-ID")).isEqualTo("IONPAYTEST01");
            assertThat(sent.header("X-EXTERNAL-ID")).isEqualTo(answer.externalId());
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
        }
    }

    @Test
    void runs_without_feign_on_the_jdk_adapter_for_tokens_and_calls() {
        ProviderProfile profile = ProviderProfile.nicepay(sandbox.baseUrl());
        try (dev.snapbi.adapter.jdk.JdkTokenEndpoint tokens = dev.snapbi.adapter.jdk.JdkTokenEndpoint.builder()
                .profile(profile).build();
             JdkTransactionTransport transport = JdkTransactionTransport.create();
             NicepayClient nicepay = clientFor(sandbox, merchant, transport).tokenEndpoint(tokens).build()) {
            String trxId = "JDK-" + java.util.UUID.randomUUID();

            SnapCallResponse answer = nicepay.call("POST", VA_PATH, vaBody(trxId));

            assertThat(answer.responseCode().value()).isEqualTo("2002700");
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
            assertThat(lastVaRequest().signatureValid()).isTrue();
        }
    }

    @Test
    void is_shared_by_many_threads_with_one_token_and_a_distinct_external_id_per_call() throws Exception {
        int threads = 8;
        try (NicepayClient nicepay = clientFor(sandbox, merchant, null).build()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<SnapCallResponse>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String trxId = "MT-" + i + "-" + java.util.UUID.randomUUID();
                answers.add(pool.submit(() -> {
                    start.await();
                    return nicepay.call("POST", VA_PATH, vaBody(trxId));
                }));
            }
            start.countDown();
            List<String> externalIds = new ArrayList<>();
            for (java.util.concurrent.Future<SnapCallResponse> answer : answers) {
                SnapCallResponse r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.responseCode().value()).isEqualTo("2002700");
                externalIds.add(r.externalId());
            }
            pool.shutdown();
            assertThat(externalIds).doesNotHaveDuplicates();
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
            assertThat(vaRequests()).hasSize(threads).allMatch(RecordedRequest::signatureValid);
        }
    }

    @Test
    void serves_two_merchants_and_two_environments_side_by_side() {
        SandboxClient second = sandbox.registerNewClient("SECONDMERCH");
        SandboxClient elsewhere = otherEnvironment.registerNewClient("IONPAYTEST");
        try (NicepayClient a = clientFor(sandbox, merchant, jdk()).build();
             NicepayClient b = clientFor(sandbox, second, jdk()).build();
             NicepayClient c = clientFor(otherEnvironment, elsewhere, jdk()).build()) {
            long before = otherEnvironment.stats().vaRequests();

            a.call("POST", VA_PATH, vaBody("A-1"));
            b.call("POST", VA_PATH, vaBody("B-1"));
            c.call("POST", VA_PATH, vaBody("C-1"));

            assertThat(a.accessTokens().accessToken().value()).isNotEqualTo(b.accessTokens().accessToken().value());
            List<String> partners = new ArrayList<>();
            sandbox.recordedRequests().stream().filter(r -> r.path().equals(VA_PATH))
                    .forEach(r -> partners.add(r.header("X-PARTNER-ID")));
            assertThat(partners).containsExactly("IONPAYTEST", "SECONDMERCH");
            assertThat(sandbox.recordedRequests()).filteredOn(r -> r.path().equals(VA_PATH))
                    .allMatch(RecordedRequest::signatureValid);
            assertThat(otherEnvironment.stats().vaRequests()).isEqualTo(before + 1);
            assertThat(sandbox.stats().vaRequests()).isEqualTo(2);
        }
    }

    @Test
    void replays_once_with_a_new_token_and_external_id_when_the_token_is_dead() {
        try (NicepayClient nicepay = clientFor(sandbox, merchant, jdk()).build()) {
            AccessToken first = nicepay.accessTokens().accessToken();
            sandbox.revokeToken(first.value());

            SnapCallResponse answer = nicepay.call("POST", VA_PATH, vaBody("TRX-REPLAY"));

            assertThat(answer.responseCode().value()).isEqualTo("2002700");
            List<RecordedRequest> sent = vaRequests();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0).responseCode()).isEqualTo("4017301");
            assertThat(sent.get(1).header("X-EXTERNAL-ID")).isNotEqualTo(sent.get(0).header("X-EXTERNAL-ID"));
            assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
            assertThat(nicepay.accessTokens().accessToken().value()).isNotEqualTo(first.value());
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(2);
        }
    }

    @Test
    void replays_a_dead_token_only_once() {
        AtomicInteger sends = new AtomicInteger();
        TransactionTransport real = jdk();
        TransactionTransport revokingFirst = request -> {
            sends.incrementAndGet();
            sandbox.revokeAllTokens(); // every token dies before it arrives
            return real.exchange(request);
        };
        try (NicepayClient nicepay = clientFor(sandbox, merchant, revokingFirst).build()) {
            assertThatThrownBy(() -> nicepay.call("POST", VA_PATH, vaBody("TRX-DEAD")))
                    .isInstanceOfSatisfying(SnapAuthenticationException.class,
                            e -> assertThat(e.isTokenInvalid()).isTrue());
            assertThat(sends).hasValue(2);
        }
    }

    @Test
    void never_resends_a_money_moving_call_whose_answer_was_lost_and_names_the_reference_and_status_call() {
        AtomicInteger sends = new AtomicInteger();
        TransactionTransport real = jdk();
        TransactionTransport answerLost = request -> {
            sends.incrementAndGet();
            real.exchange(request); // NICEPAY processed it ...
            throw new SnapUnavailableException(SnapUnavailableException.Reason.TIMEOUT, "read timed out", null);
        };
        try (NicepayClient nicepay = clientFor(sandbox, merchant, answerLost).build()) {
            SnapCall call = SnapCall.moneyMoving("POST", VA_PATH, vaBody("TRX-LOST"), "TRX-LOST",
                    "virtualAccounts().status");

            assertThatThrownBy(() -> nicepay.call(call))
                    .isInstanceOfSatisfying(SnapOutcomeUnknownException.class, e -> {
                        assertThat(e.businessReference()).contains("TRX-LOST");
                        assertThat(e.statusCall()).contains("virtualAccounts().status");
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getCause()).isInstanceOf(SnapUnavailableException.class);
                        assertThat(e.getMessage()).contains("Do not resend").contains("TRX-LOST")
                                .contains("POST " + VA_PATH);
                    });
            assertThat(sends).hasValue(1);
            assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
        }
    }

    @Test
    void retries_an_inquiry_whose_answer_was_lost_with_a_fresh_signature_each_time() {
        AtomicInteger sends = new AtomicInteger();
        TransactionTransport real = jdk();
        TransactionTransport firstTwoLost = request -> {
            TransactionTransport.Response r = real.exchange(request);
            if (request.uri().getPath().equals(STATUS_PATH) && sends.incrementAndGet() < 3) {
                throw new SnapUnavailableException(SnapUnavailableException.Reason.CONNECTION, "dropped", null);
            }
            return r;
        };
        try (NicepayClient nicepay = clientFor(sandbox, merchant, firstTwoLost).build()) {
            nicepay.call("POST", VA_PATH, vaBody("TRX-INQ"));
            byte[] status = "{\"additionalInfo\":{\"trxId\":\"TRX-INQ\"}}".getBytes(StandardCharsets.UTF_8);

            SnapCallResponse answer = nicepay.call(SnapCall.inquiry("POST", STATUS_PATH, status));

            assertThat(answer.responseCode().value()).isEqualTo("2002600");
            assertThat(sends).hasValue(3);
            List<RecordedRequest> sent = sandbox.recordedRequests().stream()
                    .filter(r -> r.path().equals(STATUS_PATH)).toList();
            assertThat(sent).extracting(r -> r.header("X-EXTERNAL-ID")).doesNotHaveDuplicates().hasSize(3);
            assertThat(sent).extracting(r -> r.header("X-TIMESTAMP") + r.header("X-EXTERNAL-ID"))
                    .doesNotHaveDuplicates();
            assertThat(sent).allMatch(RecordedRequest::signatureValid);
        }
    }

    @Test
    void resends_a_money_moving_call_that_surely_was_not_sent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + VA_PATH);
        AtomicInteger attempts = new AtomicInteger();
        TransactionTransport real = jdk();
        TransactionTransport refusedOnce = request -> {
            if (attempts.incrementAndGet() == 1) {
                return real.exchange(TransactionTransport.Request.of(request.method(), nowhere,
                        request.signedPath(), request.headers(), request.body()));
            }
            return real.exchange(request);
        };
        try (NicepayClient nicepay = clientFor(sandbox, merchant, refusedOnce).build()) {
            SnapCallResponse answer = nicepay.call(SnapCall.moneyMoving("POST", VA_PATH, vaBody("TRX-REFUSED"),
                    "TRX-REFUSED", "virtualAccounts().status"));

            assertThat(answer.responseCode().value()).isEqualTo("2002700");
            assertThat(attempts).hasValue(2);
            assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
        }
    }

    @Test
    void reads_an_encrypted_private_key_with_its_password_from_text_and_from_a_file(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dev.snapbi.crypto.GeneratedKeyPair keys = dev.snapbi.crypto.RsaKeyPairs.generate(2048);
        SandboxClient encrypted = sandbox.registerClient("ENCRYPTEDKEY", keys.publicKey(), "enc-secret");
        char[] password = "correct-horse".toCharArray();
        String pem = encryptedPem(dir, keys, "correct-horse");
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        java.nio.file.Path file = dir.resolve("encrypted.pem");

        try (NicepayClient fromText = NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                .clientKey(encrypted.clientKey()).privateKeyPem(pem, password).clientSecret("enc-secret")
                .transport(jdk()).build();
             NicepayClient fromFile = NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                     .clientKey(encrypted.clientKey()).privateKey(file, password).clientSecret("enc-secret")
                     .transport(jdk()).build()) {
            assertThat(fromText.call("POST", VA_PATH, vaBody("ENC-1")).responseCode().value()).isEqualTo("2002700");
            assertThat(fromFile.call("POST", VA_PATH, vaBody("ENC-2")).responseCode().value()).isEqualTo("2002700");
        }
        assertThat(new String(password)).isEqualTo("correct-horse"); // the caller's array is not wiped
        assertThatThrownBy(() -> NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                .clientKey(encrypted.clientKey()).privateKeyPem(pem, "Tr0ub4dor-x".toCharArray())
                .clientSecret("enc-secret").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("password")
                .hasMessageNotContaining("Tr0ub4dor-x");
    }

    /** Encrypted PKCS#8 (PBES2, AES-256-CBC) made by openssl, as merchants make them. */
    static String encryptedPem(java.nio.file.Path dir, dev.snapbi.crypto.GeneratedKeyPair keys, String password)
            throws Exception {
        keys.writeTo(dir);
        java.nio.file.Path out = dir.resolve("encrypted.pem");
        Process openssl = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                dir.resolve("private.pem").toString(), "-out", out.toString(), "-passout", "pass:" + password)
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();
        return java.nio.file.Files.readString(out);
    }

    @Test
    void refuses_an_incomplete_configuration_before_anything_is_sent() {
        assertThatThrownBy(() -> NicepayClient.builder().clientKey("K").clientSecret("s")
                .privateKey(merchant.privateKey()).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("environment");
        assertThatThrownBy(() -> NicepayClient.builder().environment(ProviderProfile.nicepayDevelopment())
                .clientKey("K").privateKey(merchant.privateKey()).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("client secret");
        assertThatThrownBy(() -> NicepayClient.builder().environment(ProviderProfile.nicepayDevelopment())
                .clientKey("K").clientSecret("s").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("private key");
        assertThatThrownBy(() -> NicepayClient.builder().environment(ProviderProfile.nicepayDevelopment())
                .clientKey("K").clientSecret("s").privateKey(merchant.privateKey()).maxAttempts(0).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("maxAttempts");
        assertThat(sandbox.stats().tokenRequests()).isZero();
    }

    @Test
    void refuses_calls_after_close_and_closes_once() {
        NicepayClient nicepay = clientFor(sandbox, merchant, jdk()).build();
        nicepay.close();
        nicepay.close();
        assertThatThrownBy(() -> nicepay.call("POST", VA_PATH, vaBody("TRX-CLOSED")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(sandbox.stats().vaRequests()).isZero();
    }

    @Test
    void offers_nicepays_cloud_hosts_as_presets() {
        assertThat(ProviderProfile.nicepayCloudDevelopment().baseUrl())
                .isEqualTo(URI.create("https://dev-services.nicepay.co.id"));
        assertThat(ProviderProfile.nicepayCloudProduction().baseUrl())
                .isEqualTo(URI.create("https://services.nicepay.co.id"));
        assertThat(ProviderProfile.nicepayCloudProduction().signingPath(VA_PATH))
                .isEqualTo("/api/v1.0/transfer-va/create-va");
    }

    static List<RecordedRequest> vaRequests() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(VA_PATH)).toList();
    }

    static RecordedRequest lastVaRequest() {
        List<RecordedRequest> all = vaRequests();
        return all.get(all.size() - 1);
    }
}
