package dev.snapbi.domain.port;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenCacheKey;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port: a {@link TokenCache} shared by a fleet of replicas that also coordinates who fetches. On a due
 * refresh a token service adopts a fresher shared token if there is one; otherwise it tries to take the
 * <em>fetch lease</em> for the key. The holder fetches and stores with its lease's <em>fence</em>; a store with an
 * older fence is refused, so a holder that was paused past its lease cannot overwrite a newer token.
 * <p>
 * Expiry never compares two hosts' wall clocks: {@link #read} reports the remaining lifetime as the store itself
 * measures it (Redis {@code PTTL}), and the reader tracks it on its own monotonic clock.
 * Implementations: {@code dev.snapbi.domain.token.InMemoryTokenCache} (one JVM) and snap-cache-redis's
 * {@code RedisTokenCache}. Every method may do I/O and may throw a {@link RuntimeException} when the store is
 * unreachable; the token service then fetches for itself and never fails a caller because of the store.
 */
public interface CoordinatedTokenCache extends TokenCache {

    /** The stored token with its remaining lifetime by the store's clock, if any and not yet expired there. */
    Optional<SharedToken> read(TokenCacheKey key);

    /**
     * Tries to become the one replica fetching for this key, for at most {@code ttl}.
     *
     * @param owner who asks (unique per token service instance); shown in nothing secret
     * @return the lease with a fence larger than every fence issued before for this key, or empty when another
     * owner holds an unexpired lease
     */
    Optional<FetchLease> tryAcquireLease(TokenCacheKey key, String owner, Duration ttl);

    /**
     * Stores the token for {@code ttl} only if no newer lease was issued for the key since {@code lease} (fenced
     * compare-and-set).
     *
     * @return whether the token was stored
     */
    boolean storeFenced(FetchLease lease, AccessToken token, Duration ttl);

    /** Gives the lease back if it is still held by its owner with its fence; whether it was. */
    boolean releaseLease(FetchLease lease);

    /**
     * A token read from the shared store.
     *
     * @param token     the token
     * @param remaining how long the store keeps it from now (its own TTL), always positive
     */
    record SharedToken(AccessToken token, Duration remaining) {

        /** Validates. */
        public SharedToken {
            Objects.requireNonNull(token, "token");
            if (remaining == null || remaining.isNegative() || remaining.isZero()) {
                throw new SnapConfigurationException("a shared token needs a positive remaining lifetime, got "
                        + remaining);
            }
        }
    }

    /**
     * The right to fetch for a key until the lease expires.
     *
     * @param key   whose token
     * @param owner who holds it
     * @param fence strictly increasing per key: a later lease always has a larger fence
     */
    record FetchLease(TokenCacheKey key, String owner, long fence) {

        /** Validates. */
        public FetchLease {
            Objects.requireNonNull(key, "key");
            if (owner == null || owner.isBlank()) {
                throw new SnapConfigurationException("a fetch lease needs an owner");
            }
        }
    }
}
