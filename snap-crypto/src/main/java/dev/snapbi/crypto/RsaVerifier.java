package dev.snapbi.crypto;

import dev.snapbi.crypto.internal.RsaKeyRules;
import dev.snapbi.crypto.internal.RsaSignatureEngine;
import dev.snapbi.crypto.pem.PublicKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;

/**
 * Verifies SHA256withRSA signatures with an RSA public key: NICEPAY's notifications (which sign
 * {@code clientId|X-TIMESTAMP}) and, in the sandbox, the merchant's token requests. Thread-safe. A signature that
 * does not verify, is malformed or has the wrong length gives {@code false}, never an exception.
 *
 * <pre>{@code
 * RsaVerifier nicepay = RsaVerifier.fromFile(Path.of("nicepay-public.pem"));
 * boolean genuine = nicepay.verify(clientId + "|" + xTimestamp, xSignature);
 * }</pre>
 */
public final class RsaVerifier implements SignatureVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(RsaVerifier.class);

    private final RsaSignatureEngine engine;
    private final int keySizeBits;
    private final int signatureBytes;

    private RsaVerifier(RsaSignatureEngine engine, int keySizeBits) {
        this.engine = engine;
        this.keySizeBits = keySizeBits;
        this.signatureBytes = (keySizeBits + 7) / 8;
    }

    /**
     * A verifier for this RSA public key.
     *
     * @throws SnapConfigurationException when the key is null, not RSA or smaller than 1024 bits (1024 bits are
     *                                    accepted with a logged warning)
     */
    public static RsaVerifier create(PublicKey key) {
        int bits = RsaKeyRules.check(key, "public key", LOG);
        return new RsaVerifier(RsaSignatureEngine.verifying(key), bits);
    }

    /**
     * A verifier for a public key given as text: X.509 {@code PUBLIC KEY} PEM or its bare Base64, PKCS#1
     * {@code RSA PUBLIC KEY} PEM, or a certificate PEM (its key is used).
     *
     * @throws SnapConfigurationException when the text holds no usable RSA public key
     */
    public static RsaVerifier fromPem(String text) {
        return create(PublicKeys.parse(text));
    }

    /**
     * A verifier for a public key or certificate file (PEM, Base64 or DER).
     *
     * @throws SnapConfigurationException when the file is missing, unreadable or holds no usable RSA public key
     */
    public static RsaVerifier fromFile(Path file) {
        return create(PublicKeys.read(file));
    }

    /**
     * Whether {@code signature} is a valid SHA256withRSA signature of the string's UTF-8 bytes by this key's owner.
     *
     * @return false when it does not verify or {@code signature} is null
     */
    @Override
    public boolean verify(StringToSign data, Base64Signature signature) {
        Objects.requireNonNull(data, "data");
        return signature != null && verifyBytes(data.utf8(), signature.bytes());
    }

    /**
     * Whether {@code base64Signature} (as received in {@code X-SIGNATURE}) is a valid SHA256withRSA signature of the
     * UTF-8 bytes of {@code data}.
     *
     * @return false when it does not verify, or the signature is null, empty or not standard padded Base64
     */
    public boolean verify(String data, String base64Signature) {
        Objects.requireNonNull(data, "data");
        Base64Signature signature;
        try {
            signature = Base64Signature.parse(base64Signature);
        } catch (SnapConfigurationException e) {
            return false;
        }
        return verifyBytes(data.getBytes(StandardCharsets.UTF_8), signature.bytes());
    }

    private boolean verifyBytes(byte[] data, byte[] signature) {
        return signature.length == signatureBytes && engine.verify(data, signature);
    }

    /** The modulus size of the key, in bits. */
    public int keySizeBits() {
        return keySizeBits;
    }

    /** {@code RsaVerifier[SHA256withRSA, 2048 bits]}. */
    @Override
    public String toString() {
        return "RsaVerifier[" + RsaSignatureEngine.ALGORITHM + ", " + keySizeBits + " bits]";
    }
}
