package dev.snapbi.crypto;

import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.crypto.pem.PublicKeys;
import dev.snapbi.crypto.testing.OpenSsl;
import dev.snapbi.crypto.testing.OpenSslKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaKeyPairsTest {

    private static final StringToSign TEXT = StringToSign.of("normaltest|2024-12-31T10:11:40+07:00");

    static GeneratedKeyPair pair;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        pair = RsaKeyPairs.generate();
    }

    @Test
    void generates_2048_bit_keys_by_default_with_exponent_65537() {
        assertThat(pair.keySizeBits()).isEqualTo(2048);
        assertThat(pair.publicKey().getPublicExponent().intValue()).isEqualTo(65537);
        assertThat(pair.keyPair().getPublic()).isSameAs(pair.publicKey());
        assertThat(pair.keyPair().getPrivate()).isSameAs(pair.privateKey());
    }

    @Test
    void writes_pkcs8_and_x509_pem_that_parse_back_to_the_same_keys() {
        assertThat(pair.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(pair.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pair.privateKeyPem().lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);

        assertThat(PrivateKeys.parse(pair.privateKeyPem())).isEqualTo(pair.privateKey());
        assertThat(PublicKeys.parse(pair.publicKeyPem())).isEqualTo(pair.publicKey());
    }

    @Test
    void generated_pems_sign_and_verify() {
        Base64Signature signature = RsaSigner.fromPem(pair.privateKeyPem()).sign(TEXT);

        assertThat(RsaVerifier.fromPem(pair.publicKeyPem()).verify(TEXT, signature)).isTrue();
    }

    @Test
    void openssl_accepts_the_written_files_and_signs_like_us() {
        pair.writeTo(dir);
        OpenSslKeys openssl = new OpenSslKeys(dir);

        OpenSsl.run(dir, "pkey", "-in", "private.pem", "-noout");
        OpenSsl.run(dir, "pkey", "-pubin", "-in", "public.pem", "-noout");
        byte[] opensslSignature = openssl.sign(dir.resolve("private.pem"), TEXT.value());

        assertThat(RsaSigner.fromFile(dir.resolve("private.pem")).sign(TEXT).bytes()).isEqualTo(opensslSignature);
        assertThat(openssl.verifies(dir.resolve("public.pem"), TEXT.value(), opensslSignature)).isTrue();
        assertThat(OpenSsl.tryRun(dir, "pkey", "-pubin", "-in", "private.pem", "-noout").exitCode())
                .as("openssl refuses the private file as a public key: the files are what they claim").isNotZero();
    }

    @Test
    void writes_the_private_key_readable_by_the_owner_only() throws Exception {
        pair.writeTo(dir);

        assertThat(Files.readString(dir.resolve(GeneratedKeyPair.PRIVATE_FILE))).isEqualTo(pair.privateKeyPem());
        assertThat(Files.readString(dir.resolve(GeneratedKeyPair.PUBLIC_FILE))).isEqualTo(pair.publicKeyPem());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void creates_a_missing_directory() {
        Path nested = dir.resolve("a/b/keys");

        pair.writeTo(nested);

        assertThat(nested.resolve("private.pem")).exists();
        assertThat(nested.resolve("public.pem")).exists();
    }

    @Test
    void refuses_to_overwrite_an_existing_private_or_public_key_and_writes_nothing() throws Exception {
        Files.writeString(dir.resolve("public.pem"), "registered with NICEPAY");

        assertThatThrownBy(() -> pair.writeTo(dir)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("key file " + dir.resolve("public.pem") + ": found an existing file")
                .hasMessageContaining("never overwritten");
        assertThat(dir.resolve("private.pem")).doesNotExist();
        assertThat(Files.readString(dir.resolve("public.pem"))).isEqualTo("registered with NICEPAY");

        Path other = Files.createDirectory(dir.resolve("other"));
        pair.writeTo(other);
        assertThatThrownBy(() -> pair.writeTo(other)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("private.pem: found an existing file");
        assertThat(Files.readString(other.resolve("private.pem"))).isEqualTo(pair.privateKeyPem());
    }

    @Test
    void refuses_weak_or_absurd_sizes() {
        assertThatThrownBy(() -> RsaKeyPairs.generate(1024)).isInstanceOf(SnapConfigurationException.class)
                .hasMessage("key size: found 1024 bits; expected 2048 to 8192 bits for a new RSA key (1024-bit keys are"
                        + " only accepted, never made)");
        assertThatThrownBy(() -> RsaKeyPairs.generate(65536)).isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void to_string_shows_no_key_material() {
        assertThat(pair).hasToString("GeneratedKeyPair[RSA, 2048 bits]");
    }
}
