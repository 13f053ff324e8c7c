package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ManualTime;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17 in one JVM: services sharing a coordinated cache, the refresh policy value, jittered prefetch points. */
@Timeout(120)
class SharedCacheCoordinationTest {

    private final ManualTime time = ManualTime.create();
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private final InMemoryTokenCache shared = InMemoryTokenCache.create(time, time);
    private final List<AccessTokenService> services = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeServices() {
        endpoint.open();
        services.forEach(AccessTokenService::close);
    }

    private AccessTokenService service(AccessTokenService.Builder builder) {
        AccessTokenService s = builder.build();
        services.add(s);
        return s;
    }

    private AccessTokenService.Builder builder() {
        return AccessTokenService.builder()
                .endpoint(endpoint)
                .requests(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), new DigestSigner(), time,
                        ProviderProfile.nicepayDevelopment()))
                .clock(time)
                .ticker(time)
                .cache(shared);
    }

    @Test
    void six_services_started_together_make_one_fetch_between_them() throws Exception {
        CountDownLatch holderFetching = new CountDownLatch(1);
        endpoint.during(holderFetching::countDown).closeGate();
        Set<AccessToken> received = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AccessTokenService s = service(builder()
                    .policy(TokenRefreshPolicy.builder().leaseTtl(Duration.ofSeconds(100)).build()));
            Thread t = new Thread(() -> {
                try {
                    received.add(s.accessToken());
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            threads.add(t);
        }
        assertThat(holderFetching.await(60, TimeUnit.SECONDS)).isTrue();
        endpoint.open();
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(received).hasSize(1);
    }

    /** Queues tasks while closed; runs them inline while open. */
    private static final class GatedExecutor implements Executor {
        final AtomicBoolean inline = new AtomicBoolean(true);
        final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            if (inline.get()) {
                task.run();
            } else {
                queued.add(task);
            }
        }
    }

    @Test
    void while_another_replica_holds_the_lease_a_service_keeps_its_valid_token_and_does_not_fetch() {
        GatedExecutor holderExecutor = new GatedExecutor();
        AccessTokenService holder = service(builder().executor(holderExecutor));
        AccessTokenService other = service(builder().executor(Runnable::run)
                .policy(TokenRefreshPolicy.builder().prefetchJitter(0).build()));
        AccessToken first = holder.accessToken();
        assertThat(other.accessToken()).isEqualTo(first); // adopted
        assertThat(endpoint.calls()).isEqualTo(1);

        time.advance(Duration.ofSeconds(842)); // the other's prefetch window
        // another replica took the lease and is fetching, but its answer has not come yet
        var lease = shared.tryAcquireLease(holder.cacheKey(), "a-replica-mid-fetch", Duration.ofSeconds(40));
        assertThat(lease).isPresent();
        assertThat(other.accessToken()).isEqualTo(first);
        assertThat(endpoint.calls()).as("no second fetch while the lease is held").isEqualTo(1);

        // the lease holder delivers: the other adopts it when it looks again
        AccessToken delivered = ScriptedTokenEndpoint.grant("delivered-by-holder-xxxxxxxxxxxxxx",
                Duration.ofSeconds(900)).toAccessToken(time.instant());
        assertThat(shared.storeFenced(lease.get(), delivered, Duration.ofSeconds(900))).isTrue();
        shared.releaseLease(lease.get());
        time.advance(Duration.ofSeconds(30)); // past any look-again delay, before the stale point
        assertThat(other.accessToken()).isEqualTo(first); // looks again in the background (inline here)
        assertThat(other.accessToken()).isEqualTo(delivered);
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void replicas_sharing_a_cache_spread_their_prefetch_points_over_the_window() {
        List<GatedExecutor> executors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GatedExecutor executor = new GatedExecutor();
            executors.add(executor);
            AccessTokenService s = service(builder().executor(executor)
                    .policy(TokenRefreshPolicy.builder().prefetchJitter(1.0).build()));
            s.accessToken(); // the first fetches, the others adopt
            executor.inline.set(false);
        }
        assertThat(endpoint.calls()).isEqualTo(1);
        time.advance(Duration.ofSeconds(862)); // the middle of the window [840 s, 885 s]
        services.forEach(AccessTokenService::accessToken);
        long woken = executors.stream().filter(e -> !e.queued.isEmpty()).count();
        assertThat(woken).as("replicas past their own prefetch point").isBetween(1L, 39L);
    }

    /** A shared cache that can be switched off, as a network store goes down. */
    private static final class FlakyCache implements dev.snapbi.domain.port.CoordinatedTokenCache {
        final InMemoryTokenCache inner;
        final AtomicBoolean down = new AtomicBoolean();

        FlakyCache(InMemoryTokenCache inner) {
            this.inner = inner;
        }

        private void check() {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public java.util.Optional<SharedToken> read(dev.snapbi.domain.model.TokenCacheKey key) {
            check();
            return inner.read(key);
        }

        @Override
        public java.util.Optional<FetchLease> tryAcquireLease(dev.snapbi.domain.model.TokenCacheKey key,
                                                              String owner, Duration ttl) {
            check();
            return inner.tryAcquireLease(key, owner, ttl);
        }

        @Override
        public boolean storeFenced(FetchLease lease, AccessToken token, Duration ttl) {
            check();
            return inner.storeFenced(lease, token, ttl);
        }

        @Override
        public boolean releaseLease(FetchLease lease) {
            check();
            return inner.releaseLease(lease);
        }

        @Override
        public java.util.Optional<AccessToken> get(dev.snapbi.domain.model.TokenCacheKey key) {
            check();
            return inner.get(key);
        }

        @Override
        public boolean compareAndSet(dev.snapbi.domain.model.TokenCacheKey key, AccessToken expected,
                                     AccessToken replacement) {
            check();
            return inner.compareAndSet(key, expected, replacement);
        }
    }

    @Test
    void a_store_outage_is_reported_once_callers_never_fail_and_sharing_resumes_by_itself() {
        FlakyCache flaky = new FlakyCache(shared);
        List<String> events = new CopyOnWriteArrayList<>();
        AccessTokenService tokens = service(builder().cache(flaky).executor(Runnable::run)
                .listener(new TokenEventListener() {
                    @Override
                    public void onStoreUnavailable(String problem) {
                        events.add("down " + problem);
                    }

                    @Override
                    public void onStoreRecovered() {
                        events.add("up");
                    }

                    @Override
                    public void onTokenFetched(AccessToken token, dev.snapbi.domain.model.TokenGrant grant) {
                        events.add("fetched");
                    }
                }));
        flaky.down.set(true);
        for (int cycle = 0; cycle < 5; cycle++) {
            assertThat(tokens.accessToken()).isNotNull();
            time.advance(Duration.ofSeconds(890)); // past the stale point: every cycle refreshes
        }
        assertThat(events).filteredOn(e -> e.startsWith("down")).containsExactly("down IllegalStateException");
        assertThat(shared.size()).as("nothing could be shared").isZero();

        flaky.down.set(false);
        AccessToken afterOutage = tokens.accessToken();
        assertThat(events).contains("up");
        assertThat(shared.read(tokens.cacheKey()).orElseThrow().token()).isEqualTo(afterOutage);
        assertThat(events).filteredOn("fetched"::equals).hasSize(6);
    }

    @Test
    void the_refresh_policy_is_validated_and_immutable() {
        TokenRefreshPolicy policy = TokenRefreshPolicy.defaults();
        assertThat(policy.prefetchBefore()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.toBuilder().build()).isEqualTo(policy);
        assertThat(policy.toBuilder().leaseTtl(Duration.ofSeconds(3)).build()).isNotEqualTo(policy);
        assertThatThrownBy(() -> TokenRefreshPolicy.builder().prefetchJitter(1.5).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("prefetchJitter");
        assertThatThrownBy(() -> TokenRefreshPolicy.builder().fetchTimeout(Duration.ZERO).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("fetchTimeout");
        assertThatThrownBy(() -> TokenRefreshPolicy.builder().minBackoff(Duration.ofSeconds(-1)).build())
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> TokenRefreshPolicy.builder().maxWait(Duration.ofDays(400)).build())
                .isInstanceOf(SnapConfigurationException.class);
        assertThat(service(builder().policy(policy)).policy()).isEqualTo(policy);
    }
}
