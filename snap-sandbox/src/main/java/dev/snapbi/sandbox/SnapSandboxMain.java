package dev.snapbi.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Runs a {@link SnapSandbox} from the command line until interrupted (Ctrl-C), printing its base URL:
 *
 * <pre>
 * java -jar snap-sandbox.jar [--host 127.0.0.1] [--port 0] [--client KEY=public-key.pem]...
 *                            [--token-lifetime SECONDS] [--timestamp-window SECONDS] [--threads N]
 * </pre>
 *
 * Clients can also be registered later with {@code POST /_sandbox/clients} (see the README).
 */
public final class SnapSandboxMain {

    static final String USAGE = "usage: snap-sandbox [--host 127.0.0.1] [--port 0] [--client KEY=public-key.pem]..."
            + " [--token-lifetime SECONDS] [--timestamp-window SECONDS] [--threads N]";

    private SnapSandboxMain() {
    }

    /** Starts the sandbox and blocks until the JVM is stopped; exits with 2 on bad arguments. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, sandbox ->
                Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "snap-sandbox-shutdown")));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Starts a sandbox as the arguments say, prints its base URL to {@code out}, hands it to {@code started}, and
     * blocks until the calling thread is interrupted; then closes it. Returns the exit code: 0, or 2 for bad
     * arguments (with the reason and the usage on {@code err}).
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<SnapSandbox> started) {
        SnapSandbox.Builder builder = SnapSandbox.builder();
        List<String[]> clients = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--host" -> builder.host(value);
                    case "--port" -> builder.port(Integer.parseInt(value));
                    case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
                    case "--timestamp-window" -> builder.timestampWindow(Duration.ofSeconds(Long.parseLong(value)));
                    case "--threads" -> builder.maxThreads(Integer.parseInt(value));
                    case "--client" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0 || eq == value.length() - 1) {
                            throw new IllegalArgumentException("--client wants KEY=path/to/public-key.pem");
                        }
                        clients.add(new String[] {value.substring(0, eq), value.substring(eq + 1)});
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("snap-sandbox: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        SnapSandbox sandbox;
        try {
            sandbox = builder.start();
        } catch (UncheckedIOException e) {
            err.println("snap-sandbox: " + e.getMessage());
            return 2;
        }
        try {
            for (String[] client : clients) {
                String pem = Files.readString(Path.of(client[1]), StandardCharsets.UTF_8);
                sandbox.registerClient(client[0], dev.snapbi.sandbox.internal.Keys.parsePublicKey(pem));
                out.println("registered client " + client[0]);
            }
        } catch (IOException | IllegalArgumentException e) {
            sandbox.close();
            err.println("snap-sandbox: cannot register a client: " + e.getMessage());
            return 2;
        }
        out.println("snap-sandbox listening on " + sandbox.baseUrl());
        out.flush();
        started.accept(sandbox);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sandbox.close();
        }
        return 0;
    }
}
