package dev.snapbi.sandbox;

import dev.snapbi.sandbox.internal.ClientRegistry;
import dev.snapbi.sandbox.internal.Keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A client registered with a {@link SnapSandbox}: its client key ({@code X-CLIENT-KEY}, NICEPAY's iMid), its RSA key
 * pair and its client secret (kept for the symmetric signatures of transactional calls). The one client type: the
 * sandbox keeps the same parts and checks them with the same rules, whether registered here or through the admin
 * endpoint.
 *
 * @param clientKey    the client key, 1 to {@value #MAX_CLIENT_KEY_LENGTH} visible ASCII characters without
 *                     {@code |}
 * @param keyPair      the key pair; its private key is {@code null} when the client was registered with a public key
 *                     only
 * @param clientSecret the client secret, never empty
 */
public record SandboxClient(String clientKey, KeyPair keyPair, String clientSecret) {

    /** The longest client key accepted. */
    public static final int MAX_CLIENT_KEY_LENGTH = ClientRegistry.MAX_CLIENT_KEY_LENGTH;

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException when the client key is empty, too long or holds characters that cannot be sent
     *                                  in a header, when there is no RSA public key, or when the secret is empty
     * @throws NullPointerException     when the key pair is {@code null}
     */
    public SandboxClient {
        ClientRegistry.requireValid(clientKey, keyPair, clientSecret);
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
