package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.SymmetricSigner;
import dev.snapbi.crypto.internal.HmacSha512Engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The symmetric signature of SNAP transactional calls (SNAP-SPEC section 5): Base64 of HMAC-SHA512 keyed by the
 * client secret's UTF-8 bytes (used as they are, never decoded), over a
 * {@link StringToSign#symmetric symmetric string to sign}
 * ({@code METHOD:path:accessToken:lowercase-hex(SHA-256(body)):timestamp}). Thread-safe: each thread computes into
 * arrays of its own (RFC 2104 over the JDK's SHA-512, no allocation but the signature). {@code toString()} never
 * shows the secret.
 *
 * <pre>{@code
 * HmacSha512Signer signer = HmacSha512Signer.create(ClientSecret.of(secret));
 * String body = CompactJson.compact(json);            // dev.snapbi.domain.json.CompactJson
 * Base64Signature signature = signer.sign(StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va", token,
 *         body.getBytes(StandardCharsets.UTF_8), timestamp));
 * }</pre>
 */
public final class HmacSha512Signer implements SymmetricSigner {

    private static final String ALGORITHM = "HmacSHA512";

    private final HmacSha512Engine engine;

    private HmacSha512Signer(HmacSha512Engine engine) {
        this.engine = engine;
    }

    /**
     * A signer keyed by this client secret.
     *
     * @throws SnapConfigurationException when the secret is null
     */
    public static HmacSha512Signer create(ClientSecret secret) {
        if (secret == null) {
            throw new SnapConfigurationException("client secret: found nothing (null); expected the client secret"
                    + " issued with the client key");
        }
        byte[] bytes = secret.utf8Bytes();
        try {
            return new HmacSha512Signer(new HmacSha512Engine(bytes)); // keeps only the derived pads
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Signs the string's UTF-8 bytes. Thread-safe; never returns null. */
    @Override
    public Base64Signature sign(StringToSign stringToSign) {
        Objects.requireNonNull(stringToSign, "stringToSign");
        byte[] utf8 = stringToSign.utf8();
        return signUtf8(utf8, 0, utf8.length);
    }

    /**
     * Signs these UTF-8 bytes as they are (the caller's reused buffer: nothing is kept), with no allocation but the
     * signature's text: HMAC-SHA512 over the JDK's SHA-512 into this thread's arrays ({@link HmacSha512Engine}, held
     * to {@code javax.crypto.Mac} and RFC 4231 by the tests); the same signature as {@link #sign(StringToSign)} for
     * the text they encode.
     */
    @Override
    public Base64Signature signUtf8(byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        return Base64Signature.ofBytes(engine.mac(utf8, offset, length));
    }

    /** {@code HmacSha512Signer[HmacSHA512]}: never the secret. */
    @Override
    public String toString() {
        return "HmacSha512Signer[" + ALGORITHM + "]";
    }
}
