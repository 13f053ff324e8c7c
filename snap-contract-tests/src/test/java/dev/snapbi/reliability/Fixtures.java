package dev.snapbi.reliability;

import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.testing.ManualClock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Wiring shared by the reliability tests: short back-offs and the clocks they move by hand. */
final class Fixtures {

    private Fixtures() {
    }

    /** The default retry rules (retryable failures only, Retry-After honoured) with a short fixed back-off. */
    static RetryConfig fastRetry(int maxAttempts, Duration backoff) {
        return RetryConfig.from(TokenResilience.retryConfig())
                .maxAttempts(maxAttempts)
                .intervalBiFunction(TokenResilience.retryAfterOr(IntervalFunction.of(backoff), Duration.ofSeconds(1)))
                .build();
    }

    /**
     * A breaker that never records a failure, for tests whose subject is what each answer does, not the breaker
     * (the adapter's own tests cover it).
     */
    static CircuitBreakerConfig neverOpens() {
        return CircuitBreakerConfig.custom().recordException(t -> false).build();
    }

    /**
     * The real time of a simulation driven by {@link ManualClock}: it follows the monotonic ticker, so it moves with
     * {@link ManualClock#advance} but not with {@link ManualClock#jumpWallClock} (the sandbox's clock when only the
     * client host's wall clock is wrong).
     */
    static Clock realTimeOf(ManualClock time) {
        Instant start = time.instant();
        long startNanos = time.nanoTime();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("not needed");
            }

            @Override
            public Instant instant() {
                return start.plusNanos(time.nanoTime() - startNanos);
            }
        };
    }
}
