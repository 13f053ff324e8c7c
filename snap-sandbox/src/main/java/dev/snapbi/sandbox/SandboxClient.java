package dev.snapbi.sandbox;

import dev.snapbi.sandbox.internal.Keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A client registered with a {@link SnapSandbox}: its client key ({@code X-CLIENT-KEY}, NICEPAY's iMid), its RSA key
 * pair and its client secret (kept for the symmetric signatures of transactional calls). The sandbox keeps its
 * clients as this type too, so that the API, the admin endpoint and the verifying endpoints validate alike.
 *
 * @param clientKey    the client key, 1 to {@value #MAX_CLIENT_KEY_LENGTH} visible ASCII characters without
 *                     {@code |}
 * @param keyPair      the key pair; its private key is {@code null} when the client was registered with a public key
 *                     only
 * @param clientSecret the client secret, never empty
 */
public record SandboxClient(String clientKey, KeyPair keyPair, String clientSecret) {

    /** The longest client key accepted. */
    public static final int MAX_CLIENT_KEY_LENGTH = 128;

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException when the client key is empty, too long or holds characters that cannot be sent
     *                                  in a header, when there is no RSA public key, or when the secret is empty
     * @throws NullPointerException     when the key pair is {@code null}
     */
    public SandboxClient {
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
    static void requireValidClientKey(String clientKey) {
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

    /** The private key to sign token requests with, or {@code null} when the sandbox only knows the public key. */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** The public key the sandbox verifies this client's signatures with. */
    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** Shows the client key and key size, never the private key or the secret. */
    @Override
    public String toString() {
        return "SandboxClient[clientKey=" + clientKey + ", publicKey=" + Keys.describe(keyPair.getPublic())
                + ", privateKey=" + (keyPair.getPrivate() == null ? "none" : "****") + ", clientSecret=****]";
    }
}
