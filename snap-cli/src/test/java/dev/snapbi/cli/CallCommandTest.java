package dev.snapbi.cli;

import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallCommandTest {

    static final String VA = "/nicepay/api/v1.0/transfer-va/create-va";
    static final String SECRET = "call-command-test-secret";

    private static SnapSandbox sandbox;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = SnapSandbox.start();
        GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
        sandbox.registerClient("IONPAYTEST", keys.publicKey(), SECRET);
        keys.writeTo(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void clean() {
        sandbox.transactionFaults().clear();
        sandbox.resetStats();
        sandbox.clearRecordedRequests();
    }

    static String vaBody(String trxId) {
        return "{\n  \"virtualAccountName\": \"Jane Doe\",\n  \"trxId\": \"" + trxId + "\",\n  \"totalAmount\": "
                + "{\"value\": \"10000.00\", \"currency\": \"IDR\"},\n  \"additionalInfo\": {\"bankCd\": \"BMRI\"}\n}";
    }

    private CliRun call(Map<String, String> env, String... args) {
        String[] base = {"call", "--base-url", sandbox.baseUrl().toString(), "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("private.pem").toString()};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return CliRun.run(env, all);
    }

    private CliRun call(String... args) {
        return call(Map.of("SNAP_CLIENT_SECRET", SECRET), args);
    }

    @Test
    void makes_a_signed_call_against_the_embedded_sandbox_with_no_connection_options() {
        CliRun run = CliRun.run("call", "POST", VA, "--body", vaBody("CLI-EMBEDDED"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("HTTP 200 2002700 Successful").contains("\"trxId\":\"CLI-EMBEDDED\"")
                .contains("> POST http://127.0.0.1:").contains("signed as /api/v1.0/transfer-va/create-va")
                .contains("> X-SIGNATURE: ****").containsPattern("> Authorization: Bearer \\*\\*\\*\\*\\S{0,4}\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void signs_and_sends_the_minified_body_to_a_sandbox_at_a_base_url() {
        CliRun run = call("POST", VA, "--body", vaBody("CLI-1"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("HTTP 200 2002700").contains("content-type: application/json");
        assertThat(sandbox.stats().requests(VA)).isEqualTo(1);
        RecordedRequest sent = sandbox.recordedRequests().stream().filter(r -> r.path().equals(VA))
                .findFirst().orElseThrow();
        assertThat(sent.signatureValid()).isTrue();
        assertThat(sent.body()).doesNotContain("\n").contains("\"virtualAccountName\":\"Jane Doe\"");
        assertThat(run.out()).doesNotContain(SECRET).contains("> X-PARTNER-ID: IONPAYTEST")
                .contains("> CHANNEL-ID: IONPAYTEST01");
    }

    @Test
    void reads_the_body_from_a_file_and_sends_an_inquiry() throws Exception {
        call("POST", VA, "--body", vaBody("CLI-2"));
        Path status = Files.writeString(dir.resolve("status.json"), "{\"additionalInfo\": {\"trxId\": \"CLI-2\"}}");

        CliRun run = call("POST", "/nicepay/api/v1.0/transfer-va/status", "--body-file", status.toString(),
                "--inquiry");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("HTTP 200 2002600").contains("\"latestTransactionStatus\":\"03\"");
    }

    @Test
    void exits_2_for_usage_and_configuration_errors_before_sending() {
        assertThat(call(Map.of(), "POST", VA, "--body", "{}").exitCode()).isEqualTo(2);
        assertThat(call(Map.of(), "POST", VA, "--body", "{}").err()).contains("SNAP_CLIENT_SECRET");
        assertThat(call("POST", VA, "--body", "{not json").exitCode()).isEqualTo(2);
        assertThat(call("POST", VA, "--body", "{}", "--body-file", "x.json").exitCode()).isEqualTo(2);
        assertThat(call("POST", VA, "--env", "development").exitCode()).isEqualTo(2);
        assertThat(call("POST", "no-slash").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(Map.of("SNAP_CLIENT_SECRET", SECRET), "call", "POST", VA, "--base-url",
                sandbox.baseUrl().toString(), "--client-key", "IONPAYTEST", "--private-key",
                dir.resolve("missing.pem").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.run("call", "POST").exitCode()).isEqualTo(2);
        assertThat(sandbox.stats().requests(VA)).isZero();
    }

    @Test
    void exits_3_when_the_server_rejects_the_call() {
        call("POST", VA, "--body", vaBody("CLI-DUP"));

        CliRun run = call("POST", VA, "--body", vaBody("CLI-DUP"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: 4092701");
        CliRun wrongSecret = call(Map.of("SNAP_CLIENT_SECRET", "not-the-secret"), "POST", VA, "--body",
                vaBody("CLI-3"));
        assertThat(wrongSecret.exitCode()).isEqualTo(3);
        assertThat(wrongSecret.err()).contains("4017300").doesNotContain("not-the-secret");
    }

    @Test
    void exits_4_with_outcome_unknown_when_the_answer_to_a_money_moving_call_is_lost_and_sends_it_once() {
        sandbox.transactionFaults().processedThenDropNext(1);

        CliRun run = call("POST", VA, "--body", vaBody("CLI-LOST"));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("outcome unknown").contains("Do not resend");
        assertThat(sandbox.stats().requests(VA)).isEqualTo(1);
    }

    @Test
    void exits_5_when_the_answer_breaks_the_protocol() {
        sandbox.transactionFaults().malformedNext(1);

        CliRun run = call("POST", "/nicepay/api/v1.0/transfer-va/status", "--body",
                "{\"additionalInfo\":{\"trxId\":\"X\"}}", "--inquiry");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    }

    @Test
    void masks_secret_headers_only() {
        assertThat(CallCommand.mask("Authorization", "Bearer " + "a".repeat(40) + "wxyz")).isEqualTo("Bearer ****wxyz");
        assertThat(CallCommand.mask("X-SIGNATURE", "abc==")).isEqualTo("****");
        assertThat(CallCommand.mask("X-EXTERNAL-ID", "123")).isEqualTo("123");
        assertThat(List.of("cookie", "Set-Cookie")).allMatch(h -> CallCommand.mask(h, "v").equals("****"));
    }
}
