package dev.snapbi.crypto;

import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.crypto.pem.PublicKeys;
import dev.snapbi.crypto.testing.OpenSslKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.testing.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import static dev.snapbi.crypto.testing.KeyAssertions.assertNoKeyMaterial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The corpus of keys that must be refused (or, for 1024 bits, accepted with a warning): each refusal is a
 * {@link SnapConfigurationException} that says what was found and what is expected, and quotes no key material.
 */
class MalformedKeysTest {

    @TempDir
    static Path dir;
    static OpenSslKeys keys;

    @BeforeAll
    static void makeKeys() {
        keys = new OpenSslKeys(dir);
    }

    private static SnapConfigurationException refusalOf(Runnable action) {
        SnapConfigurationException error = catchThrowableOfType(SnapConfigurationException.class, action::run);
        assertThat(error).as("a SnapConfigurationException").isNotNull();
        return error;
    }

    @Test
    void refuses_text_that_is_not_a_key() {
        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem("this is not a key, just a sentence"));

        assertThat(error).hasMessageStartingWith("private key from the given text: found a text of 34 characters"
                + " that is neither PEM nor Base64 DER").hasMessageContaining("expected an RSA private key as PEM");
    }

    @Test
    void refuses_long_text_that_is_not_base64_naming_the_character() {
        String text = "x".repeat(100) + "!" + "y".repeat(100);

        assertThat(refusalOf(() -> RsaSigner.fromPem(text))).hasMessageContaining(
                "found text without a PEM header that is not Base64 (character '!' at position 100)");
    }

    @Test
    void refuses_random_base64_that_is_not_der() {
        byte[] random = new byte[256];
        new Random(42).nextBytes(random);
        random[0] = 0x04; // an OCTET STRING tag: well-formed Base64, but no key structure
        String base64 = Base64.getEncoder().encodeToString(random);

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(base64));

        assertThat(error).hasMessage("private key from the given text: found 256 bytes in Base64 text without a PEM"
                + " header that do not hold a DER-encoded key; expected " + expectedPrivate());
        assertNoKeyMaterial(error, base64);
    }

    @Test
    void refuses_random_base64_inside_a_pem_block() {
        byte[] random = new byte[300];
        new Random(7).nextBytes(random);
        random[0] = 0x30;
        random[1] = 0x10; // a 16-byte SEQUENCE followed by junk
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(random)
                + "\n-----END PRIVATE KEY-----\n";

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(pem));

        assertThat(error).hasMessageContaining("found 282 unexpected bytes after the key's DER structure in a PEM"
                + " 'PRIVATE KEY' block");
        assertNoKeyMaterial(error, pem);
    }

    @Test
    void refuses_a_public_key_where_a_private_key_belongs() {
        String publicPem = keys.text(keys.rsaPublic());

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(publicPem));

        assertThat(error).hasMessage("private key from the given text: found a public key (X.509"
                + " SubjectPublicKeyInfo) in a PEM 'PUBLIC KEY' block where a private key belongs; expected "
                + expectedPrivate() + ". The public key is the half you register with the provider; the signer needs"
                + " the matching private key");
        assertNoKeyMaterial(error, publicPem);
    }

    @Test
    void refuses_a_bare_base64_public_key_where_a_private_key_belongs() {
        String bare = keys.base64Body(keys.rsaPublic());

        SnapConfigurationException error = refusalOf(() -> PrivateKeys.parse(bare));

        assertThat(error).hasMessageContaining("found a public key (X.509 SubjectPublicKeyInfo) in Base64 text"
                + " without a PEM header where a private key belongs");
        assertNoKeyMaterial(error, bare);
    }

    @Test
    void refuses_a_certificate_where_a_private_key_belongs() {
        String certificate = keys.text(keys.certificate());

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(certificate));

        assertThat(error).hasMessageContaining("found a certificate in a PEM 'CERTIFICATE' block where a private key"
                + " belongs").hasMessageContaining("A certificate holds only a public key");
        assertNoKeyMaterial(error, certificate);
    }

    @Test
    void refuses_a_private_key_where_a_public_key_belongs() {
        String privatePem = keys.text(keys.rsaPkcs8());

        SnapConfigurationException error = refusalOf(() -> RsaVerifier.fromPem(privatePem));

        assertThat(error).hasMessageStartingWith("public key from the given text: found a private key (PKCS#8) in a"
                + " PEM 'PRIVATE KEY' block where a public key belongs; expected an RSA public key as PEM")
                .hasMessageContaining("openssl pkey -in private.pem -pubout");
        assertNoKeyMaterial(error, privatePem);
    }

    @Test
    void refuses_an_ec_key_in_pkcs8() {
        String ec = keys.text(keys.ecPkcs8());

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(ec));

        assertThat(error).hasMessage("private key from the given text: found an EC private key in a PEM 'PRIVATE"
                + " KEY' block; expected an RSA private key (SNAP signs with SHA256withRSA). Generate an RSA key with"
                + " 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem'");
        assertNoKeyMaterial(error, ec);
    }

    @Test
    void refuses_an_ec_key_as_openssl_ecparam_writes_it() {
        String ec = keys.text(keys.ecSec1());
        assertThat(ec).contains("BEGIN EC PARAMETERS").contains("BEGIN EC PRIVATE KEY");

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(ec));

        assertThat(error).hasMessageContaining("found an EC private key (SEC 1) in a PEM 'EC PRIVATE KEY' block;"
                + " expected an RSA private key");
        assertNoKeyMaterial(error, ec);
    }

    @Test
    void refuses_a_dsa_key_in_pkcs8_and_in_openssls_traditional_form() {
        String pkcs8 = keys.text(keys.dsaPkcs8());
        String traditional = keys.text(keys.dsaTraditional());

        SnapConfigurationException fromPkcs8 = refusalOf(() -> RsaSigner.fromPem(pkcs8));
        SnapConfigurationException fromTraditional = refusalOf(() -> RsaSigner.fromPem(traditional));

        assertThat(fromPkcs8).hasMessageContaining("found a DSA private key in a PEM 'PRIVATE KEY' block; expected"
                + " an RSA private key");
        assertThat(fromTraditional).hasMessageContaining("found a DSA private key in a PEM 'DSA PRIVATE KEY' block;"
                + " expected an RSA private key");
        assertNoKeyMaterial(fromPkcs8, pkcs8);
        assertNoKeyMaterial(fromTraditional, traditional);
    }

    @Test
    void refuses_ed25519_and_rsa_pss_keys() {
        assertThat(refusalOf(() -> RsaSigner.fromFile(keys.ed25519()))).hasMessageContaining(
                "found an Ed25519 private key in a PEM 'PRIVATE KEY' block; expected an RSA private key");
        assertThat(refusalOf(() -> RsaSigner.fromFile(keys.rsaPss()))).hasMessageContaining(
                "found an RSASSA-PSS private key in a PEM 'PRIVATE KEY' block").hasMessageContaining(
                "not RSA-PSS");
    }

    @Test
    void refuses_an_ec_public_key_and_an_ec_certificate_for_verifying() {
        assertThat(refusalOf(() -> RsaVerifier.fromFile(keys.ecPublic()))).hasMessageContaining(
                "found an EC public key in a PEM 'PUBLIC KEY' block; expected an RSA public key");
        assertThat(refusalOf(() -> PublicKeys.fromCertificate(keys.text(keys.ecCertificate())))).hasMessageContaining(
                "found an EC certificate's public key in a PEM 'CERTIFICATE' block; expected an RSA public key");
    }

    @Test
    void refuses_an_encrypted_key_without_a_password() {
        String encrypted = keys.text(keys.rsaEncryptedPkcs8());

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(encrypted));

        assertThat(error).hasMessage("private key from the given text: found an encrypted private key (PKCS#8,"
                + " PBES2) in a PEM 'ENCRYPTED PRIVATE KEY' block but no password; expected the password it was"
                + " encrypted with. Pass the key's password: RsaSigner.fromPem(text, password) or"
                + " RsaSigner.fromFile(path, password)");
        assertNoKeyMaterial(error, encrypted);
    }

    @Test
    void refuses_an_encrypted_key_with_a_wrong_password_and_wipes_the_password() {
        String encrypted = keys.text(keys.rsaEncryptedPkcs8());
        char[] password = "wrong password".toCharArray();

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(encrypted, password));

        assertThat(error).hasMessageContaining("found an encrypted private key (PKCS#8, PBES2) in a PEM 'ENCRYPTED"
                + " PRIVATE KEY' block that did not decrypt with the given password; expected the password it was"
                + " encrypted with");
        assertThat(error.getCause()).as("no Bouncy Castle cause is passed on").isNull();
        assertThat(password).containsOnly('\0');
        assertNoKeyMaterial(error, encrypted);
    }

    @Test
    void wipes_the_password_after_a_successful_decryption_too() {
        char[] password = OpenSslKeys.PASSWORD.toCharArray();

        RsaSigner.fromFile(keys.rsaEncryptedPkcs8(), password);

        assertThat(password).containsOnly('\0').hasSize(OpenSslKeys.PASSWORD.length());
    }

    @Test
    void refuses_a_legacy_encrypted_key_without_or_with_a_wrong_password() {
        String legacy = keys.text(keys.rsaLegacyEncrypted());

        SnapConfigurationException missing = refusalOf(() -> RsaSigner.fromPem(legacy));
        SnapConfigurationException wrong = refusalOf(() -> RsaSigner.fromPem(legacy, "nope".toCharArray()));

        assertThat(missing).hasMessageContaining("found a legacy OpenSSL-encrypted key (Proc-Type: 4,ENCRYPTED,"
                + " DEK-Info: AES-256-CBC) in a PEM 'RSA PRIVATE KEY' block but no password")
                .hasMessageContaining("openssl pkcs8 -topk8 -v2 aes-256-cbc");
        assertThat(wrong).hasMessageContaining("that did not decrypt with the given password");
        assertNoKeyMaterial(missing, legacy);
        assertNoKeyMaterial(wrong, legacy);
    }

    @Test
    void refuses_truncated_base64_inside_a_pem_block() {
        String body = keys.base64Body(keys.rsaPkcs8());
        String cutToWholeQuads = body.substring(0, 800);
        String cutMidQuad = body.substring(0, 801);
        String pemWholeQuads = "-----BEGIN PRIVATE KEY-----\n" + cutToWholeQuads + "\n-----END PRIVATE KEY-----\n";
        String pemMidQuad = "-----BEGIN PRIVATE KEY-----\n" + cutMidQuad + "\n-----END PRIVATE KEY-----\n";

        SnapConfigurationException whole = refusalOf(() -> RsaSigner.fromPem(pemWholeQuads));
        SnapConfigurationException mid = refusalOf(() -> RsaSigner.fromPem(pemMidQuad));

        assertThat(whole).hasMessageMatching("private key from the given text: found only 600 of the 12\\d\\d bytes"
                + " that the key's DER structure declares in a PEM 'PRIVATE KEY' block; expected .*\\. The key text"
                + " was cut off; copy the complete key");
        assertThat(mid).hasMessageContaining("found a PEM 'PRIVATE KEY' block whose Base64 stops in the middle of a"
                + " byte (801 characters)").hasMessageContaining("cut off");
        assertNoKeyMaterial(whole, pemWholeQuads);
        assertNoKeyMaterial(mid, pemMidQuad);
    }

    @Test
    void refuses_a_pem_whose_end_line_was_cut_off() {
        String pem = keys.text(keys.rsaPkcs1());
        String cut = pem.substring(0, pem.length() / 2);

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(cut));

        assertThat(error).hasMessageContaining("found a '-----BEGIN RSA PRIVATE KEY-----' line without its '-----END"
                + " RSA PRIVATE KEY-----' line").hasMessageContaining("cut off");
        assertNoKeyMaterial(error, cut);
    }

    @Test
    void refuses_truncated_bare_base64() {
        String bare = keys.base64Of(keys.rsaPkcs8Der()).substring(0, 1000);

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(bare));

        assertThat(error).hasMessageContaining("found only 750 of the").hasMessageContaining("in Base64 text without"
                + " a PEM header");
        assertNoKeyMaterial(error, bare);
    }

    @Test
    void refuses_a_bundle_of_two_private_keys_instead_of_guessing() {
        String bundle = keys.text(keys.ecPkcs8()) + keys.text(keys.rsaPkcs1());

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(bundle));

        assertThat(error).hasMessageContaining("found 2 private key blocks; expected exactly one private key");
        assertNoKeyMaterial(error, bundle);
    }

    @Test
    void takes_the_private_key_out_of_a_file_that_also_holds_its_certificate() {
        String keyAndCertificate = keys.text(keys.certificate()) + keys.text(keys.rsaPkcs8());

        assertThat(PrivateKeys.parse(keyAndCertificate)).isEqualTo(PrivateKeys.read(keys.rsaPkcs8()));
    }

    @Test
    void refuses_a_512_bit_rsa_key() {
        String small = keys.text(keys.rsa512());

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(small));

        assertThat(error).hasMessage("private key: found an RSA key of 512 bits; expected at least 1024 bits (2048 or"
                + " more recommended). Generate a new key with 'openssl genpkey -algorithm RSA -pkeyopt"
                + " rsa_keygen_bits:2048 -out private.pem'");
        assertThat(refusalOf(() -> RsaVerifier.fromFile(keys.rsa512Public()))).hasMessageStartingWith(
                "public key: found an RSA key of 512 bits; expected at least 1024 bits");
    }

    @Test
    void accepts_a_1024_bit_key_with_a_logged_warning_that_holds_no_key_material() {
        String sandboxSized = keys.text(keys.rsa1024());
        RsaSigner signer;
        try (LogCapture logs = LogCapture.of(RsaSigner.class)) {
            signer = RsaSigner.fromPem(sandboxSized);

            assertThat(logs.warnings()).singleElement().asString().contains("1024 bits")
                    .contains("production keys should have 2048 bits or more");
            assertNoKeyMaterial(new AssertionError(logs.warnings().get(0)), sandboxSized);
        }
        assertThat(signer.keySizeBits()).isEqualTo(1024);
    }

    @Test
    void accepts_a_1024_bit_public_key_with_a_warning_and_a_2048_bit_key_silently() {
        try (LogCapture verifierLogs = LogCapture.of(RsaVerifier.class);
             LogCapture signerLogs = LogCapture.of(RsaSigner.class)) {
            RsaVerifier.fromFile(keys.rsa1024Public());
            RsaVerifier.fromFile(keys.rsaPublic());
            RsaSigner.fromFile(keys.rsaPkcs1());

            assertThat(verifierLogs.warnings()).singleElement().asString().contains("public key of 1024 bits");
            assertThat(signerLogs.messages()).isEmpty();
        }
    }

    @Test
    void refuses_empty_and_null_key_text() {
        assertThat(refusalOf(() -> RsaSigner.fromPem(""))).hasMessageStartingWith(
                "private key from the given text: found an empty text; expected");
        assertThat(refusalOf(() -> RsaSigner.fromPem("  \n\t "))).hasMessageContaining("found an empty text");
        assertThat(refusalOf(() -> RsaSigner.fromPem(null))).hasMessageContaining("found nothing (null)");
        assertThat(refusalOf(() -> RsaSigner.create(null))).hasMessageContaining("found nothing (null)");
        assertThat(refusalOf(() -> RsaVerifier.create(null))).hasMessageContaining("found nothing (null)");
    }

    @Test
    void points_to_from_file_when_given_a_path_as_key_text() {
        assertThat(refusalOf(() -> RsaSigner.fromPem("/etc/snap/private.pem"))).hasMessageContaining(
                "It looks like a file path; read files with RsaSigner.fromFile(Path)");
    }

    @Test
    void refuses_a_missing_file_naming_the_path() {
        Path missing = dir.resolve("nowhere/private.pem");

        assertThat(refusalOf(() -> RsaSigner.fromFile(missing))).hasMessageStartingWith("private key from file "
                + missing + ": found no such file; expected a readable file holding an RSA private key");
        assertThat(refusalOf(() -> RsaSigner.fromFile(dir))).hasMessageContaining("found a directory");
    }

    @Test
    void refuses_an_openssh_key_with_a_conversion_hint() {
        String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";

        SnapConfigurationException error = refusalOf(() -> RsaSigner.fromPem(openssh));

        assertThat(error).hasMessageContaining("found an OpenSSH key (a PEM 'OPENSSH PRIVATE KEY' block)")
                .hasMessageContaining("ssh-keygen -p -m PKCS8");
        assertNoKeyMaterial(error, openssh);
    }

    @Test
    void refuses_a_pkcs12_file_handed_over_as_a_key_file_pointing_to_from_pkcs12() {
        assertThat(refusalOf(() -> RsaSigner.fromFile(keys.pkcs12()))).hasMessageContaining(
                "found a PKCS#12 keystore in a DER file").hasMessageContaining("PrivateKeys.fromPkcs12");
    }

    @Test
    void refuses_pkcs12_with_a_wrong_store_password_an_unknown_alias_or_no_key() {
        char[] wrong = "wrong".toCharArray();

        assertThat(refusalOf(() -> PrivateKeys.fromPkcs12(keys.pkcs12(), wrong, null, null))).hasMessageContaining(
                "found a keystore that did not open with the given store password");
        assertThat(wrong).containsOnly('\0');
        assertThat(refusalOf(() -> PrivateKeys.fromPkcs12(keys.pkcs12(), OpenSslKeys.STORE_PASSWORD.toCharArray(),
                "someone-else", null))).hasMessageContaining("found no entry named 'someone-else' (private key"
                + " entries: [merchant])");
        assertThat(refusalOf(() -> PrivateKeys.fromPkcs12(keys.pkcs12CertificateOnly(),
                OpenSslKeys.STORE_PASSWORD.toCharArray(), null, null))).hasMessageContaining(
                "found a keystore without private key entries");
        assertThat(refusalOf(() -> PrivateKeys.fromPkcs12(keys.rsaPkcs8(), OpenSslKeys.STORE_PASSWORD.toCharArray(),
                null, null))).hasMessageContaining("found a file that is not a PKCS#12 keystore");
    }

    @Test
    void refuses_a_non_rsa_java_key_object() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var ec = generator.generateKeyPair();

        assertThat(refusalOf(() -> RsaSigner.create(ec.getPrivate()))).hasMessage("private key: found an EC key;"
                + " expected an RSA private key (SNAP signs with SHA256withRSA)");
        assertThat(refusalOf(() -> RsaVerifier.create(ec.getPublic()))).hasMessageContaining("found an EC key");
    }

    @Test
    void refuses_an_rsa_key_whose_crt_parameters_do_not_match_its_modulus() throws Exception {
        var good = (java.security.interfaces.RSAPrivateCrtKey) PrivateKeys.read(keys.rsaPkcs1());
        var spec = new java.security.spec.RSAPrivateCrtKeySpec(good.getModulus(), good.getPublicExponent(),
                good.getPrivateExponent(), good.getPrimeP(), good.getPrimeQ(),
                good.getPrimeExponentP().add(java.math.BigInteger.TWO), good.getPrimeExponentQ(),
                good.getCrtCoefficient());
        var corrupt = java.security.KeyFactory.getInstance("RSA").generatePrivate(spec);

        assertThat(refusalOf(() -> RsaSigner.create(corrupt))).hasMessageContaining(
                "found an RSA private key whose CRT parameters do not match its modulus");
    }

    @Test
    void every_truncation_of_a_real_key_is_refused_with_a_configuration_error_and_no_key_material() {
        for (Path file : new Path[] {keys.rsaPkcs1(), keys.rsaPkcs8(), keys.rsaEncryptedPkcs8()}) {
            String pem = keys.text(file);
            for (int cut = 0; cut < pem.length() - 40; cut += 29) {
                String truncated = pem.substring(0, cut);
                Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                        () -> PrivateKeys.parse(truncated, OpenSslKeys.PASSWORD.toCharArray()));
                assertThat(error).as("cut at " + cut + " of " + file.getFileName())
                        .isInstanceOf(SnapConfigurationException.class);
                if (cut > 100) {
                    assertNoKeyMaterial(error, pem);
                }
            }
        }
    }

    @Test
    void garbage_of_every_kind_gives_only_configuration_errors() {
        Random random = new Random(2024);
        String[] pieces = {"-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
            "MII", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "\\n", "\n", " ", "\n", "=", "==", "AAAA", "Proc-Type: 4,ENCRYPTED",
            "DEK-Info: AES-256-CBC,00", "\"", "/", "+", "MA==", "MAA=", "MIIBCgKCAQEA"};
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                if (random.nextBoolean()) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                } else {
                    byte[] bytes = new byte[random.nextInt(200)];
                    random.nextBytes(bytes);
                    text.append(Base64.getEncoder().encodeToString(bytes));
                }
            }
            String garbage = text.toString();
            Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> PrivateKeys.parse(garbage));
            assertThat(error).as(garbage).isInstanceOf(SnapConfigurationException.class);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PublicKeys.parse(garbage))).as(garbage)
                    .isInstanceOf(SnapConfigurationException.class);
        }
    }

    private static String expectedPrivate() {
        return "an RSA private key as PEM (-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or"
                + " -----BEGIN ENCRYPTED PRIVATE KEY-----) or as Base64 DER";
    }
}
