package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.slf4j.Logger;

import java.security.Key;
import java.security.interfaces.RSAKey;

/**
 * Key-size policy: below 1024 bits refused, 1024 up to 2047 accepted with a warning (NICEPAY's sandbox key is
 * 1024-bit), 2048 and more silently.
 */
public final class RsaKeyRules {

    /** Smallest accepted modulus. */
    public static final int MINIMUM_BITS = 1024;
    /** Smallest modulus accepted without a warning. */
    public static final int RECOMMENDED_BITS = 2048;

    private RsaKeyRules() {
    }

    /**
     * Refuses a key that is null, not RSA, or an RSA key that does not reveal its size, then applies the size policy
     * and returns the modulus size in bits.
     *
     * @param role {@code "private key"} or {@code "public key"}, for the message
     * @param log  where the weak-key warning goes (the logger of the class the user created)
     */
    public static int check(Key key, String role, Logger log) {
        if (key == null) {
            throw new SnapConfigurationException(role + ": found nothing (null); expected an RSA " + role);
        }
        if (!(key instanceof RSAKey rsa) && "RSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new SnapConfigurationException(role + ": found an RSA key that does not reveal its size ("
                    + key.getClass().getSimpleName() + ", e.g. one held by a hardware token); expected an RSA"
                    + " " + role + " implementing java.security.interfaces.RSAKey");
        }
        if (!"RSA".equalsIgnoreCase(key.getAlgorithm()) || !(key instanceof RSAKey rsa)) {
            throw new SnapConfigurationException(role + ": found " + KeySource.withArticle(key.getAlgorithm())
                    + " key; expected an RSA " + role + " (SNAP signs with SHA256withRSA)");
        }
        return check(rsa, role, log);
    }

    /**
     * Applies the policy and returns the modulus size in bits.
     *
     * @param role {@code "private key"} or {@code "public key"}, for the message
     * @param log  where the weak-key warning goes (the logger of the class the user created)
     */
    public static int check(RSAKey key, String role, Logger log) {
        int bits = key.getModulus().bitLength();
        if (bits < MINIMUM_BITS) {
            throw new SnapConfigurationException(role + ": found an RSA key of " + bits + " bits; expected at least "
                    + MINIMUM_BITS + " bits (" + RECOMMENDED_BITS + " or more recommended). Generate a new key with"
                    + " 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem'");
        }
        if (bits < RECOMMENDED_BITS) {
            log.warn("Accepting an RSA {} of {} bits: NICEPAY's sandbox uses keys of this size, but production"
                    + " keys should have {} bits or more", role, bits, RECOMMENDED_BITS);
        }
        return bits;
    }
}
