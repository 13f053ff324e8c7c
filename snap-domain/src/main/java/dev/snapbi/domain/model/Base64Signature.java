package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * An {@code X-SIGNATURE} value: standard Base64 (RFC 4648 alphabet, padded) of the signature bytes. Treated as a
 * secret: {@code toString()} never shows it.
 */
public final class Base64Signature {

    private final String value;

    private Base64Signature(String value) {
        this.value = value;
    }

    /** Encodes raw signature bytes as standard padded Base64. */
    public static Base64Signature ofBytes(byte[] signature) {
        if (signature == null || signature.length == 0) {
            throw new SnapConfigurationException("a signature needs at least one byte; the signer produced none");
        }
        return new Base64Signature(Base64.getEncoder().encodeToString(signature));
    }

    /**
     * Wraps a Base64 signature as received.
     *
     * @throws SnapConfigurationException when it is empty or not standard padded Base64 (URL-safe alphabet, missing
     *                                    padding, whitespace are all refused)
     */
    public static Base64Signature parse(String base64) {
        if (base64 == null || base64.isEmpty()) {
            throw new SnapConfigurationException("the signature is empty; X-SIGNATURE must be standard Base64");
        }
        if (base64.length() % 4 != 0) {
            throw new SnapConfigurationException("the signature is not standard padded Base64 (length "
                    + base64.length() + " is not a multiple of 4)");
        }
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/' || (c == '=' && i >= base64.length() - 2);
            if (!ok) {
                throw new SnapConfigurationException("the signature is not standard Base64: unexpected character at"
                        + " position " + i + (c == '-' || c == '_' ? " (URL-safe alphabet is not accepted)" : ""));
            }
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(base64);
            if (decoded.length == 0) {
                throw new SnapConfigurationException("the signature decodes to no bytes");
            }
        } catch (IllegalArgumentException e) {
            throw new SnapConfigurationException("the signature is not valid Base64 (bad padding)");
        }
        return new Base64Signature(base64);
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
        return o instanceof Base64Signature other && MessageDigest.isEqual(other.value.getBytes(StandardCharsets.US_ASCII),
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
