package dev.snapbi.adapter.jdk;

import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.TransactionTransport.Request;
import dev.snapbi.domain.transaction.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.testing.tck.internal.CapturedRequest;
import dev.snapbi.testing.tck.internal.LoopbackHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature the JDK adapter puts on the wire verifies with an HMAC computed by code that is not the project's: a
 * Python script (test resource {@code snap_hmac_check.py}, Python's own {@code hmac} and {@code hashlib}) recomputes
 * it from the client secret and the request exactly as a loopback server captured it. Skipped with a message when
 * python3 is absent, failed instead under {@code CI=true}.
 */
class IndependentHmacCheckTest {

    private static final String SECRET = "tck-secret-\u00e9-33d8f2a1c0b94e7f";
    private static final Duration PYTHON_WAIT = Duration.ofSeconds(60);

    private static Path script;
    private LoopbackHttpServer server;

    @BeforeAll
    static void findPython() throws URISyntaxException {
        script = Path.of(IndependentHmacCheckTest.class.getResource("/snap_hmac_check.py").toURI());
        boolean present;
        try {
            present = run(List.of("python3", "--version"), Map.of()).exit == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("python3 is required under CI=true for the independent HMAC check");
            }
            Assumptions.abort("python3 is not installed: the independent HMAC check of the signature is skipped");
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_sent_by_the_jdk_adapter_verifies_with_pythons_hmac(@TempDir Path dir) throws Exception {
        CapturedRequest captured = captureSignedRequest("/nicepay/api/v1.0/transfer-va/create-va?x=1&y=%2F",
                "{ \"trxId\" : \"T-1\", \"virtualAccountName\" : \"Caf\u00e9 \\/ \u20ac\" }\n");

        Outcome outcome = check(captured, captured.body(), dir);

        assertThat(outcome.output).as("python's verdict (exit %s)", outcome.exit).isEqualTo("verified");
        assertThat(outcome.exit).isZero();
    }

    @Test
    void the_python_check_rejects_the_same_request_with_one_body_byte_changed(@TempDir Path dir) throws Exception {
        CapturedRequest captured = captureSignedRequest("/nicepay/api/v1.0/transfer-va/create-va",
                "{\"trxId\":\"T-2\"}");
        byte[] tampered = captured.body().clone();
        tampered[3] ^= 1;

        Outcome outcome = check(captured, tampered, dir);

        assertThat(outcome.output).isEqualTo("mismatch");
        assertThat(outcome.exit).isEqualTo(1);
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

    private static Outcome check(CapturedRequest captured, byte[] body, Path dir) throws Exception {
        Path bodyFile = dir.resolve("body.bin");
        Files.write(bodyFile, body);
        return run(List.of("python3", script.toString(), captured.method(), captured.target(),
                only(captured, "Authorization"), only(captured, "X-TIMESTAMP"), only(captured, "X-SIGNATURE"),
                bodyFile.toString()), Map.of("SNAP_CLIENT_SECRET", SECRET));
    }

    private static String only(CapturedRequest captured, String name) {
        assertThat(captured.values(name)).as("%s sent once", name).hasSize(1);
        return captured.values(name).get(0);
    }

    private static Outcome run(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            String output = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(PYTHON_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 did not finish within " + PYTHON_WAIT);
            }
            return new Outcome(p.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted", e);
        }
    }

    private record Outcome(int exit, String output) {
    }
}
