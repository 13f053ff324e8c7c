package dev.snapbi.sandbox;

import dev.snapbi.sandbox.internal.Keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's command line, shared by the standalone jar ({@code java -jar snap-sandbox-<version>.jar ...}) and
 * {@code snap-cli sandbox ...}: one set of flags (see {@link #USAGE}). It runs a {@link SnapSandbox} until stopped
 * (Ctrl-C), printing its base URL. Without {@code --client-key}, it registers a client {@code SANDBOXTEST} with a
 * fresh key pair written to a private temporary directory, deleted again on exit. The client secret (for the
 * symmetric signatures of transactional calls) comes from {@code --client-secret}, else the environment variable
 * {@code SNAP_CLIENT_SECRET}, else it is generated and printed once at start.
 */
public final class SnapSandboxMain {

    /** The usage text, with the exit codes. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: snap-sandbox [--host 127.0.0.1] [--port 0] [--client-key KEY --public-key FILE]...",
            "                    [--client-secret SECRET] [--token-lifetime 900s] [--timestamp-window 5m]",
            "                    [--threads 32]",
            "Runs the NICEPAY SNAP simulator until stopped (Ctrl-C), printing its base URL.",
            "  --host ADDRESS            address to listen on (default 127.0.0.1; the admin endpoints have no",
            "                            authentication: keep it on loopback unless the network is trusted)",
            "  --port PORT               port, 0 for a free one (default 0)",
            "  --client-key KEY          a client to register, with --public-key FILE (PEM public key or",
            "  --public-key FILE         certificate); repeatable. Without any, client SANDBOXTEST is registered",
            "                            with a fresh key pair in a temporary directory, deleted on exit",
            "  --client-secret SECRET    the clients' secret for symmetric signatures (default: the environment",
            "                            variable SNAP_CLIENT_SECRET, else a generated one, printed once)",
            "  --token-lifetime DURATION expiresIn of issued tokens: 900, 900s, 15m or PT15M (default 900s)",
            "  --timestamp-window DURATION  how far X-TIMESTAMP may be off (default 5m)",
            "  --threads N               threads kept ready (default 32)",
            "  --help                    this text",
            "Exit codes:",
            "  0  stopped normally",
            "  2  usage or configuration error (bad option, unreadable key file, port in use)");

    private static final Pattern SIMPLE_DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

    private SnapSandboxMain() {
    }

    /** Starts the sandbox and blocks until the JVM is stopped; exits with 2 on bad arguments. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err, System::getenv, stop ->
                Runtime.getRuntime().addShutdownHook(new Thread(stop, "snap-sandbox-shutdown")));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses the arguments, starts the sandbox, prints what a user needs to {@code out}, hands the stop action to
     * {@code onStart} (register it as a shutdown hook: it closes the sandbox and deletes the temporary key files), and
     * blocks until the calling thread is interrupted or the stop action ran; then stops. Returns the exit code: 0, or 2
     * for bad arguments or a sandbox that cannot start (the reason on {@code err}, one line, then the usage for bad
     * arguments).
     *
     * @param env looks up environment variables ({@code SNAP_CLIENT_SECRET})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Function<String, String> env,
                          Consumer<Runnable> onStart) {
        SnapSandbox.Builder builder = SnapSandbox.builder();
        List<String> clientKeys = new ArrayList<>();
        List<Path> publicKeys = new ArrayList<>();
        String secret = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.println(USAGE);
                    out.flush();
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--host" -> builder.host(value);
                    case "--port" -> builder.port(integer(arg, value));
                    case "--token-lifetime" -> builder.tokenLifetime(duration(arg, value));
                    case "--timestamp-window" -> builder.timestampWindow(duration(arg, value));
                    case "--threads" -> builder.maxThreads(integer(arg, value));
                    case "--client-key" -> clientKeys.add(value);
                    case "--public-key" -> publicKeys.add(Path.of(value));
                    case "--client-secret" -> secret = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (clientKeys.size() != publicKeys.size()) {
                throw new IllegalArgumentException("give every --client-key its --public-key FILE");
            }
        } catch (IllegalArgumentException e) {
            // one line per error (usage only with --help), as every command of the CLI
            err.println("snap-sandbox: " + e.getMessage() + " (--help lists the options)");
            err.flush();
            return 2;
        }
        if (secret == null || secret.isEmpty()) {
            secret = env.apply("SNAP_CLIENT_SECRET");
        }
        boolean generatedSecret = secret == null || secret.isEmpty();
        if (generatedSecret) {
            secret = Keys.randomSecret();
        }

        SnapSandbox sandbox;
        try {
            sandbox = builder.start();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println("snap-sandbox: " + e.getMessage());
            err.flush();
            return 2;
        }
        Stop stop = new Stop(sandbox);
        try {
            if (clientKeys.isEmpty()) {
                Path privateKey = stop.writeThrowawayKeys(sandbox, secret);
                out.println("registered client SANDBOXTEST; its private key: " + privateKey);
                out.println("(the key's directory is deleted when the sandbox stops)");
            }
            for (int i = 0; i < clientKeys.size(); i++) {
                String pem = readKeyFile(publicKeys.get(i));
                sandbox.registerClient(clientKeys.get(i), Keys.parsePublicKey(pem), secret);
                out.println("registered client " + clientKeys.get(i));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            stop.run();
            err.println("snap-sandbox: cannot register a client: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (generatedSecret) {
            out.println("client secret (symmetric signatures, shown once): " + secret);
        }
        out.println("token endpoint: " + sandbox.baseUrl() + SnapSandbox.TOKEN_PATH);
        out.println("sandbox listening on " + sandbox.baseUrl() + " (Ctrl-C to stop)");
        out.flush();
        onStart.accept(stop);
        try {
            stop.stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop.run();
        }
        return 0;
    }

    private static String readKeyFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a readable file: " + file);
        }
        if (Files.size(file) > 64 * 1024) {
            throw new IOException("larger than 64 KiB, not a public key: " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a whole number, got '" + value + "'");
        }
    }

    /** {@code 900} (seconds), {@code 900s}, {@code 500ms}, {@code 15m}, {@code 1h} or ISO-8601 {@code PT15M}. */
    static Duration duration(String option, String value) {
        Matcher m = SIMPLE_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " wants a duration such as 900, 900s, 15m or PT15M, got '"
                    + value + "'");
        }
    }

    /** Stops once: closes the sandbox, deletes the throwaway key files, releases {@link #run}. */
    private static final class Stop implements Runnable {
        private final SnapSandbox sandbox;
        private final AtomicBoolean done = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile Path keyDirectory;

        Stop(SnapSandbox sandbox) {
            this.sandbox = sandbox;
        }

        Path writeThrowawayKeys(SnapSandbox target, String secret) throws IOException {
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("snap-sandbox-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("snap-sandbox-");
            keyDirectory = dir;
            KeyPair pair = Keys.generateRsa(2048);
            target.registerClient("SANDBOXTEST", pair.getPublic(), secret);
            Path privateKey = dir.resolve("private.pem");
            Files.writeString(privateKey, Keys.privateKeyPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("public.pem"), Keys.publicKeyPem(pair.getPublic()),
                    StandardCharsets.US_ASCII);
            return privateKey;
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                sandbox.close();
                Path dir = keyDirectory;
                if (dir != null) {
                    Files.deleteIfExists(dir.resolve("private.pem"));
                    Files.deleteIfExists(dir.resolve("public.pem"));
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // best effort at exit: nothing else can be done about a file that will not go
            } finally {
                stopped.countDown();
            }
        }
    }
}
