/**
 * The Feign adapter of the token endpoint port. {@link dev.snapbi.adapter.feign.FeignAccessTokens} builds a ready
 * {@link dev.snapbi.domain.token.AccessTokenService} in a few lines; {@link dev.snapbi.adapter.feign.FeignTokenEndpoint}
 * is the bare {@link dev.snapbi.domain.port.TokenEndpoint}; {@link dev.snapbi.adapter.feign.TokenResilience} holds the
 * Resilience4j defaults and rules.
 */
package dev.snapbi.adapter.feign;
