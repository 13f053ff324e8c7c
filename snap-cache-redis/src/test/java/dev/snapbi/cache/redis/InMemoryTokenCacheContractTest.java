package dev.snapbi.cache.redis;

import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.CoordinatedTokenCache;
import dev.snapbi.domain.testing.ManualTime;
import dev.snapbi.domain.token.InMemoryTokenCache;

import java.time.Duration;

/** The contract against the in-memory implementation (time is manual). */
class InMemoryTokenCacheContractTest extends CoordinatedTokenCacheContract {

    private final ManualTime time = ManualTime.create();
    private final InMemoryTokenCache cache = InMemoryTokenCache.create(time, time);

    @Override
    CoordinatedTokenCache cache() {
        return cache;
    }

    @Override
    void expireLease(TokenCacheKey key) {
        time.advance(Duration.ofSeconds(31)); // every lease in these tests lasts 30 s
    }
}
