package dev.snapbi.examples.merchant;

import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.spring.boot3.autoconfigure.test.AutoConfigureSnapSandbox;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with {@code snapbi.nicepay.cache.type=redis} on a real redis-server, under Boot's managed Lettuce: the
 * token is kept in Redis (sealed), and another replica's token is adopted instead of fetched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureSnapSandbox(clientKey = "REDISMERCHANT")
class RedisTokenStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("snapbi.nicepay.cache.type", () -> "redis");
        registry.add("snapbi.nicepay.cache.redis.uri", REDIS::uri);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:redis-test");
    }

    @Autowired
    AccessTokenProvider tokens;

    @Autowired
    NicepayClient nicepay;

    @Autowired
    SnapSandbox sandbox;

    @Autowired
    MeterRegistry meters;

    @Test
    void the_token_lives_in_redis_sealed_and_a_token_another_replica_stored_is_adopted() throws Exception {
        String token = tokens.accessToken().value();
        assertThat(meters.get("snapbi.token.requests").tag("result", "fetched").counter().count()).isEqualTo(1.0);
        String keys = REDIS.command("KEYS *");
        assertThat(keys).contains("snapbi:v1:").contains(":token").doesNotContain("REDISMERCHANT");
        String tokenKey = keys.lines().filter(line -> line.contains(":token")).findFirst().orElseThrow().strip();
        assertThat(REDIS.command("GET " + tokenKey)).doesNotContain(token);

        // a second replica (its own NicepayClient on the same properties and Redis) adopts instead of fetching
        long issued = sandbox.stats().tokensIssued();
        RedisClient lettuce = RedisClient.create(REDIS.uri());
        try (dev.snapbi.cache.redis.RedisTokenCache shared = dev.snapbi.cache.redis.RedisTokenCache.builder()
                .client(lettuce).encryptionSecret(secret()).build();
             NicepayClient replica = NicepayClient.builder().environment(nicepay.environment())
                     .clientKey(nicepay.clientKey()).privateKeyPem(property("snapbi.nicepay.private-key"))
                     .clientSecret(secret()).tokenCache(shared).build()) {
            assertThat(replica.accessTokens().accessToken().value()).isEqualTo(token);
        } finally {
            lettuce.shutdown();
        }
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(issued);
    }

    @Autowired
    org.springframework.core.env.Environment environment;

    private String property(String name) {
        return environment.getRequiredProperty(name);
    }

    private String secret() {
        return property("snapbi.nicepay.client-secret");
    }
}
