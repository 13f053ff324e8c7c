package dev.snapbi.cache.redis.internal;

import dev.snapbi.domain.model.AccessToken;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a token for storage: AES-256-GCM with a random 96-bit nonce, the Redis key as associated data (an entry
 * moved to another key does not open), and a keyed fingerprint of the token in front so that compare-and-delete can
 * match "this exact token" inside Redis without the token or the key ever being there in clear.
 * Stored form: {@code v1.<fingerprint>.<nonce+ciphertext+tag>}, both parts URL-safe Base64.
 */
public final class TokenSealer {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    private TokenSealer(byte[] masterKey) {
        this.encryptionKey = new SecretKeySpec(hkdf(masterKey, "snapbi token encryption v1", 32), "AES");
        this.fingerprintKey = new SecretKeySpec(hkdf(masterKey, "snapbi token fingerprint v1", 32), "HmacSHA256");
    }

    /** From a 32-byte key (copied). */
    public static TokenSealer fromKey(byte[] key) {
        return new TokenSealer(key.clone());
    }

    /** From a secret the user already configures (HKDF-SHA256 with a fixed salt; the secret is not kept). */
    public static TokenSealer fromSecret(String secret) {
        byte[] ikm = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return new TokenSealer(extract(ikm));
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** The prefix a stored entry of exactly this token starts with. */
    public String prefixOf(AccessToken token) {
        return PREFIX + fingerprint(token.value()) + ".";
    }

    /** The stored form of the token under this Redis key. */
    public String seal(AccessToken token, String redisKey) {
        String plain = token.tokenType() + "\n" + token.obtainedAt() + "\n" + token.expiresAt() + "\n" + token.value();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return prefixOf(token) + B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The token, or empty when the entry is foreign, tampered, moved or sealed with another key. */
    public Optional<AccessToken> open(String stored, String redisKey) {
        if (stored == null || !stored.startsWith(PREFIX) || stored.length() > 8192) {
            return Optional.empty();
        }
        int dot = stored.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] in = B64D.decode(stored.substring(dot + 1));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
            String plain = new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            AccessToken token = AccessToken.of(parts[3], parts[0], Instant.parse(parts[1]), Instant.parse(parts[2]));
            // the fingerprint outside must belong to the token inside, or compare-and-delete could be fooled
            return stored.startsWith(prefixOf(token)) ? Optional.of(token) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String fingerprint(String tokenValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return B64.encodeToString(Arrays.copyOf(mac.doFinal(tokenValue.getBytes(StandardCharsets.UTF_8)), 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private static byte[] extract(byte[] ikm) {
        return hmac("snapbi-redis-token-store-v1".getBytes(StandardCharsets.UTF_8), ikm);
    }

    /** HKDF-Expand (RFC 5869) of one block or less. */
    private static byte[] hkdf(byte[] prk, String info, int length) {
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        input[infoBytes.length] = 1;
        return Arrays.copyOf(hmac(prk, input), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
