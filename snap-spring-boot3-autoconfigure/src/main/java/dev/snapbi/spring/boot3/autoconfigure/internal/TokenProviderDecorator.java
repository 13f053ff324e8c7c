package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.token.TokenRefreshPolicy;

/** Wraps each client's token provider (the one its calls go through), e.g. to count requests by result. */
@FunctionalInterface
public interface TokenProviderDecorator {

    /** The provider to use for the named client; {@code policy} tells where its prefetch point is. */
    AccessTokenProvider decorate(String clientName, AccessTokenProvider tokens, TokenRefreshPolicy policy);
}
