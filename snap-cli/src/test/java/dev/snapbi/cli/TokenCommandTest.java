package dev.snapbi.cli;

import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

    private static SnapSandbox sandbox;
    private static GeneratedKeyPair keys;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = SnapSandbox.start();
        keys = RsaKeyPairs.generate(2048);
        sandbox.registerClient("IONPAYTEST", keys.publicKey());
        keys.writeTo(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void clearFaults() {
        sandbox.faults().clear();
        sandbox.resetStats();
    }

    private CliRun token(String... extra) {
        String[] base = {"token", "--base-url", sandbox.baseUrl().toString(), "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("private.pem").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void gets_a_token_from_the_embedded_sandbox_with_no_options_and_redacts_it() {
        CliRun run = CliRun.run("token");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json("responseCode")).isEqualTo("2007300");
        assertThat(run.json("responseMessage")).isEqualTo("Successful");
        assertThat(run.json("tokenType")).isEqualTo("Bearer");
        assertThat(run.json("expiresIn")).isEqualTo("900");
        assertThat(run.json("accessToken")).matches("\\*\\*\\*\\*\\S{4} \\(\\d+ chars; --show-token to print it\\)");
        assertThat(run.json("environment")).isEqualTo("embedded sandbox");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void gets_a_token_from_a_sandbox_at_a_base_url_with_a_key_file() {
        CliRun run = token();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json("responseCode")).isEqualTo("2007300");
        assertThat(run.json("tokenUrl")).isEqualTo(sandbox.baseUrl() + "/nicepay/v1.0/access-token/b2b");
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
    }

    @Test
    void prints_the_token_only_with_show_token_and_it_is_one_the_sandbox_issued() {
        CliRun run = token("--show-token");
        assertThat(run.exitCode()).isZero();
        String token = run.json("accessToken");
        assertThat(token).doesNotContain("****").hasSizeGreaterThan(40);
        assertThat(sandbox.isTokenActive(token)).isTrue();
    }

    @Test
    void exits_3_with_one_line_naming_the_code_when_the_server_rejects_the_client() {
        CliRun run = CliRun.run("token", "--base-url", sandbox.baseUrl().toString(), "--client-key", "UNKNOWN",
                "--private-key", dir.resolve("private.pem").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("4017300").contains("Unknown client").contains("UNKNOWN");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exits_4_when_the_server_keeps_failing_and_retries_run_out() {
        sandbox.faults().failNext(5, 500, "5007300", "General Error");
        CliRun run = token("--max-attempts", "2");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("5007300");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
    }

    @Test
    void exits_4_on_a_read_timeout() {
        sandbox.faults().delayNext(1, Duration.ofSeconds(2));
        CliRun run = token("--read-timeout", "200ms", "--max-attempts", "1");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).containsIgnoringCase("tim");
    }

    @Test
    void exits_5_on_a_malformed_answer() {
        sandbox.faults().malformedNext(1);
        CliRun run = token("--max-attempts", "1");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).startsWith("error: ");
    }

    @Test
    void exits_2_for_a_missing_key_file_a_bad_duration_or_plain_http_to_a_remote_host() {
        assertThat(CliRun.run("token", "--base-url", sandbox.baseUrl().toString(), "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("nope.pem").toString()).exitCode()).isEqualTo(2);
        assertThat(token("--read-timeout", "5 parsecs").exitCode()).isEqualTo(2);
        CliRun http = CliRun.run("token", "--base-url", "http://dev.nicepay.co.id", "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("private.pem").toString());
        assertThat(http.exitCode()).isEqualTo(2);
        assertThat(http.err()).contains("https");
        assertThat(CliRun.run("token", "--client-key", "X").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("token", "--env", "qa", "--client-key", "X", "--private-key", "x").exitCode())
                .isEqualTo(2);
    }

    @Test
    void reads_an_encrypted_key_with_the_password_from_the_environment_only() throws Exception {
        Path encrypted = dir.resolve("encrypted.pem");
        Process p = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                dir.resolve("private.pem").toString(), "-out", encrypted.toString(), "-passout", "pass:s3cret")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(encrypted)).contains("ENCRYPTED PRIVATE KEY");
        String[] args = {"token", "--base-url", sandbox.baseUrl().toString(), "--client-key", "IONPAYTEST",
                "--private-key", encrypted.toString()};

        assertThat(CliRun.run(Map.of("SNAP_KEY_PASSWORD", "s3cret"), args).exitCode()).isZero();
        CliRun wrong = CliRun.run(Map.of("SNAP_KEY_PASSWORD", "Xq7-not-it"), args);
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).containsIgnoringCase("password").doesNotContain("Xq7-not-it");
        assertThat(CliRun.run(args).exitCode()).isEqualTo(2);
    }
}
