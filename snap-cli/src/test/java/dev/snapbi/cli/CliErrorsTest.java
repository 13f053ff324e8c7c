package dev.snapbi.cli;

import dev.snapbi.cli.internal.BoundedFiles;
import dev.snapbi.cli.internal.Durations;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaVerifier;
import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16 items 4 to 7: PKCS#12, one line per error, messages that point to the fix, the exact signed body. */
class CliErrorsTest {

    private static final String TIMESTAMP = "2024-12-31T10:11:40+07:00";
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

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static Path keystore(String name, String... aliases) throws Exception {
        Path file = dir.resolve(name);
        for (String alias : aliases) {
            run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-keyalg",
                    "RSA", "-keysize", "2048", "-alias", alias, "-dname", "CN=" + alias, "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "storepass1");
        }
        return file;
    }

    private static PublicKey publicKeyOf(Path keystore, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "storepass1".toCharArray());
        }
        return store.getCertificate(alias).getPublicKey();
    }

    // ---------------------------------------------------------------- item 4: PKCS#12

    @Test
    void signs_with_a_pkcs12_keystore_whose_password_comes_from_snap_key_password() throws Exception {
        Path p12 = keystore("one.p12", "merchant");

        CliRun run = CliRun.run(Map.of("SNAP_KEY_PASSWORD", "storepass1"), "sign", "--client-key", "IONPAYTEST",
                "--private-key", p12.toString(), "--timestamp", TIMESTAMP);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(RsaVerifier.create(publicKeyOf(p12, "merchant")).verify("IONPAYTEST|" + TIMESTAMP,
                line(run.out(), "X-SIGNATURE:"))).isTrue();
    }

    @Test
    void a_pkcs12_keystore_without_its_password_names_snap_key_password() throws Exception {
        Path p12 = keystore("nopass.p12", "merchant");

        CliRun run = CliRun.run("sign", "--client-key", "IONPAYTEST", "--private-key", p12.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("SNAP_KEY_PASSWORD");
    }

    @Test
    void a_keystore_with_several_entries_needs_key_alias_and_signs_with_the_one_named() throws Exception {
        Path p12 = keystore("two.pfx", "first", "second");
        Map<String, String> env = Map.of("SNAP_KEY_PASSWORD", "storepass1");

        CliRun ambiguous = CliRun.run(env, "sign", "--client-key", "IONPAYTEST", "--private-key", p12.toString());
        CliRun chosen = CliRun.run(env, "sign", "--client-key", "IONPAYTEST", "--private-key", p12.toString(),
                "--key-alias", "second", "--timestamp", TIMESTAMP);

        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("--key-alias").contains("first").contains("second");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(RsaVerifier.create(publicKeyOf(p12, "second")).verify("IONPAYTEST|" + TIMESTAMP,
                line(chosen.out(), "X-SIGNATURE:"))).isTrue();
    }

    // ---------------------------------------------------------------- item 5: one line, usage only when asked

    @Test
    void a_bad_option_is_one_line_on_stderr_without_the_usage() {
        CliRun bad = CliRun.run("token", "--no-such-option");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().lines()).singleElement().asString().contains("--no-such-option")
                .contains("token --help");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void no_command_prints_the_usage_on_stderr_and_exits_2_while_help_exits_0() {
        CliRun none = CliRun.run();
        CliRun help = CliRun.run("--help");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: snap").contains("token");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: snap");
    }

    // ---------------------------------------------------------------- item 6: messages that point to the fix

    @Test
    void an_encrypted_key_without_a_password_names_snap_key_password_not_a_java_method() throws Exception {
        Path encrypted = dir.resolve("encrypted.pem");
        run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", dir.resolve("private.pem").toString(),
                "-out", encrypted.toString(), "-passout", "pass:keypass1");

        CliRun without = CliRun.run("sign", "--client-key", "IONPAYTEST", "--private-key", encrypted.toString());
        CliRun with = CliRun.run(Map.of("SNAP_KEY_PASSWORD", "keypass1"), "sign", "--client-key", "IONPAYTEST",
                "--private-key", encrypted.toString());

        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err().lines()).singleElement().asString().contains("SNAP_KEY_PASSWORD")
                .doesNotContain("RsaSigner");
        assertThat(with.exitCode()).as(with.err()).isZero();
    }

    @Test
    void a_base_url_that_is_the_full_token_url_is_refused_with_the_host_root() {
        CliRun run = CliRun.run("token", "--base-url", "https://dev.nicepay.co.id/nicepay/v1.0/access-token/b2b",
                "--client-key", "IONPAYTEST", "--private-key", dir.resolve("private.pem").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("host root, e.g. https://dev.nicepay.co.id;");
    }

    @Test
    void a_base_url_without_a_scheme_gets_the_scheme_suggested() {
        CliRun run = CliRun.run("token", "--base-url", "127.0.0.1:18080", "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("private.pem").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs a scheme: http://127.0.0.1:18080");
    }

    @Test
    void a_refused_connection_names_host_and_port() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.run("token", "--base-url", "http://127.0.0.1:" + port, "--client-key", "IONPAYTEST",
                "--private-key", dir.resolve("private.pem").toString(), "--max-attempts", "1");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().lines()).singleElement().asString().contains("127.0.0.1 port " + port)
                .contains("wrong port").doesNotContain("retry later");
    }

    @Test
    void a_sandbox_port_in_use_names_the_port() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(taken.getLocalPort());

            CliRun run = CliRun.run("sandbox", "--port", port);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).singleElement().asString().contains("port " + port)
                    .contains("--port 0");
        }
    }

    @Test
    void a_sandbox_port_out_of_range_says_the_range() {
        CliRun run = CliRun.run("sandbox", "--port", "99999");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port must be between 0 and 65535").doesNotContain("unexpected");
    }

    @Test
    void verify_says_a_signature_is_not_base64() {
        CliRun run = CliRun.run("verify", "--public-key", dir.resolve("public.pem").toString(), "--data", "x|y",
                "--signature", "not base64!");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("not standard Base64").doesNotContain("does not match");
    }

    @Test
    void a_plain_number_is_a_number_of_seconds() {
        assertThat(Durations.parse("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    // ---------------------------------------------------------------- item 7: the exact body signed

    @Test
    void sign_symmetric_prints_the_exact_body_signed_or_writes_it_with_body_out() throws Exception {
        Path body = dir.resolve("pretty.json");
        Files.writeString(body, "{\n  \"trxId\": \"ORDER 1\",\n  \"amount\": {\"value\": \"10000.00\"}\n}\n");
        Path out = dir.resolve("signed-body.json");
        Map<String, String> env = Map.of("SNAP_CLIENT_SECRET", "secret-for-the-test");
        String[] common = {"sign", "--symmetric", "--method", "POST", "--path", "/nicepay/api/v1.0/x",
                "--access-token", "token-for-the-test-123", "--body-file", body.toString(), "--timestamp", TIMESTAMP};

        CliRun printed = CliRun.run(env, common);
        String[] withOut = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                java.util.stream.Stream.of("--body-out", out.toString())).toArray(String[]::new);
        CliRun written = CliRun.run(env, withOut);

        String minified = "{\"trxId\":\"ORDER 1\",\"amount\":{\"value\":\"10000.00\"}}";
        assertThat(line(printed.out(), "body to send:")).isEqualTo(minified);
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(minified);
        assertThat(line(written.out(), "X-SIGNATURE:")).isEqualTo(line(printed.out(), "X-SIGNATURE:"));
        assertThat(CliRun.run("sign", "--help").out()).contains("--body-out").contains("send exactly the body");
    }

    // ---------------------------------------------------------------- issue 13 item 9: bounded body reads

    @Test
    void an_endless_body_file_is_refused() {
        CliRun run = CliRun.run(Map.of("SNAP_CLIENT_SECRET", "s"), "sign", "--symmetric", "--method", "POST",
                "--path", "/x", "--access-token", "token-for-the-test-123", "--body-file", "/dev/zero");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("more than").contains("/dev/zero");
    }

    @Test
    void an_endless_key_file_is_a_usage_error_not_an_invalid_signature() {
        CliRun run = CliRun.run("verify", "--public-key", "/dev/zero", "--data", "x|y", "--signature", "AAAA");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("/dev/zero").contains("more than");
    }

    @Test
    void a_body_fifo_nobody_writes_to_is_refused_after_a_bounded_wait() throws Exception {
        Path fifo = dir.resolve("body.fifo");
        run("mkfifo", fifo.toString());

        assertThatThrownBy(() -> BoundedFiles.readString(fifo, 1024, "--body-file", Duration.ofMillis(300)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("no data within");
        assertThat(List.of(fifo)).allMatch(Files::exists);
    }
}
