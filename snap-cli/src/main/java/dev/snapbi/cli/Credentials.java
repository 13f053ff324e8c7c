package dev.snapbi.cli;

import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The secrets of the commands: the private key of {@code --private-key} and the passwords and client secret, which
 * come from the environment only ({@code SNAP_KEY_PASSWORD}, {@code SNAP_CLIENT_SECRET}), never from an argument.
 */
final class Credentials {

    private Credentials() {
    }

    /**
     * The signer for {@code --private-key}: key files in every text or DER format, or a PKCS#12 keystore (by its
     * extension, or when the file turns out to be one). Passwords come from {@code SNAP_KEY_PASSWORD}.
     */
    static RsaSigner signer(Path file, String alias, SnapCli root) {
        if (!Files.exists(file)) {
            throw new SnapConfigurationException("the private key file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return pkcs12(file, alias, root);
        }
        char[] password = password(root);
        try {
            return password == null ? RsaSigner.fromFile(file) : RsaSigner.fromFile(file, password);
        } catch (SnapConfigurationException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("a PKCS#12 keystore")) {
                return pkcs12(file, alias, root);
            }
            if (password == null && message.contains("but no password")) {
                throw new CliFailure(ExitCode.USAGE, "the private key in " + file + " is encrypted: set its password"
                        + " in the environment variable SNAP_KEY_PASSWORD", e);
            }
            throw e;
        } finally {
            wipe(password);
        }
    }

    private static RsaSigner pkcs12(Path file, String alias, SnapCli root) {
        char[] password = password(root);
        try {
            return RsaSigner.fromPkcs12(file, password, alias, password == null ? null : password.clone());
        } catch (SnapConfigurationException e) {
            String message = String.valueOf(e.getMessage());
            if (password == null && message.contains("password")) {
                throw new CliFailure(ExitCode.USAGE, "the PKCS#12 keystore " + file + " did not open without a"
                        + " password: set it in the environment variable SNAP_KEY_PASSWORD", e);
            }
            if (alias == null && message.contains("private key entries [")) {
                throw new CliFailure(ExitCode.USAGE, message + "; choose one with --key-alias", e);
            }
            throw e;
        } finally {
            wipe(password);
        }
    }

    /** The client secret of the HMAC signatures, from {@code SNAP_CLIENT_SECRET}. */
    static String clientSecret(SnapCli root) {
        String secret = root.env("SNAP_CLIENT_SECRET");
        if (secret == null || secret.isEmpty()) {
            throw new SnapConfigurationException("set the client secret in the environment variable"
                    + " SNAP_CLIENT_SECRET (it is never taken from an argument)");
        }
        return secret;
    }

    /** The password of an encrypted key or keystore, from {@code SNAP_KEY_PASSWORD}, or {@code null}. */
    static char[] password(SnapCli root) {
        String p = root.env("SNAP_KEY_PASSWORD");
        return p == null ? null : p.toCharArray();
    }

    /** Overwrites a password once it is used. */
    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
