package dev.snapbi.cache.redis.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts a real {@code redis-server} per test class on a free loopback port (no persistence) and stops it by its PID.
 * Without the binary the class is skipped with a clear message locally, but fails when {@code CI=true}. Register as
 * a static field: {@code @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();}
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Duration START_SAFETY_NET = Duration.ofSeconds(60);

    private Process process;
    private int port;
    private Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> binary = findBinary();
        if (binary.isEmpty()) {
            String message = "redis-server is not installed (Debian: apt-get install redis-server); the Redis tests of "
                    + context.getDisplayName() + " cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ", and CI=true requires them");
            }
            // surefire does not print why a class was aborted: say it on the console as well
            System.err.println("SKIPPED: " + message + " (set CI=true to make this a failure)");
            Assumptions.abort(message + ": skipped (set CI=true to make this a failure)");
        }
        port = freePort();
        log = Files.createTempFile("redis-" + port + "-", ".log");
        start(binary.get());
    }

    private void start(Path binary) throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes",
                "--enable-debug-command", "local")) // DEBUG SLEEP stands in for a slow Redis
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_SAFETY_NET.toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start: " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not answer PING within " + START_SAFETY_NET);
            }
            Thread.sleep(20); // polling a process that is starting, not waiting for time
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** The URI of this server: {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** The PID of the running server. */
    public long pid() {
        return process.pid();
    }

    /** Kills the server by its PID (SIGKILL) and waits until it is gone. */
    public void kill() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor();
    }

    /** Starts the server again on the same port (empty: nothing persisted). */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        start(findBinary().orElseThrow());
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
                process.waitFor();
            }
        }
    }

    /** Sends one raw command (RESP inline) and returns the raw answer; for tests that poke at the store. */
    public String command(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[65536];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
        }
    }

    /**
     * Makes the server unresponsive for {@code seconds} ({@code DEBUG SLEEP}) and returns once it is: a PING on
     * another connection then gets no answer within 200 ms.
     */
    public void freezeFor(int seconds) throws IOException {
        Socket sleeper = new Socket();
        sleeper.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        sleeper.getOutputStream().write(("DEBUG SLEEP " + seconds + "\r\n").getBytes(StandardCharsets.UTF_8));
        sleeper.getOutputStream().flush();
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                probe.setSoTimeout(200);
                probe.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.UTF_8));
                probe.getOutputStream().flush();
                probe.getInputStream().read();
            } catch (java.net.SocketTimeoutException frozen) {
                closeQuietly(sleeper); // the server sleeps on regardless
                return;
            }
        }
        closeQuietly(sleeper);
        throw new IllegalStateException("redis-server did not freeze on DEBUG SLEEP");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Optional<Path> findBinary() {
        String explicit = System.getenv("REDIS_SERVER");
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            return Optional.of(Path.of(explicit));
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path + File.pathSeparator + "/usr/bin:/usr/local/bin:/usr/sbin")
                .split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Optional.of(Path.of(dir, "redis-server"));
            }
        }
        return Optional.empty();
    }
}
