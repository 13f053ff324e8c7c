package dev.snapbi.spring.boot3.autoconfigure.test;

import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code snapbi.nicepay.*} properties that point an application at a {@link SnapSandbox}: used by
 * {@link AutoConfigureSnapSandbox}, and by applications that run against an embedded sandbox when no NICEPAY
 * configuration is given (see the spring-boot-merchant example).
 */
public final class SnapSandboxProperties {

    private SnapSandboxProperties() {
    }

    /**
     * Registers {@code clientKey} in the sandbox with a freshly generated RSA 2048 key and client secret, and returns
     * the properties for it: base URL, client key, private key (PEM text), client secret, and the sandbox's
     * notification key as {@code nicepay-public-key}. The values are secrets of a throwaway sandbox client; do not log
     * them all the same.
     */
    public static Map<String, Object> registerNewClient(SnapSandbox sandbox, String clientKey) {
        KeyPair keys = rsa();
        SandboxClient client = sandbox.registerClient(clientKey, keys.getPublic(), null);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("snapbi.nicepay.base-url", sandbox.baseUrl().toString());
        properties.put("snapbi.nicepay.client-key", clientKey);
        properties.put("snapbi.nicepay.private-key", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        properties.put("snapbi.nicepay.client-secret", client.clientSecret());
        properties.put("snapbi.nicepay.nicepay-public-key", sandbox.notificationPublicKeyPem());
        return properties;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no RSA", e);
        }
    }
}
