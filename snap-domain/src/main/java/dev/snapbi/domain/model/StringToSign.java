package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The exact text a signature covers, one factory per use: {@link #b2b} for the B2B access token
 * ({@code clientKey + "|" + X-TIMESTAMP}, NICEPAY's sample: {@code normaltest|2024-12-31T10:11:40+07:00}),
 * {@link #notification} for what the provider signs on its notifications (the same shape, another signer),
 * {@link #symmetric} for transactional calls. Signers sign its UTF-8 bytes.
 */
public final class StringToSign {

    private final String value;
    private final boolean sensitive;

    private StringToSign(String value, boolean sensitive) {
        this.value = value;
        this.sensitive = sensitive;
    }

    /** The B2B access-token string to sign: {@code clientKey|timestamp}. */
    public static StringToSign b2b(ClientKey clientKey, SnapTimestamp timestamp) {
        return new StringToSign(clientKey.value() + "|" + timestamp.value(), false);
    }

    /**
     * The string the provider signs on its notifications (SNAP-SPEC section 6): {@code clientId|X-TIMESTAMP}, with
     * the provider's private key. The text has the shape of {@link #b2b}'s; this factory says which signature it is.
     */
    public static StringToSign notification(ClientKey clientId, SnapTimestamp timestamp) {
        return new StringToSign(clientId.value() + "|" + timestamp.value(), false);
    }

    /**
     * The symmetric string to sign of a transactional call (SNAP-SPEC section 5):
     * {@code METHOD:path:accessToken:lowercase-hex(SHA-256(body)):timestamp}. {@code signingPath} is the path with
     * query as the provider signs it (NICEPAY: without {@code /nicepay}, see
     * {@link ProviderProfile#signingPath(String)}); {@code body} is exactly the bytes sent (empty for no body).
     * Sensitive: it holds the access token.
     */
    public static StringToSign symmetric(String httpMethod, String signingPath, AccessToken token, byte[] body,
                                         SnapTimestamp timestamp) {
        return symmetric(httpMethod, signingPath, token.value(), body, timestamp);
    }

    /**
     * The symmetric string to sign for a raw access token value (e.g. one pasted into the command line), otherwise
     * as {@link #symmetric(String, String, AccessToken, byte[], SnapTimestamp)}.
     */
    public static StringToSign symmetric(String httpMethod, String signingPath, String accessToken, byte[] body,
                                         SnapTimestamp timestamp) {
        String problem = AccessToken.problemWith(accessToken);
        if (problem != null) {
            throw new SnapConfigurationException("invalid access token for the symmetric signature: " + problem);
        }
        if (httpMethod == null || httpMethod.isEmpty() || !httpMethod.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new SnapConfigurationException("the HTTP method must be upper-case letters, got '" + httpMethod + "'");
        }
        if (signingPath == null || !signingPath.startsWith("/")) {
            throw new SnapConfigurationException("the path to sign must start with '/', got '" + signingPath + "'");
        }
        String value = httpMethod + ":" + signingPath + ":" + accessToken + ":"
                + sha256Hex(body == null ? new byte[0] : body) + ":" + timestamp.value();
        return new StringToSign(value, true);
    }

    /** Lower-case hex of SHA-256 over the bytes: the body digest of the symmetric string to sign. */
    public static String sha256Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Any other text to sign, e.g. a string-to-sign built by a caller for a custom scheme. It is treated as sensitive
     * (may hold a token) and not shown by {@code toString()}.
     */
    public static StringToSign of(String value) {
        if (value == null || value.isEmpty()) {
            throw new SnapConfigurationException("the string to sign is empty");
        }
        return new StringToSign(value, true);
    }

    /** The text. */
    public String value() {
        return value;
    }

    /** The UTF-8 bytes that are signed. */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringToSign other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return sensitive ? "StringToSign[" + value.length() + " chars]" : "StringToSign[" + value + "]";
    }
}
