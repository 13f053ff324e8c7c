package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * An {@code X-SIGNATURE} value: standard Base64 (RFC 4648 alphabet, padded) of the signature bytes. Treated as a
 * secret: {@code toString()} never shows it.
 */
public final class Base64Signature {

    /**
     * The longest signature text accepted, in characters: 4096, the Base64 of a 24,576-bit RSA signature, far beyond
     * any real key.
     */
    public static final int MAX_LENGTH = 4096;

    private final String value;

    /** A per-thread scratch array for encoding (a buffer, not configuration); 344 bytes fit an RSA-2048 signature. */
    private static final ThreadLocal<byte[]> ENCODED = ThreadLocal.withInitial(() -> new byte[344]);

    private Base64Signature(String value) {
        this.value = value;
    }

    /** Encodes raw signature bytes as standard padded Base64. */
    public static Base64Signature ofBytes(byte[] signature) {
        if (signature == null || signature.length == 0) {
            throw new SnapConfigurationException("a signature needs at least one byte; the signer produced none");
        }
        // encoded into this thread's scratch array, then one String: no intermediate array per signature
        int encodedLength = 4 * ((signature.length + 2) / 3);
        byte[] scratch = ENCODED.get();
        if (scratch.length < encodedLength) {
            scratch = new byte[encodedLength];
            ENCODED.set(scratch);
        }
        int written = Base64.getEncoder().encode(signature, scratch);
        return new Base64Signature(new String(scratch, 0, written, StandardCharsets.ISO_8859_1));
    }

    /**
     * Wraps a Base64 signature that you supply (a setting, a command-line option, a test); for text from outside (an
     * {@code X-SIGNATURE} header a caller sent) use {@link #tryParse(String)}.
     *
     * @throws SnapConfigurationException when it is empty or not standard padded Base64 (URL-safe alphabet, missing
     *                                    padding, whitespace are all refused)
     */
    public static Base64Signature parse(String base64) {
        String problem = problemWith(base64);
        if (problem != null) {
            throw new SnapConfigurationException(problem);
        }
        return new Base64Signature(base64);
    }

    /**
     * Wraps a Base64 signature as received, or returns empty when it is {@code null}, empty, longer than
     * {@value #MAX_LENGTH} characters or not standard padded Base64: the non-throwing path for text from outside.
     */
    public static Optional<Base64Signature> tryParse(String base64) {
        return problemWith(base64) == null ? Optional.of(new Base64Signature(base64)) : Optional.empty();
    }

    /** Why the text is not a usable signature, or {@code null} when it is; never contains the text. */
    private static String problemWith(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return "the signature is empty; X-SIGNATURE must be standard Base64";
        }
        if (base64.length() > MAX_LENGTH) {
            return "the signature has " + base64.length() + " characters, more than the " + MAX_LENGTH + " allowed";
        }
        if (base64.length() % 4 != 0) {
            return "the signature is not standard padded Base64 (length " + base64.length()
                    + " is not a multiple of 4)";
        }
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/' || (c == '=' && i >= base64.length() - 2);
            if (!ok) {
                return "the signature is not standard Base64: unexpected character at position " + i
                        + (c == '-' || c == '_' ? " (URL-safe alphabet is not accepted)" : "");
            }
        }
        try {
            if (Base64.getDecoder().decode(base64).length == 0) {
                return "the signature decodes to no bytes";
            }
        } catch (IllegalArgumentException e) {
            return "the signature is not valid Base64 (bad padding)";
        }
        return null;
    }

    /** The Base64 text, as sent in {@code X-SIGNATURE}. */
    public String value() {
        return value;
    }

    /** The decoded signature bytes (a fresh copy). */
    public byte[] bytes() {
        return Base64.getDecoder().decode(value);
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Base64Signature other
                && MessageDigest.isEqual(other.value.getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "Base64Signature[****, " + value.length() + " chars]";
    }
}
