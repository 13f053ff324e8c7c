package dev.snapbi.spring.boot3.autoconfigure.metrics;

import dev.snapbi.spring.boot3.autoconfigure.internal.SnapbiResilience;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Token metrics ({@code snapbi.token.*}) into the application's {@link MeterRegistry}, and the token endpoints'
 * Resilience4j retry and circuit breaker ({@code resilience4j.*}) when the starter owns their registries (an
 * application with resilience4j-spring-boot3 publishes its registries itself).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class SnapbiMetricsAutoConfiguration {

    /** Listens to every client's token service and times its token endpoint. */
    @Bean
    @ConditionalOnMissingBean
    SnapbiTokenMetrics snapbiTokenMetrics(MeterRegistry registry, ObjectProvider<Clock> clock) {
        return new SnapbiTokenMetrics(registry, clock.getIfUnique(Clock::systemUTC));
    }

    /** Resilience4j's tagged metrics for the starter's own registries. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TaggedRetryMetrics.class)
    static class ResilienceMetricsConfiguration {

        @Bean
        MeterBinder snapbiResilienceMetrics(ObjectProvider<SnapbiResilience> resilience) {
            return registry -> {
                SnapbiResilience r = resilience.getIfAvailable();
                if (r != null && r.owned()) {
                    TaggedRetryMetrics.ofRetryRegistry(r.retryRegistry()).bindTo(registry);
                    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(r.circuitBreakerRegistry()).bindTo(registry);
                }
            };
        }
    }
}
