package dev.snapbi.contract.feign;

import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.testing.tck.EndpointSettings;
import dev.snapbi.testing.tck.TokenEndpointContract;
import dev.snapbi.domain.port.TokenEndpoint;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

/**
 * The Feign adapter passes the token endpoint contract: its default Resilience4j retry rules with the contract's
 * attempt count and a 20 ms back-off (so the suite does not wait), {@code Retry-After} honoured up to 2 s.
 */
class FeignTokenEndpointContractTest extends TokenEndpointContract {

    @Override
    protected TokenEndpoint createEndpoint(EndpointSettings settings) {
        return FeignTokenEndpoint.builder()
                .profile(settings.profile())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .retryConfig(RetryConfig.from(TokenResilience.retryConfig())
                        .maxAttempts(settings.maxAttempts())
                        .intervalBiFunction(TokenResilience.retryAfterOr(IntervalFunction.of(Duration.ofMillis(20)),
                                Duration.ofSeconds(2)))
                        .build())
                .build();
    }
}
