package dev.snapbi.cli;

import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.RsaVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

/** {@code verify}: checks a SHA256withRSA signature, e.g. of a NICEPAY notification. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a SHA256withRSA signature (standard Base64) over the UTF-8 bytes of --data.",
                "For a NICEPAY notification, --data is clientId|X-TIMESTAMP and --public-key is NICEPAY's key."},
        footer = ExitCode.HELP)
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--public-key", paramLabel = "FILE", required = true,
            description = "X.509 public key (PEM or bare Base64) or certificate")
    private Path publicKey;

    @Option(names = "--data", required = true, description = "the signed text")
    private String data;

    @Option(names = "--signature", required = true, description = "the X-SIGNATURE value (Base64)")
    private String signature;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        RsaVerifier verifier = RsaVerifier.fromFile(publicKey);
        if (!isStandardBase64(signature.trim())) {
            spec.commandLine().getOut().println("INVALID: the signature is not standard Base64 (X-SIGNATURE is the"
                    + " Base64 of the RSA signature bytes: A-Z a-z 0-9 + /, padded with =)");
            return ExitCode.INVALID_SIGNATURE;
        }
        boolean valid = verifier.verify(data, signature.trim());
        spec.commandLine().getOut().println(valid ? "valid: the signature matches the data and the public key"
                : "INVALID: the signature does not match the data and the public key");
        return valid ? ExitCode.OK : ExitCode.INVALID_SIGNATURE;
    }

    private static boolean isStandardBase64(String value) {
        if (value.isEmpty()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
