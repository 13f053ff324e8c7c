package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.TestSupport;
import java.time.Instant;
import dev.snapbi.testing.ManualClock;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.snapbi.adapter.feign.TestSupport.endpointFor;
import static dev.snapbi.adapter.feign.TestSupport.fastRetry;
import static dev.snapbi.adapter.feign.TestSupport.requestsFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The circuit breaker around the token endpoint, with real failures from the sandbox and the breaker's own clock
 * moved by hand instead of sleeping through the open state.
 */
@ExtendWith(SnapSandboxExtension.class)
class CircuitBreakerTest {

    private SnapSandbox sandbox;
    private SandboxClient client;
    private ManualClock breakerClock;
    private FeignTokenEndpoint endpoint;
    private final List<CircuitBreakerOnStateTransitionEvent> transitions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
        sandbox.resetStats();
        breakerClock = ManualClock.create();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.from(TokenResilience.circuitBreakerConfig())
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .clock(breakerClock)
                .build();
        endpoint = endpointFor(sandbox).retryConfig(fastRetry(2)).circuitBreakerConfig(breaker).build();
        endpoint.circuitBreaker().getEventPublisher().onStateTransition(transitions::add);
    }

    private void openTheCircuit() {
        sandbox.faults().failNext(2, 500, "5007300", "General Error");
        assertThatThrownBy(() -> endpoint.requestToken(requestsFor(client)))
                .isInstanceOf(SnapUnavailableException.class);
        assertThat(endpoint.circuitBreaker().getState()).isEqualTo(State.OPEN);
        sandbox.resetStats();
    }

    @Test
    void opens_after_repeated_server_errors_and_then_fails_fast_without_sending() {
        openTheCircuit();

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(error.getMessage()).contains("circuit breaker").contains("is open")
                .contains("client " + client.clientKey());
        assertThat(sandbox.stats().tokenRequests()).as("no request reached the sandbox").isZero();
        assertThat(endpoint.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt())
                .as("an open circuit is not retried").isEqualTo(1);
    }

    @Test
    void lets_one_probe_through_after_the_wait_and_closes_when_it_succeeds() {
        openTheCircuit();

        breakerClock.advance(Duration.ofSeconds(31));
        TokenGrant grant = endpoint.requestToken(requestsFor(client));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
        assertThat(endpoint.circuitBreaker().getState()).isEqualTo(State.CLOSED);
        assertThat(transitions).extracting(CircuitBreakerOnStateTransitionEvent::getStateTransition)
                .containsExactly(StateTransition.CLOSED_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN,
                        StateTransition.HALF_OPEN_TO_CLOSED);
    }

    @Test
    void re_opens_when_the_probe_fails() {
        openTheCircuit();
        breakerClock.advance(Duration.ofSeconds(31));
        sandbox.faults().failNext(1, 503, "5037300", "Service Unavailable");

        SnapUnavailableException probe = catchThrowableOfType(SnapUnavailableException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(probe.reason()).as("the probe fails, the retry then meets the re-opened circuit")
                .isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(sandbox.stats().tokenRequests()).as("only the single probe was sent").isEqualTo(1);
        assertThat(endpoint.circuitBreaker().getState()).isEqualTo(State.OPEN);
    }

    @Test
    void stays_open_before_the_wait_is_over() {
        openTheCircuit();
        breakerClock.advance(Duration.ofSeconds(29));

        assertThatThrownBy(() -> endpoint.requestToken(requestsFor(client)))
                .isInstanceOfSatisfying(SnapUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
        assertThat(sandbox.stats().tokenRequests()).isZero();
    }

    @Test
    void protocol_violations_count_as_failures() {
        sandbox.faults().malformedNext(1).malformedNext(1);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> endpoint.requestToken(requestsFor(client)));
        }

        assertThat(endpoint.circuitBreaker().getState()).isEqualTo(State.OPEN);
    }

    @Test
    void rejections_never_open_the_circuit_even_with_a_config_that_records_everything() {
        CircuitBreakerConfig recordsAll = CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(2)
                .recordException(t -> true).build();
        FeignTokenEndpoint strict = endpointFor(sandbox).circuitBreakerConfig(recordsAll).build();
        sandbox.faults().failNext(4, 401, "4017300", "Unauthorized. [Signature]");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> strict.requestToken(requestsFor(client)))
                    .isInstanceOf(SnapAuthenticationException.class);
        }

        assertThat(strict.circuitBreaker().getState()).isEqualTo(State.CLOSED);
        assertThat(strict.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(4);
    }

    @Test
    void takes_its_instances_from_the_registries_given() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();

        FeignTokenEndpoint registered = endpointFor(sandbox).name("nicepay-dev-tokens")
                .circuitBreakerRegistry(breakers).retryRegistry(retries).build();

        assertThat(breakers.circuitBreaker("nicepay-dev-tokens")).isSameAs(registered.circuitBreaker());
        assertThat(retries.retry("nicepay-dev-tokens")).isSameAs(registered.retry());
        assertThat(registered.retry().getRetryConfig().getMaxAttempts()).isEqualTo(3);
    }
}
