package dev.snapbi.crypto.pem;

import dev.snapbi.crypto.internal.KeyFiles;
import dev.snapbi.crypto.internal.KeySource;
import dev.snapbi.crypto.internal.KeyTexts;
import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;

/**
 * Reads RSA public keys: X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}) or its bare Base64,
 * PKCS#1 PEM ({@code -----BEGIN RSA PUBLIC KEY-----}), and the key inside an X.509 certificate
 * ({@code -----BEGIN CERTIFICATE-----}). Text mangled by environment variables (literal {@code \n}, spaces, quotes)
 * is accepted. Key-size rules are applied by {@link dev.snapbi.crypto.RsaVerifier}, not here. Certificates are not
 * validated (no chain, no dates): only their key is used.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    /**
     * Parses a public key (or the key of a certificate) from text.
     *
     * @throws SnapConfigurationException when the text is not an RSA public key or certificate; a private key is
     *                                    refused too, since it does not belong where a public key is expected
     */
    public static RSAPublicKey parse(String text) {
        return KeyTexts.publicKey(text, KeySource.publicKey("the given text"));
    }

    /**
     * Reads a public key or certificate file (PEM, Base64 or DER).
     *
     * @throws SnapConfigurationException when the file is missing, unreadable or holds no RSA public key
     */
    public static RSAPublicKey read(Path file) {
        return KeyFiles.publicKey(file, KeySource.publicKey("file " + file));
    }

    /**
     * The RSA public key of an X.509 certificate given as PEM (or bare Base64 DER).
     *
     * @throws SnapConfigurationException when the text is not a certificate or its key is not RSA
     */
    public static RSAPublicKey fromCertificate(String pem) {
        return KeyTexts.certificateKey(pem, new KeySource("public key", "the given certificate",
                "an X.509 certificate (-----BEGIN CERTIFICATE-----) with an RSA key"));
    }
}
