package dev.snapbi.crypto.internal;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * The Bouncy Castle provider instance used for decrypting keys. Never registered with
 * {@link java.security.Security#addProvider}: the JVM's provider list stays as the application set it.
 */
public final class BouncyCastle {

    private BouncyCastle() {
    }

    /** Created on first use: building the provider costs a few hundred milliseconds that plain keys never need. */
    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** The shared, stateless provider instance. */
    public static Provider provider() {
        return Holder.PROVIDER;
    }
}
