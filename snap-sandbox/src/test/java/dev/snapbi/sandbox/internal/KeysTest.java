package dev.snapbi.sandbox.internal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {

    private static KeyPair keys;

    @BeforeAll
    static void keys() {
        keys = Keys.generateRsa(2048);
    }

    @Test
    void reads_a_public_key_from_pem_bare_base64_and_pem_with_escaped_newlines() {
        String pem = Keys.publicKeyPem(keys.getPublic());
        String bare = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(Keys.parsePublicKey(pem)).isEqualTo(keys.getPublic());
        assertThat(Keys.parsePublicKey(bare)).isEqualTo(keys.getPublic());
        assertThat(Keys.parsePublicKey(pem.replace("\n", "\\n"))).isEqualTo(keys.getPublic());
        assertThat(Keys.parsePublicKey("  " + pem.replace("\n", "\r\n") + "  ")).isEqualTo(keys.getPublic());
    }

    @Test
    void refuses_a_private_key_where_a_public_key_belongs_without_echoing_it() {
        String privatePem = Keys.privateKeyPem(keys.getPrivate());

        assertThatThrownBy(() -> Keys.parsePublicKey(privatePem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'PRIVATE KEY'").hasMessageContaining("openssl pkey -pubout")
                .hasMessageNotContaining(privatePem.substring(30, 60));
    }

    @Test
    void refuses_text_that_is_no_key() {
        assertThatThrownBy(() -> Keys.parsePublicKey("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Keys.parsePublicKey("bm90IGEga2V5")).hasMessageContaining("not an RSA public key");
        assertThatThrownBy(() -> Keys.parsePublicKey("%%%")).hasMessageContaining("not an RSA public key");
        assertThatThrownBy(() -> Keys.parsePublicKey("x".repeat(20_000))).hasMessageContaining("longer than");
    }

    @Test
    void describes_keys_without_showing_them() {
        assertThat(Keys.describe(keys.getPublic())).isEqualTo("RSA 2048");
        assertThat(Keys.describe(keys.getPrivate())).isEqualTo("RSA 2048");
        assertThat(Keys.describe(null)).isEqualTo("none");
    }

    @Test
    void makes_url_safe_secrets_of_43_characters_that_differ() {
        assertThat(Keys.randomSecret()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(Keys.randomSecret());
    }
}
