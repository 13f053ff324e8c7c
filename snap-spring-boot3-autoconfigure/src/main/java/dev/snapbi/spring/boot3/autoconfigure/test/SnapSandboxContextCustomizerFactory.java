package dev.snapbi.spring.boot3.autoconfigure.test;

import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes the {@link ContextCustomizer} of {@link AutoConfigureSnapSandbox}; registered in spring.factories. */
public final class SnapSandboxContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotations annotations = MergedAnnotations.search(MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .from(testClass);
        if (!annotations.isPresent(AutoConfigureSnapSandbox.class)) {
            return null;
        }
        AutoConfigureSnapSandbox a = annotations.get(AutoConfigureSnapSandbox.class).synthesize();
        return new SandboxCustomizer(a.clientKey(), a.tokenLifetimeSeconds());
    }

    /** Starts the sandbox and adds the properties; equal for equal settings, so contexts are cached. */
    private record SandboxCustomizer(String clientKey, long tokenLifetimeSeconds) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            SnapSandbox sandbox = SnapSandbox.builder()
                    .tokenLifetime(Duration.ofSeconds(tokenLifetimeSeconds))
                    .start();
            try {
                KeyPair keys = rsa();
                SandboxClient client = sandbox.registerClient(clientKey, keys.getPublic(), null);
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("snapbi.nicepay.base-url", sandbox.baseUrl().toString());
                properties.put("snapbi.nicepay.client-key", clientKey);
                properties.put("snapbi.nicepay.private-key", pem(keys));
                properties.put("snapbi.nicepay.client-secret", client.clientSecret());
                properties.put("snapbi.nicepay.nicepay-public-key", sandbox.notificationPublicKeyPem());
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("snapSandbox", properties));
                context.getBeanFactory().registerSingleton("snapSandbox", sandbox);
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                        sandbox.close();
                    }
                });
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
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

        private static String pem(KeyPair keys) {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }
    }
}
