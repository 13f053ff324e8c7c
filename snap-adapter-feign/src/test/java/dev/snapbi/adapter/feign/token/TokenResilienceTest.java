package dev.snapbi.adapter.feign.token;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.error.SnapUnavailableException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry and circuit breaker rules, on the domain's real error values. */
class TokenResilienceTest {

    private static SnapException answer(int status, String code, Duration retryAfter) {
        return SnapErrors.response(status).responseCode(code).serverMessage("x")
                .request("POST", "/nicepay/v1.0/access-token/b2b").retryAfter(retryAfter).toException();
    }

    @Test
    void retries_server_errors_429_timeouts_and_connection_failures() {
        assertThat(TokenResilience.isRetryable(answer(500, "5007300", null))).isTrue();
        assertThat(TokenResilience.isRetryable(answer(504, "5047300", null))).isTrue();
        assertThat(TokenResilience.isRetryable(answer(429, "4297300", null))).isTrue();
        assertThat(TokenResilience.isRetryable(new SnapUnavailableException(Reason.CONNECTION, "dropped", null)))
                .isTrue();
        assertThat(TokenResilience.isRetryable(new SnapUnavailableException(Reason.TIMEOUT, "slow", null))).isTrue();
    }

    @Test
    void never_retries_rejections_protocol_or_configuration_errors_an_open_circuit_or_an_interrupt() {
        for (String code : new String[] {"4007300", "4007301", "4007302", "4017300", "4037301", "4047316", "4097300"}) {
            SnapException rejected = answer(Integer.parseInt(code.substring(0, 3)), code, null);
            assertThat(TokenResilience.isRetryable(rejected)).as(code).isFalse();
            assertThat(TokenResilience.countsAsFailure(rejected)).as(code).isFalse();
            assertThat(TokenResilience.isIgnoredByCircuitBreaker(rejected)).as(code).isTrue();
        }
        assertThat(TokenResilience.isRetryable(new SnapProtocolException("bad json"))).isFalse();
        assertThat(TokenResilience.isRetryable(new SnapConfigurationException("bad key"))).isFalse();
        assertThat(TokenResilience.isRetryable(new SnapUnavailableException(Reason.CIRCUIT_OPEN, "open", null)))
                .isFalse();
        assertThat(TokenResilience.isRetryable(new SnapUnavailableException(Reason.INTERRUPTED, "stop", null)))
                .isFalse();
        assertThat(TokenResilience.isRetryable(new IllegalStateException("not ours"))).isFalse();
    }

    @Test
    void the_circuit_breaker_counts_unavailability_and_protocol_violations() {
        assertThat(TokenResilience.countsAsFailure(answer(503, "5037300", null))).isTrue();
        assertThat(TokenResilience.countsAsFailure(new SnapProtocolException("oversized"))).isTrue();
        assertThat(TokenResilience.isIgnoredByCircuitBreaker(new SnapConfigurationException("bad key"))).isTrue();
        assertThat(TokenResilience.isIgnoredByCircuitBreaker(answer(500, "5007300", null))).isFalse();
    }

    @Test
    void waits_what_retry_after_says_up_to_the_cap_and_backs_off_otherwise() {
        IntervalBiFunction<Object> interval = TokenResilience.retryAfterOr(IntervalFunction.of(Duration.ofMillis(7)),
                Duration.ofSeconds(10));

        assertThat(interval.apply(1, Either.left(answer(429, "4297300", Duration.ofSeconds(3))))).isEqualTo(3000L);
        assertThat(interval.apply(1, Either.left(answer(503, "5037300", Duration.ofMinutes(5))))).isEqualTo(10_000L);
        assertThat(interval.apply(2, Either.left(answer(500, "5007300", null)))).isEqualTo(7L);
        assertThat(interval.apply(1, Either.left(new SnapAuthenticationException("no",
                ErrorContext.NONE)))).isEqualTo(7L);
    }

    @Test
    void the_default_back_off_grows_exponentially_with_jitter_and_a_ceiling() {
        RetryConfig config = TokenResilience.retryConfig();
        IntervalBiFunction<Object> interval = config.getIntervalBiFunction();
        SnapException failure = answer(500, "5007300", null);

        assertThat(config.getMaxAttempts()).isEqualTo(3);
        assertThat(interval.apply(1, Either.left(failure))).isBetween(125L, 375L);
        assertThat(interval.apply(2, Either.left(failure))).isBetween(250L, 750L);
        assertThat(interval.apply(10, Either.left(failure))).isLessThanOrEqualTo(4000L);
    }

    @Test
    void refuses_a_negative_retry_after_cap() {
        assertThatThrownBy(() -> TokenResilience.retryAfterOr(IntervalFunction.of(1), Duration.ofSeconds(-1)))
                .isInstanceOf(SnapConfigurationException.class);
    }
}
