package dev.snapbi.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signatures made by the {@code openssl} command, not by Java: proof that the sandbox verifies what any RSA/SHA-256
 * client produces, not only what the JDK produces. Skipped (not failed) where no openssl is installed.
 */
class OpensslCompatibilityTest {

    @TempDir
    static Path dir;
    private static Path key;

    @BeforeAll
    static void openssl_is_installed_and_made_a_key() throws IOException {
        boolean installed;
        try {
            installed = run(List.of("openssl", "version")).startsWith("OpenSSL");
        } catch (IOException | IllegalStateException e) {
            installed = false;
        }
        assumeTrue(installed, "the openssl command is not installed");
        key = dir.resolve("key.pem");
        run(List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                key.toString()));
    }

    @Test
    void accepts_a_signature_made_by_openssl_with_an_openssl_key_registered_over_http() throws Exception {
        Path pub = dir.resolve("pub.pem");
        run(List.of("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString()));

        try (SnapSandbox sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start()) {
            String pem = Files.readString(pub);
            HttpResponse<String> registered = Snap.post(sandbox.baseUrl().resolve("/_sandbox/clients"),
                    "{\"clientKey\":\"OPENSSL\",\"publicKey\":\"" + pem.replace("\n", "\\n") + "\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

            String signature = opensslSign(key, "OPENSSL|" + NOW_TEXT);
            HttpResponse<String> response = tokenRequest(sandbox, "OPENSSL", signature);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(sandbox.isTokenActive(Snap.accessToken(response.body()))).isTrue();

            String wrong = opensslSign(key, "OPENSSL|" + Snap.jakarta(NOW.plusSeconds(1)));
            assertThat(tokenRequest(sandbox, "OPENSSL", wrong).body())
                    .isEqualTo(snapBody("4017300", "Unauthorized. [Signature]"));
        }
    }

    @Test
    void accepts_a_signature_made_by_openssl_with_a_key_the_sandbox_generated() throws Exception {
        try (SnapSandbox sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start()) {
            SandboxClient client = sandbox.registerNewClient("GENERATED");
            Path generated = dir.resolve("generated.pem");
            Files.writeString(generated, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(client.privateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");

            HttpResponse<String> response = tokenRequest(sandbox, "GENERATED",
                    opensslSign(generated, "GENERATED|" + NOW_TEXT));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void takes_the_public_key_out_of_an_openssl_certificate() throws Exception {
        Path cert = dir.resolve("cert.pem");
        run(List.of("openssl", "req", "-new", "-x509", "-key", key.toString(), "-subj", "/CN=snap-sandbox-test",
                "-days", "1", "-out", cert.toString()));

        try (SnapSandbox sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start()) {
            HttpResponse<String> registered = Snap.post(sandbox.baseUrl().resolve("/_sandbox/clients"),
                    "{\"clientKey\":\"CERT\",\"publicKey\":\"" + Files.readString(cert).replace("\n", "\\n")
                            + "\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

            assertThat(tokenRequest(sandbox, "CERT", opensslSign(key, "CERT|" + NOW_TEXT)).statusCode())
                    .isEqualTo(200);
        }
    }

    private static HttpResponse<String> tokenRequest(SnapSandbox sandbox, String clientKey, String signature) {
        return Snap.token(sandbox.baseUrl()).header("Content-Type", "application/json")
                .header("X-TIMESTAMP", NOW_TEXT).header("X-CLIENT-KEY", clientKey).header("X-SIGNATURE", signature)
                .send();
    }

    /** {@code openssl dgst -sha256 -sign key.pem}, then {@code openssl base64 -A}: no Java crypto involved. */
    private static String opensslSign(Path key, String text) throws IOException {
        Path data = Files.createTempFile(dir, "data", ".txt");
        Path signature = Files.createTempFile(dir, "sig", ".bin");
        Files.writeString(data, text, StandardCharsets.UTF_8);
        run(List.of("openssl", "dgst", "-sha256", "-sign", key.toString(), "-out", signature.toString(),
                data.toString()));
        return run(List.of("openssl", "base64", "-A", "-in", signature.toString())).trim();
    }

    private static String run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
