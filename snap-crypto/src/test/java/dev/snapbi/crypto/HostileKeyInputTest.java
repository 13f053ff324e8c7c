package dev.snapbi.crypto;

import dev.snapbi.crypto.internal.KeySource;
import dev.snapbi.crypto.internal.KeyFiles;
import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.crypto.pem.PublicKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 13, items 9 and 10: endless files, FIFOs, costly key derivation and long texts are clear errors, fast. */
class HostileKeyInputTest {

    /** A safety net only: the parsing takes milliseconds; the quadratic version took minutes on 80k characters. */
    private static final Duration SAFETY_NET = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void an_endless_file_is_refused_with_a_typed_error_instead_of_running_out_of_memory() {
        assertThatThrownBy(() -> PrivateKeys.read(Path.of("/dev/zero")))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("more than " + KeyFiles.MAX_FILE_BYTES + " bytes")
                .hasMessageContaining("/dev/zero");
        assertThatThrownBy(() -> PublicKeys.read(Path.of("/dev/zero")))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("endless file");
    }

    @Test
    void a_fifo_nobody_writes_to_is_refused_after_a_bounded_wait() throws Exception {
        Path fifo = mkfifo("silent.fifo");

        assertTimeoutPreemptively(SAFETY_NET, () -> assertThatThrownBy(
                () -> KeyFiles.read(fifo, KeySource.privateKey("file " + fifo), Duration.ofMillis(300)))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("no data within"));
    }

    @Test
    void a_fifo_that_delivers_a_key_is_read_like_a_file() throws Exception {
        GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
        Path fifo = mkfifo("key.fifo");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(keys.privateKeyPem().getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(assertTimeoutPreemptively(SAFETY_NET, () -> PrivateKeys.read(fifo)))
                .isEqualTo(keys.privateKey());
        writer.join();
    }

    @Test
    void scrypt_parameters_beyond_the_limit_are_refused_before_any_derivation() {
        String pem = encryptedKey(new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt,
                new ScryptParams(new byte[16], 1 << 20, 8, 1, 32)));

        assertThatThrownBy(() -> assertTimeoutPreemptively(SAFETY_NET,
                () -> PrivateKeys.parse(pem, "password".toCharArray())))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("N=1048576, r=8, p=1").hasMessageContaining("1024 MiB")
                .hasMessageContaining("at most 64 MiB");
    }

    @Test
    void pbkdf2_iterations_beyond_the_limit_are_refused_before_any_derivation() {
        String pem = encryptedKey(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(new byte[16], Integer.MAX_VALUE, 32,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256))));

        assertThatThrownBy(() -> assertTimeoutPreemptively(SAFETY_NET,
                () -> PrivateKeys.parse(pem, "password".toCharArray())))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining(Integer.MAX_VALUE + " key-derivation iterations");
    }

    @Test
    void a_long_pem_body_without_a_colon_is_parsed_in_linear_time() {
        String body = "A".repeat(80_000);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        String pemLonger = "-----BEGIN PRIVATE KEY-----\n" + "Proc-Type".repeat(100_000) + "\n-----END PRIVATE KEY-----";

        assertTimeoutPreemptively(SAFETY_NET, () -> {
            assertThatThrownBy(() -> PrivateKeys.parse(pem)).isInstanceOf(SnapConfigurationException.class);
            assertThatThrownBy(() -> PrivateKeys.parse(pemLonger)).isInstanceOf(SnapConfigurationException.class);
            assertThatThrownBy(() -> PrivateKeys.parse(body)).isInstanceOf(SnapConfigurationException.class);
        });
    }

    @Test
    void legacy_pem_headers_are_still_recognised() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                + "00112233445566778899AABBCCDDEEFF\n\n" + "QUJD".repeat(40) + "\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PrivateKeys.parse(pem)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("password");
    }

    @Test
    void a_null_key_text_says_to_check_the_environment_variable() {
        assertThatThrownBy(() -> RsaSigner.fromPem(null)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("check that it is set");
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo exit code").isZero();
        return fifo;
    }

    private static String encryptedKey(KeyDerivationFunc kdf) {
        try {
            EncryptionScheme aes = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC,
                    new DEROctetString(new byte[16]));
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(
                    PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(kdf, aes)), new byte[1232]);
            return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(info.getEncoded())
                    + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
