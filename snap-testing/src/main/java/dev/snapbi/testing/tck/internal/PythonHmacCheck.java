package dev.snapbi.testing.tck.internal;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks a captured request's {@code X-SIGNATURE} with code that is not the project's: the Python script
 * {@code snap_hmac_check.py} (Python's own {@code hmac} and {@code hashlib}) recomputes HMAC-SHA512 from the client
 * secret and the request as it arrived (method, target, {@code Authorization}, {@code X-TIMESTAMP}, raw body).
 */
public final class PythonHmacCheck {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SCRIPT = "snap_hmac_check.py";

    /** What the script said: {@code verified} (exit 0) or {@code mismatch} (exit 1). */
    public record Verdict(int exit, String output) {
        /** Whether the signature verified. */
        public boolean verified() {
            return exit == 0 && output.equals("verified");
        }
    }

    private PythonHmacCheck() {
    }

    /**
     * Aborts the running test with a clear message when {@code python3} is not installed, or fails it when the
     * environment says {@code CI=true} (CI must run the check).
     */
    public static void requirePython() {
        boolean present;
        try {
            present = run(List.of("python3", "--version"), null).exit == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("python3 is required under CI=true for the independent HMAC check");
            }
            Assumptions.abort("python3 is not installed: the independent HMAC check of the signature is skipped");
        }
    }

    /** Runs the script on the request as captured, with this body (normally the captured one). */
    public static Verdict check(String clientSecret, CapturedRequest captured, byte[] body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("snap-hmac-check");
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = PythonHmacCheck.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is missing from the test kit");
                }
                Files.write(script, in.readAllBytes());
            }
            Path bodyFile = dir.resolve("body.bin");
            Files.write(bodyFile, body);
            return run(List.of("python3", script.toString(), captured.method(), captured.target(),
                    only(captured, "Authorization"), only(captured, "X-TIMESTAMP"), only(captured, "X-SIGNATURE"),
                    bodyFile.toString()), clientSecret);
        } catch (IOException e) {
            throw new UncheckedIOException("the independent HMAC check could not run", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String only(CapturedRequest captured, String name) {
        List<String> values = captured.values(name);
        if (values.size() != 1) {
            throw new AssertionError(name + " arrived " + values.size() + " times; expected once");
        }
        return values.get(0);
    }

    private static Verdict run(List<String> command, String secret) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (secret != null) {
            pb.environment().put("SNAP_CLIENT_SECRET", secret); // not on the command line, where ps would show it
        }
        Process p = pb.start();
        try {
            String output = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 did not finish within " + WAIT);
            }
            return new Verdict(p.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted while python3 ran", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
