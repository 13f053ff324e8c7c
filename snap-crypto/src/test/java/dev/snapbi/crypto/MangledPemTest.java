package dev.snapbi.crypto;

import dev.snapbi.crypto.testing.OpenSslKeys;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys kept in environment variables, JSON or YAML lose their newlines: they arrive with literal {@code \n}, with
 * spaces, or quoted. Every such form must load and sign exactly like the clean PEM.
 */
class MangledPemTest {

    private static final StringToSign TEXT = StringToSign.of("normaltest|2024-12-31T10:11:40+07:00");

    @TempDir
    static Path dir;
    static OpenSslKeys keys;
    static Base64Signature expected;

    @BeforeAll
    static void makeKeys() {
        keys = new OpenSslKeys(dir);
        expected = Base64Signature.ofBytes(keys.sign(keys.rsaPkcs1(), TEXT.value()));
    }

    private static String literalBackslashN(String pem) {
        return pem.strip().replace("\n", "\\n");
    }

    private static String spaces(String pem) {
        return pem.strip().replace("\n", " ");
    }

    @Test
    void a_pkcs8_pem_whose_newlines_became_literal_backslash_n_signs_identically() {
        String mangled = literalBackslashN(keys.text(keys.rsaPkcs8()));
        assertThat(mangled).doesNotContain("\n").contains("-----\\nMII");

        assertThat(RsaSigner.fromPem(mangled).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void a_pkcs8_pem_whose_newlines_became_spaces_signs_identically() {
        String mangled = spaces(keys.text(keys.rsaPkcs8()));
        assertThat(mangled).doesNotContain("\n").startsWith("-----BEGIN PRIVATE KEY----- MII");

        assertThat(RsaSigner.fromPem(mangled).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void a_pkcs1_pem_whose_newlines_became_literal_backslash_n_signs_identically() {
        String mangled = literalBackslashN(keys.text(keys.rsaPkcs1()));

        assertThat(RsaSigner.fromPem(mangled).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void a_pkcs1_pem_whose_newlines_became_spaces_signs_identically() {
        String mangled = spaces(keys.text(keys.rsaPkcs1()));
        assertThat(mangled).startsWith("-----BEGIN RSA PRIVATE KEY----- MII");

        assertThat(RsaSigner.fromPem(mangled).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void a_quoted_value_from_a_dotenv_file_with_crlf_escapes_signs_identically() {
        String mangled = "\"" + keys.text(keys.rsaPkcs8()).strip().replace("\n", "\\r\\n") + "\"\n";

        assertThat(RsaSigner.fromPem(mangled).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void windows_line_endings_and_surrounding_blank_lines_sign_identically() {
        String crlf = "\n\n  " + keys.text(keys.rsaPkcs1()).replace("\n", "\r\n") + "\r\n\r\n";

        assertThat(RsaSigner.fromPem(crlf).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void an_encrypted_pkcs8_and_a_legacy_encrypted_pkcs1_flattened_to_one_line_still_decrypt() {
        String encrypted = spaces(keys.text(keys.rsaEncryptedPkcs8()));
        String legacy = spaces(keys.text(keys.rsaLegacyEncrypted()));
        assertThat(legacy).contains("Proc-Type: 4,ENCRYPTED DEK-Info: AES-256-CBC,");

        assertThat(RsaSigner.fromPem(encrypted, OpenSslKeys.PASSWORD.toCharArray()).sign(TEXT)).isEqualTo(expected);
        assertThat(RsaSigner.fromPem(legacy, OpenSslKeys.PASSWORD.toCharArray()).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void bare_base64_with_literal_newlines_every_64_characters_signs_identically() {
        String bare = keys.base64Body(keys.rsaPkcs8());
        String wrapped = bare.replaceAll("(.{64})", "$1\\\\n");
        assertThat(wrapped).contains("\\n").doesNotContain("-----");

        assertThat(RsaSigner.fromPem(wrapped).sign(TEXT)).isEqualTo(expected);
    }

    @Test
    void a_public_key_flattened_to_one_line_verifies() {
        String publicKey = literalBackslashN(keys.text(keys.rsaPublic()));

        assertThat(RsaVerifier.fromPem(publicKey).verify(TEXT, expected)).isTrue();
        assertThat(RsaVerifier.fromPem(spaces(keys.text(keys.certificate()))).verify(TEXT, expected)).isTrue();
    }
}
