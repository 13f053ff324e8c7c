package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.nicepay.NicepayClient;

/**
 * Adjusts the builder of each {@link NicepayClient} made from properties, after the properties were applied and
 * before it is built (e.g. a transport of your own, an external id generator). Define it as a bean; several are applied
 * in their {@code @Order}.
 */
@FunctionalInterface
public interface NicepayClientBuilderCustomizer {

    /**
     * @param clientName {@code default} for the single-merchant form, else the name under
     *                   {@code snapbi.nicepay.clients}
     * @param builder    the client's builder
     */
    void customize(String clientName, NicepayClient.Builder builder);
}
