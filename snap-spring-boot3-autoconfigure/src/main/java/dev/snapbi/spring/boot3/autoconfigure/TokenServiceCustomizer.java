package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.domain.token.AccessTokenService;

/**
 * Adjusts the token service of each client made from properties (refresh policy, executor, shared cache), after the
 * {@code snapbi.nicepay.token.*} properties were applied. Define it as a bean; several are applied in their
 * {@code @Order}. Listeners go through {@link NicepayTokenListenerFactory} instead, so that several can observe.
 */
@FunctionalInterface
public interface TokenServiceCustomizer {

    /**
     * @param clientName {@code default} or the name under {@code snapbi.nicepay.clients}
     * @param builder    the token service's builder
     */
    void customize(String clientName, AccessTokenService.Builder builder);
}
