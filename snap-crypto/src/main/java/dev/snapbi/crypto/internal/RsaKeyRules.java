package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.slf4j.Logger;

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
