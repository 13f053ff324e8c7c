package dev.snapbi.cache.redis;

import dev.snapbi.cache.redis.internal.RedisKeys;
import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.CoordinatedTokenCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a real redis-server. */
class RedisTokenCacheContractTest extends CoordinatedTokenCacheContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static RedisTokenCache cache;

    @BeforeAll
    static void connect() {
        cache = RedisTokenCache.builder().uri(REDIS.uri()).encryptionSecret("a secret every replica has").build();
    }

    @AfterAll
    static void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Override
    CoordinatedTokenCache cache() {
        return cache;
    }

    @Override
    void expireLease(TokenCacheKey key) throws Exception {
        // what the TTL would do: the lease key disappears (PEXPIRE 1 ms, then make sure it is gone)
        String lease = RedisKeys.of(key).lease();
        REDIS.command("PEXPIRE " + lease + " 1");
        String answer;
        do {
            answer = REDIS.command("EXISTS " + lease);
        } while (!answer.startsWith(":0"));
        assertThat(answer).startsWith(":0");
    }
}
