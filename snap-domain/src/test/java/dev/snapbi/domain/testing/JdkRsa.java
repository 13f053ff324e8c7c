package dev.snapbi.domain.testing;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.SignatureVerifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Real SHA256withRSA on the JDK's providers, for the domain's own tests (the domain cannot depend on snap-crypto,
 * whose RsaSigner and RsaVerifier are tested there): a key pair, signing as a provider would, and a
 * {@link SignatureVerifier} over the public key.
 */
public final class JdkRsa {

    private final KeyPair keys;

    private JdkRsa(KeyPair keys) {
        this.keys = keys;
    }

    /** A fresh 2048-bit key pair. */
    public static JdkRsa generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new JdkRsa(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard Base64 of SHA256withRSA over the UTF-8 bytes of {@code text}. */
    public String sign(String text) {
        try {
            java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
            s.initSign(keys.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A verifier over this pair's public key. */
    public SignatureVerifier verifier() {
        return (StringToSign data, Base64Signature signature) -> {
            try {
                java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
                s.initVerify(keys.getPublic());
                s.update(data.utf8());
                return s.verify(signature.bytes());
            } catch (GeneralSecurityException e) {
                return false;
            }
        };
    }
}
