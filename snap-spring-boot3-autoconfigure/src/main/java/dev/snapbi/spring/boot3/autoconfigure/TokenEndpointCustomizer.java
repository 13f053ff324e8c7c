package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;

/**
 * Adjusts the token endpoint (Feign, Resilience4j) of each client made from properties: retry and circuit breaker
 * configs, wire log level, your own Feign client. Define it as a bean; several are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface TokenEndpointCustomizer {

    /**
     * @param clientName {@code default} or the name under {@code snapbi.nicepay.clients}
     * @param builder    the endpoint's builder, with the properties applied
     */
    void customize(String clientName, FeignTokenEndpoint.Builder builder);
}
