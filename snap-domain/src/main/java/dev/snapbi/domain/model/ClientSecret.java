package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The client secret that keys the symmetric (HMAC-SHA512) signature of transactional calls. Used as its UTF-8 bytes,
 * never decoded. Never printed: {@code toString()} shows {@code ClientSecret[****]}.
 */
public final class ClientSecret {

    private final byte[] utf8;

    private ClientSecret(byte[] utf8) {
        this.utf8 = utf8;
    }

    /**
     * The secret with this text.
     *
     * @throws SnapConfigurationException when missing or empty
     */
    public static ClientSecret of(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new SnapConfigurationException("the client secret is missing; NICEPAY issues it with the client key");
        }
        return new ClientSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the secret's UTF-8 bytes: the HMAC key. Wipe the copy when done. */
    public byte[] utf8Bytes() {
        return utf8.clone();
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClientSecret other && MessageDigest.isEqual(other.utf8, utf8);
    }

    @Override
    public int hashCode() {
        return utf8.length;
    }

    @Override
    public String toString() {
        return "ClientSecret[****]";
    }
}
