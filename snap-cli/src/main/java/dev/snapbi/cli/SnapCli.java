package dev.snapbi.cli;

import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.domain.error.SnapException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code snap} command line: {@code token}, {@code sign}, {@code verify}, {@code keygen}, {@code sandbox}.
 * Built only on the library's public API, so it doubles as a worked example of using it.
 * <p>
 * Run it as {@code java -jar snap-cli/target/snap-cli.jar COMMAND}, or in-process through {@link #run}.
 */
@Command(name = "snap", mixinStandardHelpOptions = true,
        versionProvider = SnapCli.Version.class,
        description = "SNAP BI access tokens and signatures for NICEPAY.",
        subcommands = {TokenCommand.class, CallCommand.class, SignCommand.class, VerifyCommand.class, KeygenCommand.class,
                SandboxCommand.class, CommandLine.HelpCommand.class},
        footer = ExitCode.HELP)
public final class SnapCli implements Runnable {

    private final Function<String, String> environment;
    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private SnapCli(Function<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
            // before the first logger exists: slf4j-simple reads its levels once
            System.setProperty("org.slf4j.simpleLogger.log.dev.snapbi", "trace");
        }
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::getenv,
                Clock.systemUTC());
        System.exit(code);
    }

    /**
     * Runs the command line in-process.
     *
     * @param environment where {@code SNAP_KEY_PASSWORD} and {@code SNAP_CLIENT_SECRET} are looked up
     * @return the exit code (see the README)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Function<String, String> environment,
                          Clock clock) {
        CommandLine cli = new CommandLine(new SnapCli(Objects.requireNonNull(environment), clock));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(SnapCli::handle);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = parseResult != null && isVerbose(parseResult);
        int code;
        String line;
        if (ex instanceof SnapException snap) {
            code = ExitCode.of(snap);
            line = "error: " + snap.getMessage();
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            code = ExitCode.USAGE;
            line = "error: " + describe(io);
        } else if (ex instanceof CommandLine.ParameterException) {
            code = ExitCode.USAGE;
            line = "error: " + ex.getMessage();
        } else {
            code = ExitCode.USAGE;
            line = "error: unexpected " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? ""
                    : ": " + ex.getMessage()) + " (run with --verbose for details)";
        }
        err.println(line);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String describe(Throwable io) {
        if (io instanceof NoSuchFileException) {
            return "no such file: " + io.getMessage();
        }
        if (io instanceof AccessDeniedException) {
            return "cannot read " + io.getMessage() + ": permission denied";
        }
        return io.getClass().getSimpleName() + ": " + io.getMessage();
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult r = parseResult;
        while (r != null) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    String env(String name) {
        return environment.apply(name);
    }

    Clock clock() {
        return clock;
    }

    /** Prints the library version from the jar manifest or the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SnapCli.class.getPackage().getImplementationVersion();
            return new String[]{"snapbi-java " + (v == null ? "0.1.0-SNAPSHOT" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
