package dev.snapbi.crypto;

import dev.snapbi.crypto.testing.OpenSsl;
import dev.snapbi.domain.json.CompactJson;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HMAC-SHA512 against known answers: RFC 4231 and answers computed by the {@code openssl} command (an independent
 * implementation) over the full SNAP symmetric string to sign.
 */
class HmacSha512SignerTest {

    private static final SnapTimestamp TIMESTAMP = SnapTimestamp.parse("2024-12-31T10:11:40+07:00");
    private static final AccessToken TOKEN = AccessToken.bearer("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl",
            Instant.parse("2024-12-31T03:11:40Z"), Duration.ofSeconds(900));
    private static final String PATH = "/api/v1.0/transfer-va/create-va";

    @TempDir
    Path dir;

    /** OpenSSL's HMAC-SHA512, keyed by the secret's UTF-8 bytes given as hex (so no shell or locale can alter them). */
    private byte[] opensslHmac(String secret, String data) throws IOException {
        Path input = Files.writeString(dir.resolve("data.txt"), data, StandardCharsets.UTF_8);
        String hexKey = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        return OpenSsl.run(dir, "mac", "-digest", "SHA512", "-macopt", "hexkey:" + hexKey, "-binary", "-in",
                input.getFileName().toString(), "HMAC");
    }

    /** OpenSSL's lower-case hex SHA-256 of the bytes. */
    private String opensslSha256Hex(byte[] body) throws IOException {
        Path input = Files.write(dir.resolve("body.bin"), body);
        String out = new String(OpenSsl.run(dir, "dgst", "-sha256", "-r", input.getFileName().toString()),
                StandardCharsets.US_ASCII);
        return out.substring(0, 64);
    }

    @Test
    void matches_rfc_4231_test_case_2() {
        Base64Signature signature = HmacSha512Signer.create(ClientSecret.of("Jefe"))
                .sign(StringToSign.of("what do ya want for nothing?"));

        assertThat(HexFormat.of().formatHex(signature.bytes())).isEqualTo("164b7a7bfcf819e2e395fbe73b56e0a387bd6422"
                + "2e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
        assertThat(signature.value()).isEqualTo("Fkt6e/z4GeLjlfvnO1bgo4e9ZCIugx/WECcM1+olBVSXWL91wFqZSm0DT2X48Ob9yuqxo0"
                + "1Ka0tjbgcKOLznNw==");
    }

    @Test
    void matches_openssl_over_a_symmetric_string_to_sign_with_a_json_body() throws IOException {
        String secret = "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwtlyyLOtS/8aD7A==";
        byte[] body = CompactJson.compact("{\n  \"partnerServiceId\": \"   1234\",\n  \"trxId\": \"INV/2024/001\","
                + "\n  \"totalAmount\": {\"value\": \"10000.00\", \"currency\": \"IDR\"}\n}")
                .getBytes(StandardCharsets.UTF_8);
        String expectedText = "POST:" + PATH + ":" + TOKEN.value() + ":" + opensslSha256Hex(body) + ":"
                + TIMESTAMP.value();

        StringToSign stringToSign = StringToSign.symmetric("POST", PATH, TOKEN, body, TIMESTAMP);
        Base64Signature signature = HmacSha512Signer.create(ClientSecret.of(secret)).sign(stringToSign);

        assertThat(stringToSign.value()).isEqualTo(expectedText);
        assertThat(signature.bytes()).isEqualTo(opensslHmac(secret, expectedText));
    }

    @Test
    void matches_openssl_for_an_empty_body_hashing_the_empty_string() throws IOException {
        String secret = "client-secret";
        String emptyHash = opensslSha256Hex(new byte[0]);
        assertThat(emptyHash).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String expectedText = "GET:/api/v1.0/balance-inquiry:" + TOKEN.value() + ":" + emptyHash + ":"
                + TIMESTAMP.value();

        Base64Signature signature = HmacSha512Signer.create(ClientSecret.of(secret))
                .sign(StringToSign.symmetric("GET", "/api/v1.0/balance-inquiry", TOKEN, new byte[0], TIMESTAMP));

        assertThat(signature.bytes()).isEqualTo(opensslHmac(secret, expectedText));
    }

    @Test
    void matches_openssl_for_a_non_ascii_secret_keyed_by_its_utf8_bytes() throws IOException {
        String secret = "rahasia-ñé-€-☕-𝄞";
        assertThat(secret.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(secret.length());
        StringToSign text = StringToSign.symmetric("POST", PATH, TOKEN, "{}".getBytes(StandardCharsets.UTF_8),
                TIMESTAMP);

        Base64Signature signature = HmacSha512Signer.create(ClientSecret.of(secret)).sign(text);

        assertThat(signature.bytes()).isEqualTo(opensslHmac(secret, text.value()));
        String lossy = new String(secret.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        assertThat(signature).as("not keyed by a lossy ASCII form of the secret")
                .isNotEqualTo(HmacSha512Signer.create(ClientSecret.of(lossy)).sign(text));
    }

    @Test
    void matches_openssl_dgst_hmac_for_an_ascii_secret() throws IOException {
        String text = "POST:/api/v1.0/qr/qr-mpm-generate:" + TOKEN.value() + ":"
                + StringToSign.sha256Hex(new byte[0]) + ":" + TIMESTAMP.value();
        Path input = Files.writeString(dir.resolve("dgst.txt"), text, StandardCharsets.UTF_8);

        byte[] expected = OpenSsl.run(dir, "dgst", "-sha512", "-hmac", "plain-ascii-secret", "-binary",
                input.getFileName().toString());

        assertThat(HmacSha512Signer.create(ClientSecret.of("plain-ascii-secret")).sign(StringToSign.of(text)).bytes())
                .isEqualTo(expected).hasSize(64);
    }

    @Test
    void gives_the_same_answer_from_many_threads() throws Exception {
        HmacSha512Signer signer = HmacSha512Signer.create(ClientSecret.of("shared-secret"));
        List<StringToSign> texts = new ArrayList<>();
        List<Base64Signature> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            texts.add(StringToSign.of("text number " + i));
            expected.add(signer.sign(texts.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    boolean all = true;
                    for (int round = 0; round < 200; round++) {
                        int i = (round + offset) % texts.size();
                        all &= signer.sign(texts.get(i)).equals(expected.get(i));
                    }
                    return all;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void never_shows_the_secret_and_refuses_a_missing_one() {
        HmacSha512Signer signer = HmacSha512Signer.create(ClientSecret.of("super-secret-value"));

        assertThat(signer).hasToString("HmacSha512Signer[HmacSHA512]");
        assertThatThrownBy(() -> HmacSha512Signer.create(null))
                .isInstanceOf(dev.snapbi.domain.error.SnapConfigurationException.class)
                .hasMessageContaining("client secret: found nothing (null)");
    }
}
