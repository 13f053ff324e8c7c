package dev.snapbi.adapter.feign.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Resilience4j settings for the token endpoint, as Resilience4j's own config objects, plus the rules behind them.
 * Start from these and adjust with Resilience4j's builders:
 * <pre>{@code
 * RetryConfig retry = RetryConfig.from(TokenResilience.retryConfig()).maxAttempts(5).build();
 * CircuitBreakerConfig breaker = CircuitBreakerConfig.from(TokenResilience.circuitBreakerConfig())
 *         .waitDurationInOpenState(Duration.ofMinutes(1)).build();
 * }</pre>
 * Whatever config is given, {@link FeignTokenEndpoint} keeps these rules: only {@link #isRetryable retryable}
 * failures are retried, and rejections are never counted by the circuit breaker.
 */
public final class TokenResilience {

    /** The longest {@code Retry-After} honoured by the default retry config; longer requests are waited this long. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private TokenResilience() {
    }

    /**
     * The default retry: 3 attempts; exponential back-off from 250 ms (doubling, 50 % jitter, at most 4 s); a
     * {@code Retry-After} from the server replaces the back-off, up to {@link #DEFAULT_MAX_RETRY_AFTER}. Retries
     * IO failures, timeouts, 5xx, 408 and 429 (by HTTP status, or as {@code 4087300}/{@code 4297300} in an HTTP 200:
     * both are retryable by HTTP semantics); never rejections (400, 401, 403, 404, 409, ...), protocol violations,
     * local configuration errors, an open circuit or an interrupt.
     */
    public static RetryConfig retryConfig() {
        return RetryConfig.custom()
                .maxAttempts(3)
                .intervalBiFunction(retryAfterOr(
                        IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(250), 2.0, 0.5,
                                Duration.ofSeconds(4)),
                        DEFAULT_MAX_RETRY_AFTER))
                .retryOnException(TokenResilience::isRetryable)
                .build();
    }

    /**
     * The default circuit breaker: opens when at least half of the last 10 attempts (at least 5 recorded) failed,
     * stays open 30 s (calls fail fast with {@link Reason#CIRCUIT_OPEN}), then lets one probe through (half-open);
     * the probe's outcome closes or re-opens it. Unavailability and protocol violations count as failures;
     * rejections and local configuration errors are ignored.
     */
    public static CircuitBreakerConfig circuitBreakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(TokenResilience::countsAsFailure)
                .ignoreException(TokenResilience::isIgnoredByCircuitBreaker)
                .build();
    }

    /**
     * An interval function for {@link RetryConfig.Builder#intervalBiFunction}: the server's {@code Retry-After}
     * (carried by {@link SnapUnavailableException#retryAfter()}) when it sent one, capped at {@code maxRetryAfter};
     * otherwise {@code backoff}.
     */
    public static <T> IntervalBiFunction<T> retryAfterOr(IntervalFunction backoff, Duration maxRetryAfter) {
        Objects.requireNonNull(backoff, "backoff");
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            throw new SnapConfigurationException("maxRetryAfter must be zero or positive, got " + maxRetryAfter);
        }
        long capMillis = maxRetryAfter.toMillis();
        return (attempt, outcome) -> {
            Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
            if (failure instanceof SnapUnavailableException unavailable && unavailable.retryAfter().isPresent()) {
                return Math.min(unavailable.retryAfter().get().toMillis(), capMillis);
            }
            return backoff.apply(attempt);
        };
    }

    /**
     * Whether a failed attempt may be retried with a fresh timestamp and signature: the server or the network was
     * unavailable (IO, timeout, 5xx, 429), but not an open circuit (it fails fast on purpose) nor an interrupt.
     */
    public static boolean isRetryable(Throwable failure) {
        return failure instanceof SnapUnavailableException unavailable
                && unavailable.reason() != Reason.CIRCUIT_OPEN && unavailable.reason() != Reason.INTERRUPTED;
    }

    /** Whether the circuit breaker records a failure as such: unavailability and protocol violations. */
    public static boolean countsAsFailure(Throwable failure) {
        return isRetryable(failure) || failure instanceof SnapProtocolException;
    }

    /**
     * Whether the circuit breaker ignores a failure entirely: rejections (the server is up and said no), local
     * configuration errors (nothing was sent) and interrupts.
     */
    public static boolean isIgnoredByCircuitBreaker(Throwable failure) {
        return failure instanceof SnapRejectedException || failure instanceof SnapConfigurationException
                || (failure instanceof SnapUnavailableException unavailable
                && unavailable.reason() == Reason.INTERRUPTED);
    }

    /** The config with its retry predicate narrowed to {@link #isRetryable}; everything else is kept. */
    static RetryConfig enforceRules(RetryConfig config) {
        Predicate<Throwable> theirs = config.getExceptionPredicate();
        return RetryConfig.from(config)
                .retryExceptions()
                .ignoreExceptions()
                .retryOnException(t -> isRetryable(t) && theirs.test(t))
                .build();
    }

    /** The config with rejections always ignored and only {@link #countsAsFailure} failures recorded. */
    static CircuitBreakerConfig enforceRules(CircuitBreakerConfig config) {
        Predicate<Throwable> theirRecord = config.getRecordExceptionPredicate();
        Predicate<Throwable> theirIgnore = config.getIgnoreExceptionPredicate();
        return CircuitBreakerConfig.from(config)
                .recordExceptions()
                .ignoreExceptions()
                .recordException(t -> countsAsFailure(t) && theirRecord.test(t))
                .ignoreException(t -> isIgnoredByCircuitBreaker(t) || theirIgnore.test(t))
                .build();
    }
}
