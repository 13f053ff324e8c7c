package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.domain.port.TokenEventListener;

/**
 * Makes a {@link TokenEventListener} for each client made from properties (metrics, audit). Define it as a bean;
 * every factory's listener observes, next to the ones the starter adds for health and metrics.
 */
@FunctionalInterface
public interface NicepayTokenListenerFactory {

    /**
     * @param clientName {@code default} or the name under {@code snapbi.nicepay.clients}
     * @return the listener, or {@link TokenEventListener#NONE}
     */
    TokenEventListener create(String clientName);
}
