package dev.snapbi.cli;

import dev.snapbi.crypto.RsaSigner;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --private-key} and {@code --key-alias}: the key that signs, as {@code token}, {@code call} and {@code sign}
 * take it. A picocli mixin.
 */
final class PrivateKeyOptions {

    @Option(names = "--private-key", paramLabel = "FILE",
            description = "RSA private key: PKCS#8, PKCS#1, encrypted PKCS#8, bare Base64, DER or PKCS#12 (.p12, "
                    + ".pfx); the password of an encrypted key or keystore comes from SNAP_KEY_PASSWORD")
    private Path file;

    @Option(names = "--key-alias", paramLabel = "A",
            description = "the PKCS#12 entry to sign with, when the keystore holds several")
    private String alias;

    /** {@code --private-key}, or {@code null} when not given. */
    Path file() {
        return file;
    }

    /** The signer of the key (see {@link Credentials#signer}). */
    RsaSigner signer(SnapCli root) {
        return Credentials.signer(file, alias, root);
    }
}
