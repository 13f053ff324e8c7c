package dev.snapbi.adapter.jdk;

import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.TransactionTransport.Request;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.testing.tck.internal.CapturedRequest;
import dev.snapbi.testing.tck.internal.LoopbackHttpServer;
import dev.snapbi.testing.tck.internal.PythonHmacCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature the project's own signer ({@code TransactionSigner} + snap-crypto's {@code HmacSha512Signer}) makes
 * and the JDK adapter puts on the wire verifies with an HMAC computed by code that is not the project's: a Python
 * script recomputes it from the client secret and the request exactly as a loopback server captured it. Skipped with
 * a message when python3 is absent, failed instead under {@code CI=true}.
 */
class IndependentHmacCheckTest {

    private static final String SECRET = "tck-secret-\u00e9-33d8f2a1c0b94e7f";

    private LoopbackHttpServer server;

    @BeforeEach
    void needPython() {
        PythonHmacCheck.requirePython();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_signed_by_the_project_and_sent_by_the_jdk_adapter_verifies_with_pythons_hmac() {
        CapturedRequest captured = captureSignedRequest("/nicepay/api/v1.0/transfer-va/create-va?x=1&y=%2F",
                "{ \"trxId\" : \"T-1\", \"virtualAccountName\" : \"Caf\u00e9 \\/ \u20ac\" }\n");

        PythonHmacCheck.Verdict verdict = PythonHmacCheck.check(SECRET, captured, captured.body());

        assertThat(verdict.output()).as("python's verdict (exit %s)", verdict.exit()).isEqualTo("verified");
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void the_python_check_rejects_the_same_request_with_one_body_byte_changed() {
        CapturedRequest captured = captureSignedRequest("/nicepay/api/v1.0/transfer-va/create-va",
                "{\"trxId\":\"T-2\"}");
        byte[] tampered = captured.body().clone();
        tampered[3] ^= 1;

        PythonHmacCheck.Verdict verdict = PythonHmacCheck.check(SECRET, captured, tampered);

        assertThat(verdict.output()).isEqualTo("mismatch");
        assertThat(verdict.exit()).isEqualTo(1);
    }

    @Test
    void the_python_check_rejects_the_right_request_under_another_secret() {
        CapturedRequest captured = captureSignedRequest("/nicepay/api/v1.0/transfer-va/create-va", "{}");

        assertThat(PythonHmacCheck.check(SECRET + "x", captured, captured.body()).verified()).isFalse();
    }

    private CapturedRequest captureSignedRequest(String pathAndQuery, String body) {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        AccessToken token = AccessToken.bearer("eyJ.tck-token." + System.nanoTime(), Instant.now(),
                Duration.ofMinutes(15));
        TransactionSigner signer = TransactionSigner.builder()
                .tokens(new AccessTokenProvider() {
                    @Override
                    public AccessToken accessToken() {
                        return token;
                    }

                    @Override
                    public void invalidate(AccessToken t) {
                        // one token for the whole test
                    }
                })
                .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(SECRET)))
                .partnerId("IONPAYTEST")
                .profile(ProviderProfile.nicepay(server.uri("")))
                .build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        TransactionHeaders signed = signer.sign("POST", pathAndQuery, bytes);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(signed.asMap());
        try (JdkTransactionTransport transport = JdkTransactionTransport.builder().build()) {
            transport.exchange(Request.of("POST", server.uri(pathAndQuery), signed.signedPath(), headers, bytes));
        }
        assertThat(server.requests()).hasSize(1);
        return server.requests().get(0);
    }
}
