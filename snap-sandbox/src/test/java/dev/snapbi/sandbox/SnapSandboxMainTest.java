package dev.snapbi.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.snapbi.sandbox.Snap.signedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone runner: arguments, the printed base URL, running until interrupted. */
class SnapSandboxMainTest {

    @Test
    void runs_until_interrupted_printing_its_base_url_and_serving_the_registered_clients(@TempDir Path dir)
            throws Exception {
        KeyPair keys = Snap.newRsaKeyPair();
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<SnapSandbox> started = new CompletableFuture<>();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(SnapSandboxMain.run(
                new String[] {"--port", "0", "--client", "MERCHANT=" + pem, "--token-lifetime", "120"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, started::complete)));
        runner.start();

        SnapSandbox sandbox = started.get(20, TimeUnit.SECONDS);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("registered client MERCHANT")
                .contains("snap-sandbox listening on http://127.0.0.1:" + sandbox.port());
        String answer = signedToken(sandbox.baseUrl(), "MERCHANT", keys.getPrivate(), Snap.nowInJakarta()).send()
                .body();
        assertThat(answer).contains("\"expiresIn\":\"120\"");

        runner.interrupt();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", sandbox.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void exits_with_2_and_the_usage_on_bad_arguments(@TempDir Path dir) {
        for (String[] args : new String[][] {{"--port"}, {"--port", "abc"}, {"--port", "70000"}, {"--bogus", "1"},
                {"--client", "NOEQUALS"}, {"--client", "K=" + dir.resolve("missing.pem")}, {"--threads", "0"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SnapSandboxMain.run(args, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8), sandbox -> {
                        throw new AssertionError("must not start with " + String.join(" ", args));
                    });
            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("snap-sandbox: ");
        }
    }

    @Test
    void prints_the_usage_for_help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SnapSandboxMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, sandbox -> {
                    throw new AssertionError("must not start");
                });
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: snap-sandbox");
    }
}
