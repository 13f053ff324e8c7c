/**
 * The access-token lifecycle: {@link dev.snapbi.domain.token.AccessTokenService} (refresh ahead, one fetch per
 * expiry, fleet coordination through a shared cache) implements the inbound port
 * {@link dev.snapbi.domain.port.AccessTokenProvider}; {@link dev.snapbi.domain.token.TokenRefreshPolicy} says when it
 * refreshes; {@link dev.snapbi.domain.token.B2bTokenRequestSupplier} signs each token request;
 * {@link dev.snapbi.domain.token.InMemoryTokenCache} is the default cache.
 */
package dev.snapbi.domain.token;
