package dev.snapbi.spring.boot3.autoconfigure.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The Resilience4j registries the token endpoints take their retry and circuit breaker from: the application's (when
 * resilience4j-spring-boot3 or the user defines them; they publish their own metrics) or the starter's own, which the
 * starter then publishes to Micrometer itself.
 *
 * @param owned whether the registries are the starter's
 */
public record SnapbiResilience(RetryRegistry retryRegistry, CircuitBreakerRegistry circuitBreakerRegistry,
                               boolean owned) {
}
