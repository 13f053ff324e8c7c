package dev.snapbi.spring.boot3.autoconfigure.test;

import dev.snapbi.sandbox.SnapSandbox;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.time.Duration;
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
                Map<String, Object> properties = SnapSandboxProperties.registerNewClient(sandbox, clientKey);
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
    }
}
