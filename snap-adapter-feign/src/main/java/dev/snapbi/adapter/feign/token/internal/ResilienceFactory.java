package dev.snapbi.adapter.feign.token.internal;

import dev.snapbi.domain.error.SnapException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;

/**
 * The Resilience4j instances of a token endpoint: taken from the user's registry (created there with the config if
 * absent), so that its event consumers and metrics see them, or else new ones whose events are logged.
 */
public final class ResilienceFactory {

    private ResilienceFactory() {
    }

    /**
     * The retry named {@code name}.
     *
     * @param registry the user's registry, or {@code null} for a new retry whose retries are logged at DEBUG on
     *                 {@code log}
     */
    public static Retry retry(String name, RetryConfig config, RetryRegistry registry, Logger log) {
        if (registry != null) {
            return registry.retry(name, config);
        }
        Retry retry = Retry.of(name, config);
        retry.getEventPublisher().onRetry(event -> log.debug("retrying token request ({}) in {} ms after"
                + " attempt {}: {}", event.getName(), event.getWaitInterval().toMillis(),
                event.getNumberOfRetryAttempts(), message(event.getLastThrowable())));
        return retry;
    }

    /**
     * The circuit breaker named {@code name}.
     *
     * @param registry the user's registry, or {@code null} for a new circuit breaker whose state transitions are
     *                 logged at INFO on {@code log}
     */
    public static CircuitBreaker circuitBreaker(String name, CircuitBreakerConfig config,
                                                CircuitBreakerRegistry registry, Logger log) {
        if (registry != null) {
            return registry.circuitBreaker(name, config);
        }
        CircuitBreaker breaker = CircuitBreaker.of(name, config);
        breaker.getEventPublisher().onStateTransition(event -> log.info("token endpoint circuit breaker {}: {}",
                event.getCircuitBreakerName(), event.getStateTransition()));
        return breaker;
    }

    private static String message(Throwable t) {
        return t == null ? "" : t instanceof SnapException ? t.getMessage() : t.getClass().getSimpleName();
    }
}
