package dev.snapbi.domain.port;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenCacheKey;

import java.util.Optional;

/**
 * Outbound port: where tokens are kept between fetches. Shaped as compare-and-set so a shared or distributed cache
 * (Redis, Hazelcast, a database row with a version) can implement it without lost updates. The default is
 * {@code dev.snapbi.domain.token.InMemoryTokenCache}.
 * <p>
 * The token service keeps its own in-memory view for the hot path and consults this cache only when it needs a token,
 * so implementations may do I/O.
 */
public interface TokenCache {

    /** The token stored under the key, if any. Expired tokens may be returned; the caller checks. */
    Optional<AccessToken> get(TokenCacheKey key);

    /**
     * Replaces the stored token with {@code replacement} only if the stored one equals {@code expected}.
     *
     * @param expected    the token believed stored, or {@code null} for "nothing stored"
     * @param replacement the new token, or {@code null} to remove
     * @return whether the swap happened
     */
    boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement);
}
