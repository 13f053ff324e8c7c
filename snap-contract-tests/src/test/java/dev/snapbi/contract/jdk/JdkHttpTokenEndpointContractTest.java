package dev.snapbi.contract.jdk;

import dev.snapbi.adapter.jdk.JdkTokenEndpoint;
import dev.snapbi.contract.EndpointSettings;
import dev.snapbi.contract.TokenEndpointContract;
import dev.snapbi.domain.port.TokenEndpoint;

/** The {@code java.net.http} adapter (snap-adapter-jdk) passes the same contract as the Feign adapter, retries included. */
class JdkHttpTokenEndpointContractTest extends TokenEndpointContract {

    @Override
    protected TokenEndpoint createEndpoint(EndpointSettings settings) {
        return JdkTokenEndpoint.builder()
                .profile(settings.profile())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .maxAttempts(settings.maxAttempts())
                .build();
    }
}
