package dev.snapbi.cli;

import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code keygen}: an RSA key pair for onboarding with NICEPAY. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Writes private.pem (PKCS#8) and public.pem (X.509) into --out.",
                "Send public.pem to NICEPAY; keep private.pem secret."},
        footer = ExitCode.HELP)
final class KeygenCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "directory to write into")
    private Path out;

    @Option(names = "--bits", defaultValue = "2048", description = "key size in bits (default ${DEFAULT-VALUE})")
    private int bits;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        GeneratedKeyPair pair = RsaKeyPairs.generate(bits);
        pair.writeTo(out);
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + out.resolve("private.pem") + " (PKCS#8, keep it secret)");
        o.println("wrote " + out.resolve("public.pem") + " (X.509, register it with NICEPAY)");
        o.print(pair.publicKeyPem());
        o.flush();
        return ExitCode.OK;
    }
}
