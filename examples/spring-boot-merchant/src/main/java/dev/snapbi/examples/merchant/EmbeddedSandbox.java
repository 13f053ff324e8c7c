package dev.snapbi.examples.merchant;

import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.spring.boot3.autoconfigure.test.SnapSandboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no NICEPAY client is configured ({@code snapbi.nicepay.client-key} unset), starts an embedded NICEPAY SNAP
 * sandbox on a loopback port, registers a client with a fresh key and points {@code snapbi.nicepay.*} at it, so the
 * service runs end to end with no setup. The sandbox is the bean {@code snapSandbox}; it stops with the service.
 */
final class EmbeddedSandbox implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSandbox.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (env.containsProperty("snapbi.nicepay.client-key") || env.containsProperty("snapbi.nicepay.base-url")) {
            log.info("NICEPAY client {} at {}", env.getProperty("snapbi.nicepay.client-key"),
                    env.getProperty("snapbi.nicepay.base-url", env.getProperty("snapbi.nicepay.environment",
                            "development")));
            return;
        }
        SnapSandbox sandbox = SnapSandbox.builder()
                .port(env.getProperty("merchant.sandbox.port", Integer.class, 0))
                .start();
        env.getPropertySources().addFirst(new MapPropertySource("embeddedSnapSandbox",
                SnapSandboxProperties.registerNewClient(sandbox, "IONPAYTEST")));
        context.getBeanFactory().registerSingleton("snapSandbox", sandbox);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                sandbox.close();
            }
        });
        log.info("No NICEPAY configuration (snapbi.nicepay.client-key is not set): running against an EMBEDDED NICEPAY"
                + " SNAP SANDBOX at {} as client IONPAYTEST. Pay a VA or QRIS with: curl -X POST {}/_sandbox/pay -d"
                + " '{{\"referenceNo\":\"<tXidVA or referenceNo>\"}}'", sandbox.baseUrl(), sandbox.baseUrl());
    }
}
