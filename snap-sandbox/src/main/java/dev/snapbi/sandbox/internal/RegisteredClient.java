package dev.snapbi.sandbox.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A client as the sandbox keeps it: its client key, its RSA key pair (the private key {@code null} when only the
 * public key is known) and its client secret. The public {@code SandboxClient} is made from it and back; the rules
 * live here so that both, and the admin endpoint, validate alike.
 *
 * @param clientKey    the client key, 1 to {@value #MAX_CLIENT_KEY_LENGTH} visible ASCII characters without {@code |}
 * @param keyPair      the key pair, with an RSA public key
 * @param clientSecret the client secret, never empty
 */
public record RegisteredClient(String clientKey, KeyPair keyPair, String clientSecret) {

    /** The longest client key accepted. */
    public static final int MAX_CLIENT_KEY_LENGTH = 128;

    /** Validates the parts as {@link #requireValid} does. */
    public RegisteredClient {
        requireValid(clientKey, keyPair, clientSecret);
    }

    /**
     * Checks a client's parts.
     *
     * @throws IllegalArgumentException when the client key is empty, too long or holds characters that cannot be sent
     *                                  in a header, when there is no RSA public key, or when the secret is empty
     * @throws NullPointerException     when the key pair is {@code null}
     */
    public static void requireValid(String clientKey, KeyPair keyPair, String clientSecret) {
        requireValidClientKey(clientKey);
        Objects.requireNonNull(keyPair, "keyPair");
        if (keyPair.getPublic() == null || !"RSA".equals(keyPair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("client " + clientKey + " needs an RSA public key, got "
                    + Keys.describe(keyPair.getPublic()));
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("client " + clientKey + " needs a non-empty client secret"
                    + " (or let the sandbox generate one)");
        }
    }

    /**
     * Checks a client key: it goes into a header and into {@code clientKey|timestamp}.
     *
     * @throws IllegalArgumentException when it is empty, too long or holds anything but visible ASCII without {@code |}
     */
    public static void requireValidClientKey(String clientKey) {
        if (clientKey == null || clientKey.isEmpty() || clientKey.length() > MAX_CLIENT_KEY_LENGTH) {
            throw new IllegalArgumentException("a client key has 1 to " + MAX_CLIENT_KEY_LENGTH
                    + " characters, got " + (clientKey == null ? "none" : clientKey.length()));
        }
        for (int i = 0; i < clientKey.length(); i++) {
            char c = clientKey.charAt(i);
            if (c <= ' ' || c > '~' || c == '|') {
                throw new IllegalArgumentException("a client key holds visible ASCII characters other than '|'"
                        + " (it goes into a header and into 'clientKey|timestamp'); position " + i + " does not");
            }
        }
    }

    /** The private key, or {@code null} when only the public key is known. */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** The public key that verifies this client's token requests. */
    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** Shows the client key and key size, never the private key or the secret. */
    @Override
    public String toString() {
        return "RegisteredClient[clientKey=" + clientKey + ", publicKey=" + Keys.describe(keyPair.getPublic())
                + ", privateKey=" + (keyPair.getPrivate() == null ? "none" : "****") + ", clientSecret=****]";
    }
}
