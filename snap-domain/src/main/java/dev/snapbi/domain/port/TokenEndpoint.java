package dev.snapbi.domain.port;

import dev.snapbi.domain.model.TokenGrant;

/**
 * Outbound port: the provider's B2B token endpoint over some transport (the Feign adapter, or your own). One call is
 * one logical request; the implementation may make several attempts (retries), and calls {@code requests.get()}
 * for each so every attempt carries a fresh timestamp and signature.
 */
@FunctionalInterface
public interface TokenEndpoint {

    /**
     * Requests a token.
     *
     * @return the grant of a success answer (never null)
     * @throws dev.snapbi.domain.error.SnapException typed by meaning for every failure: rejected (4xx), unavailable
     *                                               (5xx, 429, timeouts, IO, open circuit) or protocol violation
     */
    TokenGrant requestToken(TokenRequestSupplier requests);
}
