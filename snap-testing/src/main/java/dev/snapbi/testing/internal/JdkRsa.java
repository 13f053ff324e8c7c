package dev.snapbi.testing.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.port.Signer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * SHA256withRSA with the JDK alone, so that the test kit needs neither snap-crypto nor Bouncy Castle. Not API.
 */
public final class JdkRsa {

    private JdkRsa() {
    }

    /** A fresh RSA key pair of {@code bits} bits. */
    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
    }

    /** A {@link Signer} (RSASSA-PKCS1-v1_5 with SHA-256, standard Base64) with {@code key}. */
    public static Signer signer(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        return stringToSign -> {
            try {
                java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update(stringToSign.value().getBytes(StandardCharsets.UTF_8));
                return Base64Signature.ofBytes(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new SnapConfigurationException("the test key could not sign (" + e.getClass().getSimpleName()
                        + ")", e);
            }
        };
    }
}
