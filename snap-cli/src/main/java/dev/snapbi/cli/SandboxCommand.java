package dev.snapbi.cli;

import dev.snapbi.cli.internal.Durations;
import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.pem.PublicKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code sandbox}: runs the NICEPAY simulator in the foreground until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Runs the NICEPAY SNAP simulator until interrupted (Ctrl-C), printing its base URL.",
                "Register clients with --client-key K --public-key FILE (repeatable); without any, a client "
                        + "SANDBOXTEST is registered with a fresh key pair written to a temporary directory.",
                "The registered clients' secret for symmetric signatures comes from SNAP_CLIENT_SECRET, or is "
                        + "generated and printed once."},
        footer = ExitCode.HELP)
final class SandboxCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SnapCli root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "0", description = "port; 0 picks a free one (default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--token-lifetime", defaultValue = "900s", converter = Durations.class,
            description = "expiresIn of issued tokens (default ${DEFAULT-VALUE})")
    private Duration tokenLifetime;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    private List<Client> clients = new ArrayList<>();

    @Option(names = "--verbose", description = "stack traces on errors")
    private boolean verbose;

    static final class Client {
        @Option(names = "--client-key", required = true, description = "a client key to register")
        String clientKey;

        @Option(names = "--public-key", paramLabel = "FILE", required = true, description = "its public key")
        Path publicKey;
    }

    @Override
    public Integer call() throws Exception {
        String secret = root.env("SNAP_CLIENT_SECRET");
        boolean generatedSecret = secret == null || secret.isEmpty();
        if (generatedSecret) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random); // not getInstanceStrong(): that may block on entropy at startup
            secret = HexFormat.of().formatHex(random);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SnapSandbox sandbox = SnapSandbox.builder().host(host).port(port).tokenLifetime(tokenLifetime).start()) {
            Thread hook = new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }, "snap-sandbox-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (clients.isEmpty()) {
                Path dir = Files.createTempDirectory("snap-sandbox-");
                GeneratedKeyPair pair = RsaKeyPairs.generate(2048);
                pair.writeTo(dir);
                SandboxClient client = sandbox.registerClient("SANDBOXTEST", pair.publicKey(), secret);
                out.println("registered client " + client.clientKey() + "; its private key: "
                        + dir.resolve("private.pem"));
            } else {
                for (Client c : clients) {
                    if (!Files.isReadable(c.publicKey)) {
                        throw new SnapConfigurationException("cannot read the public key file " + c.publicKey);
                    }
                    sandbox.registerClient(c.clientKey, PublicKeys.read(c.publicKey), secret);
                    out.println("registered client " + c.clientKey);
                }
            }
            if (generatedSecret) {
                out.println("client secret (symmetric signatures, shown once): " + secret);
            }
            out.println("token endpoint: " + sandbox.baseUrl() + "/nicepay/v1.0/access-token/b2b");
            out.println("sandbox listening on " + sandbox.baseUrl() + " (Ctrl-C to stop)");
            out.flush();
            stopped.await();
        }
        return ExitCode.OK;
    }
}
