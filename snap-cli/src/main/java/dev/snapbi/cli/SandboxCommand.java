package dev.snapbi.cli;

import dev.snapbi.sandbox.SnapSandboxMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sandbox}: runs the NICEPAY simulator in the foreground until interrupted. The flags, output and exit codes are
 * the standalone sandbox jar's ({@link SnapSandboxMain}), by delegation, so that the two front-ends cannot drift.
 */
@Command(name = "sandbox", description = "Runs the NICEPAY SNAP simulator until interrupted (Ctrl-C); "
        + "'snap-cli sandbox --help' lists its flags (the same as the standalone snap-sandbox jar's).")
final class SandboxCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SnapCli root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Everything after {@code sandbox}, handed to the sandbox's own parser. */
    @CommandLine.Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        List<Thread> hooks = new ArrayList<>();
        try {
            return SnapSandboxMain.run(args.toArray(new String[0]), spec.commandLine().getOut(),
                    spec.commandLine().getErr(), root::env, stop -> {
                        Thread hook = new Thread(stop, "snap-sandbox-shutdown");
                        hooks.add(hook);
                        Runtime.getRuntime().addShutdownHook(hook);
                    });
        } finally {
            for (Thread hook : hooks) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping: the hook runs anyway
                }
            }
        }
    }
}
