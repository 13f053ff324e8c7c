package dev.snapbi.contract;

import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.testing.tck.EndpointSettings;
import dev.snapbi.testing.tck.TokenEndpointContract;
import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenRequestSupplier;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The contract catches what it claims to: each deliberately broken endpoint below (the Feign adapter with one defect
 * added) fails the contract test aimed at that defect, for the reason the test states.
 */
class TokenEndpointContractSelfTest {

    @Test
    void catches_an_endpoint_that_resends_the_first_timestamp_and_signature_on_retries() {
        Throwable failure = failureOf(ResendsTheFirstRequest.class,
                "retries_a_general_error_with_a_fresh_timestamp_and_signature_per_attempt");

        assertThat(failure).hasMessageContaining("requests.get() calls");
    }

    @Test
    void catches_an_endpoint_that_assumes_nicepays_usual_token_lifetime() {
        Throwable failure = failureOf(AssumesNineHundredSeconds.class, "grants_a_token_for_a_correctly_signed_request");

        assertThat(failure).hasMessageContaining("expiresIn read from the answer");
    }

    @Test
    void catches_an_endpoint_that_retries_a_rejection() {
        Throwable failure = failureOf(RetriesEverything.class,
                "reports_an_invalid_field_format_as_a_bad_request_without_retrying");

        assertThat(failure).hasMessageContaining("requests.get() calls");
    }

    @Test
    void catches_an_endpoint_that_loses_the_kind_of_error() {
        Throwable failure = failureOf(TurnsEveryFailureIntoAProtocolError.class,
                "reports_a_signature_the_provider_cannot_verify_as_an_authentication_error");

        assertThat(failure).hasMessageContaining("SnapAuthenticationException");
    }

    @Test
    void catches_an_endpoint_that_puts_the_signature_in_its_error_messages() {
        Throwable failure = failureOf(ShowsTheSignature.class,
                "reports_a_general_error_as_unavailable_after_one_attempt_when_retries_are_off");

        assertThat(failure).hasMessageContaining("must not show a signature");
    }

    @Test
    void catches_an_endpoint_that_waits_for_an_answer_longer_than_its_read_timeout() {
        Throwable failure = failureOf(IgnoresTheReadTimeout.class,
                "gives_up_when_the_answer_takes_longer_than_the_read_timeout");

        assertThat(failure).hasMessageContaining("SnapUnavailableException");
    }

    /** Runs one test of the contract against a broken endpoint; it must fail, and this returns why. */
    private static Throwable failureOf(Class<? extends TokenEndpointContract> broken, String contractTest) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(broken, contractTest))
                .execute()
                .testEvents();

        assertThat(tests.started().count()).as("contract tests run").isEqualTo(1);
        assertThat(tests.failed().count()).as("contract tests failed").isEqualTo(1);
        return tests.failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    private static FeignTokenEndpoint feign(EndpointSettings settings) {
        return FeignTokenEndpoint.builder()
                .profile(settings.profile())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .retryConfig(RetryConfig.from(TokenResilience.retryConfig())
                        .maxAttempts(settings.maxAttempts())
                        .intervalBiFunction(TokenResilience.retryAfterOr(IntervalFunction.of(Duration.ofMillis(10)),
                                Duration.ofSeconds(1)))
                        .build())
                .build();
    }

    // ---------------------------------------------------------------- broken endpoints (run only from above)

    /** Calls {@code requests.get()} once and sends that request on every attempt. */
    static class ResendsTheFirstRequest extends TokenEndpointContract {
        @Override
        protected TokenEndpoint createEndpoint(EndpointSettings settings) {
            FeignTokenEndpoint endpoint = feign(settings);
            return requests -> {
                AtomicReference<TokenRequest> first = new AtomicReference<>();
                return endpoint.requestToken(new TokenRequestSupplier() {
                    @Override
                    public ClientKey clientKey() {
                        return requests.clientKey();
                    }

                    @Override
                    public TokenRequest get() {
                        return first.updateAndGet(r -> r != null ? r : requests.get());
                    }
                });
            };
        }
    }

    /** Reports every grant as lasting 900 s, whatever the answer said. */
    static class AssumesNineHundredSeconds extends TokenEndpointContract {
        @Override
        protected TokenEndpoint createEndpoint(EndpointSettings settings) {
            FeignTokenEndpoint endpoint = feign(settings);
            return requests -> {
                TokenGrant grant = endpoint.requestToken(requests);
                return TokenGrant.of(grant.responseCode(), grant.responseMessage(), grant.accessToken(),
                        grant.tokenType(), Duration.ofSeconds(900));
            };
        }
    }

    /** Retries every failure, rejections included. */
    static class RetriesEverything extends TokenEndpointContract {
        @Override
        protected TokenEndpoint createEndpoint(EndpointSettings settings) {
            FeignTokenEndpoint once = feign(settings.withMaxAttempts(1));
            return requests -> {
                SnapException last = null;
                for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
                    try {
                        return once.requestToken(requests);
                    } catch (SnapException e) {
                        last = e;
                    }
                }
                throw last;
            };
        }
    }

    /** Reports every failure as a protocol error. */
    static class TurnsEveryFailureIntoAProtocolError extends TokenEndpointContract {
        @Override
        protected TokenEndpoint createEndpoint(EndpointSettings settings) {
            FeignTokenEndpoint endpoint = feign(settings);
            return requests -> {
                try {
                    return endpoint.requestToken(requests);
                } catch (SnapException e) {
                    throw new SnapProtocolException("the token request failed: " + e.getMessage());
                }
            };
        }
    }

    /** Adds the signature it sent to the message of an unavailability. */
    static class ShowsTheSignature extends TokenEndpointContract {
        @Override
        protected TokenEndpoint createEndpoint(EndpointSettings settings) {
            FeignTokenEndpoint endpoint = feign(settings);
            return requests -> {
                AtomicReference<TokenRequest> last = new AtomicReference<>();
                try {
                    return endpoint.requestToken(new TokenRequestSupplier() {
                        @Override
                        public ClientKey clientKey() {
                            return requests.clientKey();
                        }

                        @Override
                        public TokenRequest get() {
                            TokenRequest request = requests.get();
                            last.set(request);
                            return request;
                        }
                    });
                } catch (SnapUnavailableException e) {
                    throw new SnapUnavailableException(e.reason(), e.getMessage() + " (sent X-SIGNATURE "
                            + last.get().signature().value() + ")", e.context(), null, null);
                }
            };
        }
    }

    /** Waits 30 s for an answer, whatever the settings say. */
    static class IgnoresTheReadTimeout extends TokenEndpointContract {
        @Override
        protected TokenEndpoint createEndpoint(EndpointSettings settings) {
            return feign(settings.withReadTimeout(Duration.ofSeconds(30)));
        }
    }
}
