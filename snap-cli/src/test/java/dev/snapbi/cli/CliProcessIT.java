package dev.snapbi.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as a real process, the way the README tells users to. */
class CliProcessIT {

    private static Path jar;
    @TempDir
    static Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("snap.cli.jar", "target/snap-cli.jar"));
        assertThat(jar).exists();
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        return java(java.util.Map.of(), args);
    }

    private static Result java(java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void the_readme_main_job_prints_a_token_answer_and_exits_0() throws Exception {
        Result r = java("token");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"responseCode\": \"2007300\"").contains("\"tokenType\": \"Bearer\"")
                .contains("--show-token to print it");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verbose_logs_the_exchange_with_secrets_redacted() throws Exception {
        Result r = java("token", "--verbose");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("POST").contains("/nicepay/v1.0/access-token/b2b").contains("X-TIMESTAMP")
                .contains("X-CLIENT-KEY");
        // the sandbox's tokens and the RSA signatures are long Base64/URL-safe runs: none may be printed
        Matcher longRun = Pattern.compile("[A-Za-z0-9+/=._-]{64,}").matcher(r.err() + r.out());
        List<String> runs = new ArrayList<>();
        while (longRun.find()) {
            runs.add(longRun.group());
        }
        assertThat(runs).as("long secret-looking runs in the output").isEmpty();
    }

    @Test
    void keygen_sign_and_verify_round_trip_between_processes() throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(java("keygen", "--out", keys.toString()).exit()).isZero();
        Result signed = java("sign", "--client-key", "IONPAYTEST", "--private-key",
                keys.resolve("private.pem").toString(), "--timestamp", "2024-12-31T10:11:40+07:00");
        assertThat(signed.exit()).isZero();
        String signature = signed.out().lines().filter(l -> l.startsWith("X-SIGNATURE:")).findFirst().orElseThrow()
                .substring("X-SIGNATURE:".length()).trim();
        Result ok = java("verify", "--public-key", keys.resolve("public.pem").toString(), "--data",
                "IONPAYTEST|2024-12-31T10:11:40+07:00", "--signature", signature);
        assertThat(ok.exit()).isZero();
        Result bad = java("verify", "--public-key", keys.resolve("public.pem").toString(), "--data",
                "IONPAYTEST|2024-12-31T10:11:41+07:00", "--signature", signature);
        assertThat(bad.exit()).isEqualTo(1);
    }

    @Test
    void usage_errors_exit_2_without_a_stack_trace() throws Exception {
        Result r = java("token", "--max-attempts", "zero");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--max-attempts").doesNotContain("\tat ");
    }

    @Test
    void the_standalone_sandbox_serves_a_token_to_another_process() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "sandbox", "--port", "0");
        Process sandbox = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                    StandardCharsets.UTF_8));
            String keyPath = null;
            String baseUrl = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("registered client SANDBOXTEST; its private key: ")) {
                    keyPath = line.substring(line.indexOf(": ") + 2).trim();
                }
                if (line.startsWith("sandbox listening on ")) {
                    baseUrl = line.substring("sandbox listening on ".length()).split(" ")[0];
                    break;
                }
            }
            assertThat(keyPath).isNotNull();
            assertThat(baseUrl).startsWith("http://127.0.0.1:");
            Result r = java("token", "--base-url", baseUrl, "--client-key", "SANDBOXTEST", "--private-key", keyPath);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"responseCode\": \"2007300\"").contains(baseUrl);
            // Ctrl-C (SIGTERM): the throwaway key and its directory go with the sandbox
            sandbox.destroy();
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Path.of(keyPath)).doesNotExist();
            assertThat(Path.of(keyPath).getParent()).doesNotExist();
        } finally {
            sandbox.destroy();
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void call_makes_a_signed_call_to_the_standalone_sandbox_and_to_the_embedded_one() throws Exception {
        Result embedded = java("call", "POST", "/nicepay/api/v1.0/transfer-va/create-va", "--body",
                "{\"trxId\":\"PROC-1\",\"totalAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}}");
        assertThat(embedded.exit()).as(embedded.err()).isZero();
        assertThat(embedded.out()).contains("HTTP 200 2002700");

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "sandbox", "--port", "0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SNAP_CLIENT_SECRET", "process-test-secret");
        Process sandbox = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                    StandardCharsets.UTF_8));
            String keyPath = null;
            String baseUrl = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("registered client SANDBOXTEST; its private key: ")) {
                    keyPath = line.substring(line.indexOf(": ") + 2).trim();
                }
                if (line.startsWith("sandbox listening on ")) {
                    baseUrl = line.substring("sandbox listening on ".length()).split(" ")[0];
                    break;
                }
            }
            assertThat(keyPath).isNotNull();
            String[] args = {"call", "POST", "/nicepay/api/v1.0/transfer-va/create-va", "--base-url", baseUrl,
                    "--client-key", "SANDBOXTEST", "--private-key", keyPath, "--body",
                    "{\"trxId\":\"PROC-2\",\"totalAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}}"};
            Result ok = java(java.util.Map.of("SNAP_CLIENT_SECRET", "process-test-secret"), args);
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("HTTP 200 2002700").contains("\"trxId\":\"PROC-2\"")
                    .doesNotContain("process-test-secret");
            Result duplicate = java(java.util.Map.of("SNAP_CLIENT_SECRET", "process-test-secret"), args);
            assertThat(duplicate.exit()).isEqualTo(3);
            assertThat(duplicate.err()).startsWith("error: 4092701");
            Result wrongSecret = java(java.util.Map.of("SNAP_CLIENT_SECRET", "wrong"), args);
            assertThat(wrongSecret.exit()).isEqualTo(3);
            assertThat(wrongSecret.err()).contains("[Signature]");
        } finally {
            sandbox.destroy();
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
