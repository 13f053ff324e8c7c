package dev.snapbi.sandbox.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The sandbox's own RSA 2048 key pair, standing in for NICEPAY's: it signs notifications (SNAP-SPEC section 6) and the
 * access tokens (real RS256 JWTs). Made on first use, since most sandboxes never need it; one per sandbox.
 */
public final class SandboxKey {

    private volatile KeyPair keys;

    /** The public half, for verifying what the sandbox signed. */
    public PublicKey publicKey() {
        return keys().getPublic();
    }

    /** SHA256withRSA (RSASSA-PKCS1-v1_5) over the bytes. */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys().getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot sign with SHA256withRSA", e);
        }
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = Keys.generateRsa(2048);
                    keys = k;
                }
            }
        }
        return k;
    }
}
