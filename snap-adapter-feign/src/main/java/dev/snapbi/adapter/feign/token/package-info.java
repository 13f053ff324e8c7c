/**
 * Access tokens over Feign. {@link dev.snapbi.adapter.feign.token.FeignAccessTokens} builds a ready
 * {@link dev.snapbi.domain.token.AccessTokenService} in a few lines; {@link dev.snapbi.adapter.feign.token.FeignTokenEndpoint}
 * is the bare {@link dev.snapbi.domain.port.TokenEndpoint}; {@link dev.snapbi.adapter.feign.token.TokenResilience} holds
 * the Resilience4j defaults and rules.
 */
package dev.snapbi.adapter.feign.token;
