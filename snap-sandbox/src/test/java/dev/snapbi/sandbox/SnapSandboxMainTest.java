package dev.snapbi.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.snapbi.sandbox.Snap.signedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line shared by the standalone jar and {@code snap-cli sandbox}: arguments, what it prints (the client
 * secret once), running until stopped, and the throwaway key files deleted on stop.
 */
class SnapSandboxMainTest {

    /** A run in its own thread, as a user would start it. */
    private static final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Runnable> stop = new CompletableFuture<>();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;

        Running(Map<String, String> env, String... args) throws Exception {
            thread = new Thread(() -> exit.set(SnapSandboxMain.run(args, new PrintWriter(out, true),
                    new PrintWriter(err, true), env::get, stop::complete)));
            thread.start();
            stop.get(30, TimeUnit.SECONDS); // started (safety net)
        }

        String printed() {
            return out.toString();
        }

        URI baseUrl() {
            Matcher m = Pattern.compile("sandbox listening on (\\S+) \\(Ctrl-C to stop\\)").matcher(printed());
            assertThat(m.find()).as(printed()).isTrue();
            return URI.create(m.group(1));
        }

        void interruptAndJoin() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    @Test
    void runs_until_interrupted_printing_its_base_url_and_serving_the_registered_clients(@TempDir Path dir)
            throws Exception {
        KeyPair keys = Snap.newRsaKeyPair();
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Running run = new Running(Map.of(), "--port", "0", "--client-key", "MERCHANT", "--public-key", pem.toString(),
                "--token-lifetime", "120", "--client-secret", "my-secret");

        assertThat(run.printed()).contains("registered client MERCHANT").doesNotContain("my-secret")
                .contains("token endpoint: " + run.baseUrl() + "/nicepay/v1.0/access-token/b2b");
        String answer = signedToken(run.baseUrl(), "MERCHANT", keys.getPrivate(), Snap.nowInJakarta()).send().body();
        assertThat(answer).contains("\"expiresIn\":\"120\"");

        run.interruptAndJoin();
        assertThat(run.exit.get()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", run.baseUrl().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void without_clients_writes_a_throwaway_key_prints_the_secret_once_and_deletes_the_key_when_stopped()
            throws Exception {
        Running run = new Running(Map.of(), "--token-lifetime", "2m");
        Matcher key = Pattern.compile("registered client SANDBOXTEST; its private key: (\\S+)").matcher(run.printed());
        assertThat(key.find()).as(run.printed()).isTrue();
        Path privateKey = Path.of(key.group(1));
        Matcher secret = Pattern.compile("client secret \\(symmetric signatures, shown once\\): (\\S+)")
                .matcher(run.printed());
        assertThat(secret.find()).isTrue();
        assertThat(run.printed().split(Pattern.quote(secret.group(1)), -1)).hasSize(2); // printed exactly once

        String pem = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----|\\s", "");
        PrivateKey signing = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String answer = signedToken(run.baseUrl(), "SANDBOXTEST", signing, Snap.nowInJakarta()).send().body();
        assertThat(answer).contains("\"expiresIn\":\"120\"");

        run.stop.get().run(); // what the shutdown hook does on Ctrl-C
        run.thread.join(10_000);
        assertThat(run.exit.get()).isZero();
        assertThat(privateKey).doesNotExist();
        assertThat(privateKey.getParent()).doesNotExist();
    }

    @Test
    void takes_the_client_secret_from_the_environment_and_does_not_print_it() throws Exception {
        Running run = new Running(Map.of("SNAP_CLIENT_SECRET", "from-the-environment"));
        try {
            assertThat(run.printed()).doesNotContain("from-the-environment").doesNotContain("client secret");
        } finally {
            run.interruptAndJoin();
        }
    }

    @Test
    void exits_with_2_and_one_line_without_the_usage_on_bad_arguments(@TempDir Path dir) {
        for (String[] args : new String[][] {{"--port"}, {"--port", "abc"}, {"--port", "70000"}, {"--bogus", "1"},
                {"--client-key", "K"}, {"--client-key", "K", "--public-key", dir.resolve("missing.pem").toString()},
                {"--threads", "0"}, {"--token-lifetime", "soon"}, {"--client", "K=x.pem"}}) {
            StringWriter err = new StringWriter();
            int code = SnapSandboxMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                    name -> null, stop -> {
                        throw new AssertionError("must not start with " + String.join(" ", args));
                    });
            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString().lines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("snap-sandbox: ").doesNotContain("\tat ").doesNotContain("usage:");
        }
    }

    @Test
    void a_port_in_use_is_exit_2_with_one_line_naming_the_port() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            int code = SnapSandboxMain.run(new String[] {"--port", Integer.toString(taken.getLocalPort())},
                    new PrintWriter(new StringWriter()), new PrintWriter(err, true), name -> null, stop -> {
                        throw new AssertionError("must not start");
                    });
            assertThat(code).isEqualTo(2);
            assertThat(err.toString().lines()).singleElement().asString().startsWith("snap-sandbox: ")
                    .contains("127.0.0.1:" + taken.getLocalPort()).contains("port in use");
        }
    }

    @Test
    void prints_the_usage_with_the_exit_codes_for_help() {
        StringWriter out = new StringWriter();
        int code = SnapSandboxMain.run(new String[] {"--help"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter()), name -> null, stop -> {
                    throw new AssertionError("must not start");
                });
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("usage: snap-sandbox").contains("--client-key KEY --public-key FILE")
                .contains("Exit codes:");
    }

    @Test
    void reads_durations_as_people_type_them() {
        assertThat(SnapSandboxMain.duration("--token-lifetime", "900")).hasSeconds(900);
        assertThat(SnapSandboxMain.duration("--token-lifetime", "900s")).hasSeconds(900);
        assertThat(SnapSandboxMain.duration("--token-lifetime", "15m")).hasMinutes(15);
        assertThat(SnapSandboxMain.duration("--token-lifetime", "PT15M")).hasMinutes(15);
        assertThatThrownBy(() -> SnapSandboxMain.duration("--token-lifetime", "15 minutes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--token-lifetime");
    }
}
