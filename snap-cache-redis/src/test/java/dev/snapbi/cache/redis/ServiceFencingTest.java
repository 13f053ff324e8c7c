package dev.snapbi.cache.redis;

import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.token.TokenRefreshPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Fencing end to end: a lease holder paused past its lease cannot overwrite the newer token in Redis. */
@Timeout(120)
class ServiceFencingTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final TokenCacheKey key = TokenCacheKey.of("https://sandbox.test/" + UUID.randomUUID(),
            ClientKey.of("IONPAYTEST"));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private RedisTokenCache cache() {
        RedisTokenCache cache = RedisTokenCache.builder().uri(REDIS.uri()).encryptionSecret("a secret of the fleet")
                .build();
        closeables.add(cache);
        return cache;
    }

    private AccessTokenService service(ScriptedTokenEndpoint endpoint, Duration leaseTtl) {
        AccessTokenService service = AccessTokenService.builder()
                .endpoint(endpoint)
                .requests(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), new DigestSigner(),
                        Clock.systemUTC(), ProviderProfile.nicepayDevelopment()))
                .cache(cache())
                .cacheKey(key)
                .policy(TokenRefreshPolicy.builder().leaseTtl(leaseTtl).build())
                .build();
        closeables.add(service);
        return service;
    }

    @Test
    void a_holder_paused_past_its_lease_cannot_overwrite_the_newer_token_nor_invalidate_it() throws Exception {
        CountDownLatch pausedHolderFetching = new CountDownLatch(1);
        ScriptedTokenEndpoint pausedEndpoint = new ScriptedTokenEndpoint()
                .thenAnswer(() -> ScriptedTokenEndpoint.grant("paused-holder-token-xxxxxxxxxxxxxxxx",
                        Duration.ofSeconds(900)))
                .during(pausedHolderFetching::countDown)
                .closeGate(); // the scripted pause: the holder's request hangs until the test lets it go
        ScriptedTokenEndpoint newerEndpoint = new ScriptedTokenEndpoint()
                .thenAnswer(() -> ScriptedTokenEndpoint.grant("newer-holder-token-xxxxxxxxxxxxxxxxx",
                        Duration.ofSeconds(900)));
        AccessTokenService paused = service(pausedEndpoint, Duration.ofMillis(500));
        AccessTokenService newer = service(newerEndpoint, Duration.ofSeconds(30));

        AtomicReference<AccessToken> pausedGot = new AtomicReference<>();
        Thread pausedCaller = new Thread(() -> pausedGot.set(paused.accessToken()));
        pausedCaller.start();
        assertThat(pausedHolderFetching.await(60, TimeUnit.SECONDS)).isTrue(); // it holds the lease, paused

        AccessToken newerToken = newer.accessToken(); // waits out the paused holder's lease, then fetches
        assertThat(newerToken.value()).startsWith("newer-holder");
        assertThat(cache().read(key).orElseThrow().token()).isEqualTo(newerToken);

        pausedEndpoint.open(); // the paused holder wakes up and tries to store its late token
        pausedCaller.join(60_000);
        assertThat(pausedGot.get().value()).startsWith("paused-holder");
        assertThat(cache().read(key).orElseThrow().token()).as("the late write was fenced off")
                .isEqualTo(newerToken);

        paused.invalidate(pausedGot.get()); // an old token's invalidation
        assertThat(cache().read(key).orElseThrow().token()).isEqualTo(newerToken);
        assertThat(pausedEndpoint.calls()).isEqualTo(1);
        assertThat(newerEndpoint.calls()).isEqualTo(1);
    }
}
