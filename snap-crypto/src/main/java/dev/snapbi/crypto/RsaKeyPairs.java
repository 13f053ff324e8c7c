package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * Generates new RSA key pairs for SNAP (public exponent 65537), 2048 bits unless asked otherwise. Register the public
 * half ({@link GeneratedKeyPair#publicKeyPem()}) with the provider; keep the private half secret.
 *
 * <pre>{@code
 * RsaKeyPairs.generate().writeTo(Path.of("keys"));   // keys/private.pem (mode 600) and keys/public.pem
 * }</pre>
 */
public final class RsaKeyPairs {

    /** The default and smallest size generated. */
    public static final int DEFAULT_BITS = 2048;
    /** The largest size generated; anything bigger takes minutes and no provider asks for it. */
    public static final int MAX_BITS = 8192;

    private RsaKeyPairs() {
    }

    /** A new 2048-bit key pair. */
    public static GeneratedKeyPair generate() {
        return generate(DEFAULT_BITS);
    }

    /**
     * A new key pair of {@code bits} bits.
     *
     * @throws SnapConfigurationException when {@code bits} is below 2048 (new keys are never weak) or above 8192
     */
    public static GeneratedKeyPair generate(int bits) {
        if (bits < DEFAULT_BITS || bits > MAX_BITS) {
            throw new SnapConfigurationException("key size: found " + bits + " bits; expected " + DEFAULT_BITS
                    + " to " + MAX_BITS + " bits for a new RSA key (1024-bit keys are only accepted, never made)");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            return new GeneratedKeyPair(pair);
        } catch (InvalidAlgorithmParameterException e) {
            throw new SnapConfigurationException("key size: the security provider cannot generate " + bits
                    + "-bit RSA keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK can generate RSA keys", e);
        }
    }
}
