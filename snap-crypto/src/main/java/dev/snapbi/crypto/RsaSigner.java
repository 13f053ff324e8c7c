package dev.snapbi.crypto;

import dev.snapbi.crypto.internal.BouncyCastle;
import dev.snapbi.crypto.internal.RsaKeyRules;
import dev.snapbi.crypto.internal.RsaSignatureEngine;
import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;

/**
 * Signs with SHA256withRSA (RSASSA-PKCS1-v1_5 over SHA-256): the {@code X-SIGNATURE} of the B2B access-token
 * request. The key is parsed and checked once; {@link #sign} may then be called from any number of threads. The
 * result is standard padded Base64. PKCS#1 v1.5 is deterministic: the same key and text always give the same
 * signature, byte for byte the one {@code openssl dgst -sha256 -sign} gives.
 *
 * <p>Key sizes: below 1024 bits refused; 1024 bits accepted with a logged warning (NICEPAY's sandbox key has 1024
 * bits); 2048 and more accepted silently. {@code toString()} shows only the algorithm and the key size.
 *
 * <pre>{@code
 * RsaSigner signer = RsaSigner.fromPem(System.getenv("SNAP_PRIVATE_KEY"));
 * Base64Signature signature = signer.sign(StringToSign.b2b(clientKey, timestamp));
 * }</pre>
 */
public final class RsaSigner implements Signer {

    private static final Logger LOG = LoggerFactory.getLogger(RsaSigner.class);
    private static final byte[] PROBE = "snapbi key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final RsaSignatureEngine engine;
    private final int keySizeBits;

    private RsaSigner(RsaSignatureEngine engine, int keySizeBits) {
        this.engine = engine;
        this.keySizeBits = keySizeBits;
    }

    /**
     * A signer for this RSA private key.
     *
     * @throws SnapConfigurationException when the key is null, not RSA, smaller than 1024 bits, inconsistent (its CRT
     *                                    parameters do not match its modulus) or refused by every security provider
     */
    public static RsaSigner create(PrivateKey key) {
        int bits = RsaKeyRules.check(key, "private key", LOG);
        RsaSignatureEngine engine = RsaSignatureEngine.signing(key);
        if (key instanceof RSAPrivateCrtKey crt && !isConsistent(crt, engine)) {
            // SunRsaSign caches blinding parameters per modulus and reuses them for any key with the same modulus and
            // private exponent: a corrupt sibling of this key loaded earlier in the JVM makes a good key fail here.
            // Bouncy Castle keeps no such cache, so a key it signs consistently is good.
            RsaSignatureEngine independent = RsaSignatureEngine.signing(key, BouncyCastle.provider());
            if (!isConsistent(crt, independent)) {
                throw new SnapConfigurationException("private key: found an RSA private key whose CRT parameters do"
                        + " not match its modulus; expected a consistent RSA key (the key is corrupt: export it again)");
            }
            LOG.warn("SunRsaSign could not sign consistently with this {}-bit RSA key (was a corrupt key with the same"
                    + " modulus loaded before?); signing with Bouncy Castle instead", bits);
            engine = independent;
        }
        return new RsaSigner(engine, bits);
    }

    /**
     * A signer for an unencrypted private key given as text, in any format {@link PrivateKeys#parse(String)} reads:
     * PKCS#8 or PKCS#1 PEM, bare Base64 DER, or PEM mangled by an environment variable.
     *
     * @throws SnapConfigurationException when the text is not a usable RSA private key
     */
    public static RsaSigner fromPem(String keyText) {
        return create(PrivateKeys.parse(keyText));
    }

    /**
     * A signer for a private key given as text, decrypted with {@code password} when encrypted (encrypted PKCS#8 or
     * legacy OpenSSL-encrypted PKCS#1).
     *
     * @param password the key's password; wiped before this method returns
     * @throws SnapConfigurationException when the text is not a usable RSA private key or the password is missing or
     *                                    wrong
     */
    public static RsaSigner fromPem(String keyText, char[] password) {
        return create(PrivateKeys.parse(keyText, password));
    }

    /**
     * A signer for an unencrypted private key file (PEM, Base64 or DER).
     *
     * @throws SnapConfigurationException when the file is missing, unreadable or not a usable RSA private key
     */
    public static RsaSigner fromFile(Path file) {
        return create(PrivateKeys.read(file));
    }

    /**
     * A signer for a private key file, decrypted with {@code password} when encrypted.
     *
     * @param password the key's password; wiped before this method returns
     * @throws SnapConfigurationException when the file is missing, unreadable or not a usable RSA private key, or the
     *                                    password is missing or wrong
     */
    public static RsaSigner fromFile(Path file, char[] password) {
        return create(PrivateKeys.read(file, password));
    }

    /**
     * A signer for the private key of a PKCS#12 keystore entry; see
     * {@link PrivateKeys#fromPkcs12(Path, char[], String, char[])}.
     *
     * @param storePassword wiped before this method returns
     * @param alias         the entry, or null when the keystore holds exactly one private key
     * @param keyPassword   the entry's password, or null when it is the store password; wiped
     */
    public static RsaSigner fromPkcs12(Path keystore, char[] storePassword, String alias, char[] keyPassword) {
        return create(PrivateKeys.fromPkcs12(keystore, storePassword, alias, keyPassword));
    }

    /**
     * Signs the UTF-8 bytes of the string. Thread-safe.
     *
     * @throws SnapConfigurationException if the security provider fails to sign (never returns null)
     */
    @Override
    public Base64Signature sign(StringToSign stringToSign) {
        Objects.requireNonNull(stringToSign, "stringToSign");
        return Base64Signature.ofBytes(engine.sign(stringToSign.utf8()));
    }

    /** The modulus size of the key, in bits. */
    public int keySizeBits() {
        return keySizeBits;
    }

    /** {@code RsaSigner[SHA256withRSA, 2048 bits]}: never any key material. */
    @Override
    public String toString() {
        return "RsaSigner[" + RsaSignatureEngine.ALGORITHM + ", " + keySizeBits + " bits]";
    }

    /** A corrupt CRT key signs without error but yields signatures nobody can verify: catch that here, not at 401. */
    private static boolean isConsistent(RSAPrivateCrtKey key, RsaSignatureEngine engine) {
        if (key.getPublicExponent() == null || key.getPublicExponent().signum() <= 0) {
            return true;
        }
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(),
                    key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new SnapConfigurationException("private key: found an RSA private key whose public part is"
                    + " invalid; expected a consistent RSA key (the key is corrupt)");
        }
        try {
            return RsaSignatureEngine.verifying(publicKey).verify(PROBE, engine.sign(PROBE));
        } catch (SnapConfigurationException e) {
            return false; // SunRsaSign checks its CRT result itself and refuses to sign
        }
    }
}
