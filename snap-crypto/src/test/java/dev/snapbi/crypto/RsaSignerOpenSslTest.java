package dev.snapbi.crypto;

import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.crypto.testing.OpenSslKeys;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our SHA256withRSA against OpenSSL's, an implementation that is not ours. PKCS#1 v1.5 is deterministic, so for the
 * same key and text the signatures must be equal byte for byte, whatever format the key was read from.
 */
class RsaSignerOpenSslTest {

    /** NICEPAY's own sample string to sign: {@code clientId|X-TIMESTAMP}. */
    private static final StringToSign NICEPAY_SAMPLE = StringToSign.b2b(ClientKey.of("normaltest"),
            SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));

    @TempDir
    static Path dir;
    static OpenSslKeys keys;
    static byte[] opensslSignature;

    @BeforeAll
    static void makeKeys() {
        keys = new OpenSslKeys(dir);
        opensslSignature = keys.sign(keys.rsaPkcs1(), NICEPAY_SAMPLE.value());
    }

    @Test
    void the_sample_string_is_nicepays() {
        assertThat(NICEPAY_SAMPLE.value()).isEqualTo("normaltest|2024-12-31T10:11:40+07:00");
        assertThat(opensslSignature).hasSize(256);
    }

    @Test
    void signs_byte_for_byte_like_openssl_with_a_pkcs1_pem_key() {
        RsaSigner signer = RsaSigner.fromPem(keys.text(keys.rsaPkcs1()));

        assertThat(signer.sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
        assertThat(signer.keySizeBits()).isEqualTo(2048);
    }

    @Test
    void signs_byte_for_byte_like_openssl_with_a_pkcs8_pem_key() {
        RsaSigner signer = RsaSigner.fromPem(keys.text(keys.rsaPkcs8()));

        assertThat(signer.sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void signs_byte_for_byte_like_openssl_with_an_encrypted_pkcs8_key_and_its_password() {
        RsaSigner signer = RsaSigner.fromPem(keys.text(keys.rsaEncryptedPkcs8()),
                OpenSslKeys.PASSWORD.toCharArray());

        assertThat(signer.sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void signs_with_a_legacy_openssl_encrypted_pkcs1_key_and_its_password() {
        assertThat(keys.text(keys.rsaLegacyEncrypted())).contains("Proc-Type: 4,ENCRYPTED");

        RsaSigner signer = RsaSigner.fromPem(keys.text(keys.rsaLegacyEncrypted()),
                OpenSslKeys.PASSWORD.toCharArray());

        assertThat(signer.sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void signs_with_bare_base64_der_without_a_header_as_nicepays_java_sdk_expects() {
        String bare = keys.base64Of(keys.rsaPkcs8Der());
        assertThat(bare).startsWith("MII").doesNotContain("-----");

        assertThat(RsaSigner.fromPem(bare).sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void signs_with_bare_base64_of_the_pkcs1_body() {
        String bare = keys.base64Body(keys.rsaPkcs1());

        assertThat(RsaSigner.fromPem(bare).sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void reads_pem_and_binary_der_files_by_path() {
        assertThat(RsaSigner.fromFile(keys.rsaPkcs1()).sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
        assertThat(RsaSigner.fromFile(keys.rsaPkcs8Der()).sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
        assertThat(RsaSigner.fromFile(keys.rsaEncryptedPkcs8(), OpenSslKeys.PASSWORD.toCharArray())
                .sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void reads_the_key_of_a_pkcs12_keystore_made_by_openssl() {
        RsaSigner signer = RsaSigner.fromPkcs12(keys.pkcs12(), OpenSslKeys.STORE_PASSWORD.toCharArray(),
                OpenSslKeys.ALIAS, null);

        assertThat(signer.sign(NICEPAY_SAMPLE).bytes()).isEqualTo(opensslSignature);
    }

    @Test
    void signs_like_openssl_with_a_1024_bit_key() {
        byte[] expected = keys.sign(keys.rsa1024(), NICEPAY_SAMPLE.value());

        RsaSigner signer = RsaSigner.fromFile(keys.rsa1024());

        assertThat(signer.sign(NICEPAY_SAMPLE).bytes()).isEqualTo(expected).hasSize(128);
        assertThat(signer.keySizeBits()).isEqualTo(1024);
    }

    @Test
    void openssl_verifies_our_signature_with_the_public_key() {
        Base64Signature ours = RsaSigner.fromFile(keys.rsaPkcs8()).sign(NICEPAY_SAMPLE);

        assertThat(keys.verifies(keys.rsaPublic(), NICEPAY_SAMPLE.value(), ours.bytes())).isTrue();
        assertThat(keys.verifies(keys.rsaPublic(), "normaltest|2024-12-31T10:11:41+07:00", ours.bytes()))
                .as("openssl rejects the signature for another timestamp").isFalse();
    }

    @Test
    void signs_non_ascii_text_as_utf8_like_openssl() {
        String text = "merchant-é|2024-12-31T10:11:40+07:00 ☕";
        byte[] expected = keys.sign(keys.rsaPkcs1(), text);

        assertThat(RsaSigner.fromFile(keys.rsaPkcs1()).sign(StringToSign.of(text)).bytes()).isEqualTo(expected);
    }

    @Test
    void our_verifier_accepts_openssl_signatures_from_the_public_key_and_from_the_certificate() {
        String base64 = java.util.Base64.getEncoder().encodeToString(opensslSignature);

        assertThat(RsaVerifier.fromFile(keys.rsaPublic()).verify(NICEPAY_SAMPLE.value(), base64)).isTrue();
        assertThat(RsaVerifier.fromPem(keys.text(keys.certificate())).verify(NICEPAY_SAMPLE.value(), base64))
                .isTrue();
        assertThat(RsaVerifier.fromPem(keys.text(keys.rsaPublicPkcs1())).verify(NICEPAY_SAMPLE,
                Base64Signature.parse(base64))).isTrue();
    }

    @Test
    void every_format_decodes_to_the_same_private_key() {
        var reference = PrivateKeys.read(keys.rsaPkcs1());

        assertThat(PrivateKeys.read(keys.rsaPkcs8())).isEqualTo(reference);
        assertThat(PrivateKeys.read(keys.rsaPkcs8Der())).isEqualTo(reference);
        assertThat(PrivateKeys.read(keys.rsaEncryptedPkcs8(), OpenSslKeys.PASSWORD.toCharArray()))
                .isEqualTo(reference);
        assertThat(PrivateKeys.read(keys.rsaLegacyEncrypted(), OpenSslKeys.PASSWORD.toCharArray()))
                .isEqualTo(reference);
        assertThat(PrivateKeys.fromPkcs12(keys.pkcs12(), OpenSslKeys.STORE_PASSWORD.toCharArray(), null, null))
                .isEqualTo(reference);
    }

    @Test
    void keys_read_from_every_format_are_the_jdks_own_key_objects_never_bouncy_castles() {
        java.util.List<java.security.Key> read = java.util.List.of(
                PrivateKeys.read(keys.rsaPkcs1()), PrivateKeys.read(keys.rsaPkcs8()),
                PrivateKeys.read(keys.rsaPkcs8Der()),
                PrivateKeys.read(keys.rsaEncryptedPkcs8(), OpenSslKeys.PASSWORD.toCharArray()),
                PrivateKeys.read(keys.rsaLegacyEncrypted(), OpenSslKeys.PASSWORD.toCharArray()),
                dev.snapbi.crypto.pem.PublicKeys.read(keys.rsaPublic()),
                dev.snapbi.crypto.pem.PublicKeys.read(keys.rsaPublicPkcs1()),
                dev.snapbi.crypto.pem.PublicKeys.read(keys.certificate()));

        assertThat(read).hasSize(8).allSatisfy(key -> assertThat(key.getClass().getName())
                .as("Bouncy Castle converts, the JDK's KeyFactory builds").startsWith("sun.security.rsa."));
    }

    @Test
    void decrypting_keys_never_registers_bouncy_castle_in_the_jvm_wide_provider_list() {
        RsaSigner.fromFile(keys.rsaEncryptedPkcs8(), OpenSslKeys.PASSWORD.toCharArray());
        RsaSigner.fromFile(keys.rsaLegacyEncrypted(), OpenSslKeys.PASSWORD.toCharArray());

        assertThat(java.security.Security.getProvider("BC")).isNull();
        assertThat(java.security.Security.getProviders()).noneMatch(p -> p.getClass().getName()
                .startsWith("org.bouncycastle"));
    }
}
