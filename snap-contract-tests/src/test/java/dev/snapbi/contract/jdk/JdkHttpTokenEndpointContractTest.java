package dev.snapbi.contract.jdk;

import dev.snapbi.testing.tck.EndpointSettings;
import dev.snapbi.testing.tck.TokenEndpointContract;
import dev.snapbi.domain.port.TokenEndpoint;

/** The small {@code java.net.http} adapter passes the same contract as the Feign adapter, retries included. */
class JdkHttpTokenEndpointContractTest extends TokenEndpointContract {

    @Override
    protected TokenEndpoint createEndpoint(EndpointSettings settings) {
        return JdkHttpTokenEndpoint.create(settings.profile(), settings.connectTimeout(), settings.readTimeout(),
                settings.maxAttempts());
    }
}
