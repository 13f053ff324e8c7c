package dev.snapbi.cli;

import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaVerifier;
import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OtherCommandsTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJl";
    private static GeneratedKeyPair keys;
    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() {
        keys = RsaKeyPairs.generate(2048);
        keys.writeTo(dir);
    }

    private static String line(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow().substring(label.length())
                .trim();
    }

    @Test
    void signs_nicepays_documented_sample_and_the_signature_verifies() {
        CliRun run = CliRun.run("sign", "--client-key", "normaltest", "--private-key",
                dir.resolve("private.pem").toString(), "--timestamp", "2024-12-31T10:11:40+07:00");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(line(run.out(), "string to sign:")).isEqualTo("normaltest|2024-12-31T10:11:40+07:00");
        String signature = line(run.out(), "X-SIGNATURE:");
        assertThat(RsaVerifier.create(keys.publicKey()).verify("normaltest|2024-12-31T10:11:40+07:00", signature))
                .isTrue();
    }

    @Test
    void signs_now_in_jakarta_time_by_default() {
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T03:11:40Z"), ZoneOffset.UTC);
        CliRun run = CliRun.run(Map.of(), clock, "sign", "--client-key", "IONPAYTEST", "--private-key",
                dir.resolve("private.pem").toString());
        assertThat(line(run.out(), "X-TIMESTAMP:")).isEqualTo("2024-12-31T10:11:40+07:00");
    }

    @Test
    void signs_a_transactional_call_over_the_minified_body_and_the_path_without_nicepay() throws Exception {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\n  \"partnerServiceId\": \"  1234\",\n  \"virtualAccountName\": \"Budi Ü\"\n}\n");
        CliRun run = CliRun.run(Map.of("SNAP_CLIENT_SECRET", "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwtlyyLOtS/8aD7A=="),
                "sign", "--symmetric", "--method", "POST", "--path", "/nicepay/api/v1.0/transfer-va/create-va",
                "--access-token", TOKEN, "--body-file", body.toString(), "--timestamp", "2024-12-31T10:11:40+07:00");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(line(run.out(), "signed path:")).isEqualTo("/api/v1.0/transfer-va/create-va");
        assertThat(run.out()).doesNotContain(TOKEN);
        byte[] minified = "{\"partnerServiceId\":\"  1234\",\"virtualAccountName\":\"Budi Ü\"}"
                .getBytes(StandardCharsets.UTF_8);
        String expected = HmacSha512Signer.create(ClientSecret.of(
                        "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwtlyyLOtS/8aD7A=="))
                .sign(StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va", TOKEN, minified,
                        SnapTimestamp.parse("2024-12-31T10:11:40+07:00"))).value();
        assertThat(line(run.out(), "X-SIGNATURE:")).isEqualTo(expected);
        assertThat(line(run.out(), "body sha256:")).startsWith(StringToSign.sha256Hex(minified));
    }

    @Test
    void refuses_a_symmetric_signature_without_the_secret_in_the_environment() {
        CliRun run = CliRun.run("sign", "--symmetric", "--method", "GET", "--path", "/nicepay/api/x",
                "--access-token", TOKEN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("SNAP_CLIENT_SECRET");
    }

    @Test
    void verify_exits_0_for_a_good_signature_1_for_a_bad_one_and_2_for_a_bad_key() throws Exception {
        String data = "IONPAYTEST|2024-12-31T10:11:40+07:00";
        CliRun signed = CliRun.run("sign", "--client-key", "IONPAYTEST", "--private-key",
                dir.resolve("private.pem").toString(), "--timestamp", "2024-12-31T10:11:40+07:00");
        String signature = line(signed.out(), "X-SIGNATURE:");
        String pub = dir.resolve("public.pem").toString();
        assertThat(CliRun.run("verify", "--public-key", pub, "--data", data, "--signature", signature).exitCode())
                .isZero();
        CliRun tampered = CliRun.run("verify", "--public-key", pub, "--data", data + "x", "--signature", signature);
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out()).contains("INVALID");
        assertThat(CliRun.run("verify", "--public-key", pub, "--data", data, "--signature", "not base64!")
                .exitCode()).isEqualTo(1);
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "hello");
        assertThat(CliRun.run("verify", "--public-key", junk.toString(), "--data", data, "--signature", signature)
                .exitCode()).isEqualTo(2);
    }

    @Test
    void keygen_writes_a_pkcs8_private_key_and_an_x509_public_key_and_never_overwrites() {
        Path out = dir.resolve("fresh");
        CliRun run = CliRun.run("keygen", "--out", out.toString(), "--bits", "2048");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("BEGIN PUBLIC KEY").doesNotContain("PRIVATE KEY-----");
        assertThat(PrivateKeys.read(out.resolve("private.pem")).getModulus().bitLength()).isEqualTo(2048);
        CliRun again = CliRun.run("keygen", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
    }

    @Test
    void shows_version_help_with_exit_codes_and_refuses_unknown_options() {
        CliRun version = CliRun.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("snapbi-java");
        CliRun help = CliRun.run("token", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes").contains("--show-token").contains("--max-attempts");
        for (String command : new String[]{"sign", "verify", "keygen", "sandbox"}) {
            assertThat(CliRun.run(command, "--help").out()).contains("Exit codes");
        }
        CliRun bad = CliRun.run("token", "--no-such-option");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--no-such-option");
    }
}
