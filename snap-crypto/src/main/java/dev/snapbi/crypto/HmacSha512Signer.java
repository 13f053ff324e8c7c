package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.SymmetricSigner;
import dev.snapbi.crypto.internal.HmacSha512Engine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.Objects;

/**
 * The symmetric signature of SNAP transactional calls (SNAP-SPEC section 5): Base64 of HMAC-SHA512 keyed by the
 * client secret's UTF-8 bytes (used as they are, never decoded), over a
 * {@link StringToSign#symmetric symmetric string to sign}
 * ({@code METHOD:path:accessToken:lowercase-hex(SHA-256(body)):timestamp}). Thread-safe: each thread keeps its own
 * initialised {@link Mac}. {@code toString()} never shows the secret.
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

    private final SecretKeySpec key;
    private final Provider provider;
    private final ThreadLocal<Mac> perThread;
    private final HmacSha512Engine engine;

    private HmacSha512Signer(SecretKeySpec key, Provider provider) {
        this.key = key;
        this.provider = provider;
        this.perThread = ThreadLocal.withInitial(this::newMac);
        byte[] bytes = key.getEncoded(); // a copy
        this.engine = new HmacSha512Engine(bytes);
        Arrays.fill(bytes, (byte) 0);
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
            SecretKeySpec key = new SecretKeySpec(bytes, ALGORITHM); // copies the bytes
            Mac probe = Mac.getInstance(ALGORITHM);
            probe.init(key);
            return new HmacSha512Signer(key, probe.getProvider());
        } catch (GeneralSecurityException e) {
            throw new SnapConfigurationException("no installed security provider offers " + ALGORITHM
                    + "; the JDK's SunJCE provider is missing from this runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM, provider);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // the same provider accepted the same key in create()
            throw new IllegalStateException("the " + provider.getName() + " provider no longer offers " + ALGORITHM, e);
        }
    }

    /** Signs the string's UTF-8 bytes. Thread-safe; never returns null. */
    @Override
    public Base64Signature sign(StringToSign stringToSign) {
        Objects.requireNonNull(stringToSign, "stringToSign");
        return Base64Signature.ofBytes(perThread.get().doFinal(stringToSign.utf8()));
    }

    /**
     * Signs these UTF-8 bytes as they are (the caller's reused buffer: nothing is kept), with no allocation but the
     * signature's text: HMAC-SHA512 over the JDK's SHA-512 into this thread's arrays ({@link HmacSha512Engine}, held
     * to {@code javax.crypto.Mac} by the tests); the same signature as {@link #sign(StringToSign)} for the text they
     * encode.
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
