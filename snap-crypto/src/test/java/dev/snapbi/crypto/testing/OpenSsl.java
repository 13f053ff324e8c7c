package dev.snapbi.crypto.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command: the independent implementation these tests cross-check against. Fails the test
 * with a clear message when OpenSSL is not installed (it is on developer machines and CI).
 */
public final class OpenSsl {

    /** Exit code and output of one run. */
    public record Result(int exitCode, byte[] stdout, String stderr) {

        /** Standard output as text. */
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private OpenSsl() {
    }

    /** Runs {@code openssl args...} in {@code dir}; fails the test unless it exits with 0. */
    public static byte[] run(Path dir, String... args) {
        Result result = tryRun(dir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited with " + result.exitCode() + ": "
                    + result.stderr());
        }
        return result.stdout();
    }

    /** Runs {@code openssl args...} in {@code dir} and returns whatever happened. */
    public static Result tryRun(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile(dir, "openssl", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectError(stderr.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("the 'openssl' command is needed by these tests (they cross-check against an"
                        + " independent implementation) but could not be started: install OpenSSL"
                        + " (e.g. 'apt-get install openssl') and put it on the PATH", e);
            }
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl " + String.join(" ", args) + " did not finish within 60 s");
            }
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            Files.delete(stderr);
            return new Result(process.exitValue(), stdout, errors);
        } catch (IOException e) {
            throw new AssertionError("could not run openssl " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }
}
