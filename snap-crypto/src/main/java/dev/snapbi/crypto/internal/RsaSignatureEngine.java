package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;

/**
 * SHA256withRSA on one key, safe for any number of threads. {@link Signature} objects are not thread-safe, so each
 * thread keeps its own, initialised once with the key ({@link ThreadLocal}); measured faster than
 * {@code Signature.getInstance} plus {@code initSign}/{@code initVerify} on every call (see SIGNER-MEASUREMENT.md).
 * The provider is the JDK's SunRsaSign, measured faster than Bouncy Castle; a key that SunRsaSign does not accept
 * (a hardware token's) gets the provider the JCA selects for it.
 */
public final class RsaSignatureEngine {

    /** The JCA algorithm name. */
    public static final String ALGORITHM = "SHA256withRSA";

    private final Key key;
    private final boolean signing;
    private final Provider provider;
    private final ThreadLocal<Signature> perThread;

    private RsaSignatureEngine(Key key, boolean signing, Provider provider) {
        this.key = key;
        this.signing = signing;
        this.provider = provider;
        this.perThread = ThreadLocal.withInitial(this::newSignature);
    }

    /** An engine that signs with the key; fails now, not at the first request, when no provider accepts it. */
    public static RsaSignatureEngine signing(PrivateKey key) {
        return new RsaSignatureEngine(key, true, providerFor(key, true));
    }

    /** An engine that signs with the key in the given provider. */
    public static RsaSignatureEngine signing(PrivateKey key, Provider provider) {
        try {
            init(Signature.getInstance(ALGORITHM, provider), key, true);
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new SnapConfigurationException("the " + provider.getName() + " provider cannot sign SHA256withRSA"
                    + " with this private key (" + e.getClass().getSimpleName() + ")", null);
        }
        return new RsaSignatureEngine(key, true, provider);
    }

    /** An engine that verifies with the key. */
    public static RsaSignatureEngine verifying(PublicKey key) {
        return new RsaSignatureEngine(key, false, providerFor(key, false));
    }

    private static Provider providerFor(Key key, boolean signing) {
        Provider preferred = Security.getProvider("SunRsaSign");
        if (preferred != null) {
            try {
                init(Signature.getInstance(ALGORITHM, preferred), key, signing);
                return preferred;
            } catch (InvalidKeyException | NoSuchAlgorithmException e) {
                // fall through: let the JCA find the provider that owns this key
            }
        }
        try {
            Signature any = Signature.getInstance(ALGORITHM);
            init(any, key, signing);
            return any.getProvider();
        } catch (InvalidKeyException e) {
            throw new SnapConfigurationException("no installed security provider can " + (signing ? "sign" : "verify")
                    + " SHA256withRSA with this " + (signing ? "private" : "public") + " key (" + key.getAlgorithm()
                    + ", " + key.getClass().getSimpleName() + "); expected an RSA key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new SnapConfigurationException("no installed security provider offers SHA256withRSA; the JDK's"
                    + " SunRsaSign provider is missing from this runtime", e);
        }
    }

    private static void init(Signature signature, Key key, boolean signing) throws InvalidKeyException {
        if (signing) {
            signature.initSign((PrivateKey) key);
        } else {
            signature.initVerify((PublicKey) key);
        }
    }

    private Signature newSignature() {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, provider);
            init(signature, key, signing);
            return signature;
        } catch (GeneralSecurityException e) {
            // the same provider accepted the same key when this engine was built
            throw new IllegalStateException("the " + provider.getName() + " provider no longer accepts the key", e);
        }
    }

    /** The provider that does the work. */
    public Provider provider() {
        return provider;
    }

    /** Signs {@code data}. */
    public byte[] sign(byte[] data) {
        Signature signature = perThread.get();
        try {
            signature.update(data);
            return signature.sign();
        } catch (SignatureException | RuntimeException e) {
            perThread.remove(); // never reuse an object that failed half-way
            throw new SnapConfigurationException("SHA256withRSA signing failed in the " + provider.getName()
                    + " provider (" + e.getClass().getSimpleName() + "); the private key may be unusable", null);
        }
    }

    /** Whether {@code signatureBytes} is this key's signature over {@code data}; false for malformed signatures. */
    public boolean verify(byte[] data, byte[] signatureBytes) {
        Signature signature = perThread.get();
        try {
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException | RuntimeException e) {
            perThread.remove();
            return false;
        }
    }
}
