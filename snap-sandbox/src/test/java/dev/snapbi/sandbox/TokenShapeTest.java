package dev.snapbi.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokens are what they look like: real RS256 JWTs signed with the sandbox's own key, not a random tail. */
class TokenShapeTest {

    @Test
    void an_issued_token_is_an_rs256_jwt_that_verifies_with_the_sandboxs_public_key_and_names_its_client()
            throws Exception {
        KeyPair keys = Snap.newRsaKeyPair();
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            sandbox.registerClient("IONPAYTEST", keys.getPublic());
            String token = Snap.accessToken(Snap.signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(),
                    Snap.nowInJakarta()).send().body());

            String[] parts = token.split("\\.");
            assertThat(parts).hasSize(3);
            Base64.Decoder url = Base64.getUrlDecoder();
            assertThat(new String(url.decode(parts[0]), StandardCharsets.UTF_8))
                    .isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            assertThat(new String(url.decode(parts[1]), StandardCharsets.UTF_8)).contains("\"sub\":\"IONPAYTEST\"");
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(sandbox.tokenPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(url.decode(parts[2]))).isTrue();
            assertThat(sandbox.tokenPublicKey()).isEqualTo(sandbox.notificationPublicKey());
        }
    }
}
