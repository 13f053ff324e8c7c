import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.testing.tck.EndpointSettings;
import dev.snapbi.testing.tck.TokenEndpointContract;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

/** What a user writes to run the TCK against their adapter (here the Feign one), compiled and run on JUnit 5.9. */
class UserTokenEndpointContractTest extends TokenEndpointContract {

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
