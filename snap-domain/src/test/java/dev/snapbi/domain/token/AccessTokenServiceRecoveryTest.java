package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TokenCache;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ManualTime;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 items 3, 7 and 8: a token service that recovers, invalidations that stay, no expired token handed out. */
@Timeout(120)
class AccessTokenServiceRecoveryTest {

    private static final Duration SAFETY_NET = Duration.ofSeconds(60);

    private final ManualTime time = ManualTime.create();
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private final List<AccessTokenService> services = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeServices() {
        endpoint.open();
        services.forEach(AccessTokenService::close);
    }

    private AccessTokenService.Builder builder(TokenEndpoint tokenEndpoint) {
        return AccessTokenService.builder()
                .endpoint(tokenEndpoint)
                .requests(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), new DigestSigner(), time,
                        ProviderProfile.nicepayDevelopment()))
                .clock(time)
                .ticker(time);
    }

    private AccessTokenService service(AccessTokenService.Builder builder) {
        AccessTokenService s = builder.build();
        services.add(s);
        return s;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).as("latch reached").isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- item 3: lost, refused and hung fetches ----

    @Test
    void an_executor_that_silently_drops_the_task_does_not_wedge_the_service() {
        AtomicInteger submitted = new AtomicInteger();
        Executor dropsTheFirst = task -> {
            if (submitted.incrementAndGet() > 1) {
                task.run();
            }
        };
        AccessTokenService tokens = service(builder(endpoint).executor(dropsTheFirst)
                .maxWait(Duration.ofMillis(50)).fetchTimeout(Duration.ofSeconds(5)));

        assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapUnavailableException.class);
        assertThat(tokens.isFetching()).isTrue();

        time.advance(Duration.ofSeconds(6)); // past the fetch deadline and the back-off after it
        AccessToken token = tokens.accessToken();
        assertThat(token.value()).startsWith("token-1-");
        assertThat(submitted.get()).isEqualTo(2);
        assertThat(tokens.isFetching()).isFalse();
    }

    @Test
    void an_executor_that_throws_gives_a_typed_error_and_the_service_stays_usable() {
        AtomicInteger submitted = new AtomicInteger();
        Executor throwsOnce = task -> {
            if (submitted.incrementAndGet() == 1) {
                throw new IllegalStateException("pool shutting down");
            }
            task.run();
        };
        AccessTokenService tokens = service(builder(endpoint).executor(throwsOnce));

        assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapUnavailableException.class)
                .hasMessageContaining("IllegalStateException").hasMessageContaining("executor");
        assertThat(tokens.isFetching()).isFalse();
        time.advance(Duration.ofSeconds(1)); // the back-off
        assertThat(tokens.accessToken().value()).startsWith("token-1-");
    }

    /** Answers from a script; the call marked as hanging blocks until interrupted. */
    private static final class HangingEndpoint implements TokenEndpoint {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch hangingEntered = new CountDownLatch(1);
        final CountDownLatch hangingInterrupted = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        final int hangingCall;

        HangingEndpoint(int hangingCall) {
            this.hangingCall = hangingCall;
        }

        @Override
        public TokenGrant requestToken(TokenRequestSupplier requests) {
            int n = calls.incrementAndGet();
            requests.get();
            if (n == hangingCall) {
                hangingEntered.countDown();
                try {
                    released.await(); // an endpoint that never answers, until interrupted
                } catch (InterruptedException e) {
                    hangingInterrupted.countDown();
                    throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED, "interrupted",
                            e);
                }
            }
            return ScriptedTokenEndpoint.grant("token-" + n + "-" + "y".repeat(24), Duration.ofSeconds(900));
        }
    }

    @Test
    void a_hung_fetch_is_abandoned_at_its_deadline_and_a_new_one_delivers() throws Exception {
        HangingEndpoint hanging = new HangingEndpoint(2);
        AccessTokenService tokens = service(builder(hanging).fetchTimeout(Duration.ofSeconds(10)));
        AccessToken first = tokens.accessToken();
        time.advance(Duration.ofSeconds(841)); // prefetch window
        assertThat(tokens.accessToken()).isSameAs(first);
        await(hanging.hangingEntered);

        time.advance(Duration.ofSeconds(45)); // stale, long past the hung fetch's deadline and back-off
        assertThat(tokens.accessToken().value()).startsWith("token-3-"); // waits for the new fetch
        await(hanging.hangingInterrupted);
        assertThat(hanging.calls.get()).isEqualTo(3);
    }

    @Test
    void close_interrupts_the_fetch_thread_the_service_owns() throws Exception {
        HangingEndpoint hanging = new HangingEndpoint(1);
        AccessTokenService tokens = service(builder(hanging));
        Thread caller = new Thread(() -> {
            try {
                tokens.accessToken();
            } catch (RuntimeException expected) {
                // closed meanwhile
            }
        });
        caller.start();
        await(hanging.hangingEntered);
        tokens.close();
        await(hanging.hangingInterrupted);
        caller.join(SAFETY_NET.toMillis());
        assertThat(caller.isAlive()).isFalse();
    }

    // ---- item 7: invalidation is final ----

    /** A shared cache whose removal takes a round trip, during which the test acts. */
    private static final class SlowRemovalCache implements TokenCache {
        final InMemoryTokenCache inner;
        final CountDownLatch removing = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);

        SlowRemovalCache(ManualTime time) {
            inner = InMemoryTokenCache.create(time, time);
        }

        @Override
        public Optional<AccessToken> get(TokenCacheKey key) {
            return inner.get(key);
        }

        @Override
        public boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement) {
            if (replacement == null) {
                removing.countDown();
                try {
                    proceed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.compareAndSet(key, expected, replacement);
        }
    }

    @Test
    void a_fetch_during_the_shared_removal_does_not_adopt_the_invalidated_token_again() throws Exception {
        SlowRemovalCache cache = new SlowRemovalCache(time);
        AccessTokenService tokens = service(builder(endpoint).cache(cache).executor(Runnable::run));
        AccessToken dead = tokens.accessToken();

        Thread invalidator = new Thread(() -> tokens.invalidate(dead));
        invalidator.start();
        await(cache.removing);
        tokens.accessToken(); // concurrent with the invalidation: may still see it, or fetch meanwhile
        cache.proceed.countDown();
        invalidator.join(SAFETY_NET.toMillis());

        assertThat(tokens.accessToken()).isNotEqualTo(dead);
        assertThat(cache.get(tokens.cacheKey())).isNotEqualTo(Optional.of(dead));
    }

    @Test
    void under_load_no_caller_ever_gets_a_token_after_its_invalidation_returned() throws Exception {
        AccessTokenService tokens = service(builder(endpoint));
        List<AccessToken> dead = new CopyOnWriteArrayList<>();
        AtomicReference<String> violation = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        int rounds = 2000;
        Thread invalidator = new Thread(() -> {
            awaitQuietly(start);
            for (int i = 0; i < rounds && violation.get() == null; i++) {
                AccessToken t = tokens.accessToken();
                tokens.invalidate(t);
                dead.add(t);
            }
        });
        List<Thread> readers = new CopyOnWriteArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(new Thread(() -> {
                awaitQuietly(start);
                while (invalidator.isAlive() && violation.get() == null) {
                    List<AccessToken> known = List.copyOf(dead);
                    AccessToken got = tokens.accessToken();
                    if (known.contains(got)) {
                        violation.set("got " + got + " after it was invalidated");
                    }
                }
            }));
        }
        invalidator.start();
        readers.forEach(Thread::start);
        start.countDown();
        invalidator.join();
        for (Thread t : readers) {
            t.join();
        }
        assertThat(violation.get()).isNull();
        assertThat(dead).hasSize(rounds).doesNotHaveDuplicates();
    }

    // ---- item 8: never an expired token ----

    @Test
    void a_grant_that_expires_before_its_answer_arrives_is_a_typed_error_not_an_expired_token() {
        endpoint.thenAnswer(() -> ScriptedTokenEndpoint.grant("short-lived-xxxxxxxxxxxxxxxxxxxx",
                Duration.ofSeconds(1)));
        endpoint.during(() -> time.advance(Duration.ofMillis(1200)));
        AccessTokenService tokens = service(builder(endpoint));
        assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapProtocolException.class)
                .hasMessageContaining("1 s").hasMessageContaining("expire before");
    }

    @Test
    void a_grant_barely_longer_than_its_round_trip_is_refused_too() {
        endpoint.thenAnswer(() -> ScriptedTokenEndpoint.grant("short-lived-xxxxxxxxxxxxxxxxxxxx",
                Duration.ofSeconds(2)));
        endpoint.during(() -> time.advance(Duration.ofMillis(1900))); // 0.1 s left: past its stale point
        assertThatThrownBy(service(builder(endpoint))::accessToken).isInstanceOf(SnapProtocolException.class);
    }

    @Test
    void a_slow_answer_with_enough_life_left_is_used() {
        endpoint.thenAnswer(() -> ScriptedTokenEndpoint.grant("slow-but-fine-xxxxxxxxxxxxxxxxxxxx",
                Duration.ofSeconds(2)));
        endpoint.during(() -> time.advance(Duration.ofMillis(1100))); // 0.9 s left, before its stale point
        assertThat(service(builder(endpoint)).accessToken().value()).startsWith("slow-but-fine");
    }

    @Test
    void a_token_adopted_from_a_shared_cache_expires_by_the_stores_lifetime_not_by_a_skewed_clock() {
        InMemoryTokenCache shared = InMemoryTokenCache.create(time, time);
        AccessTokenService one = service(builder(endpoint).cache(shared));
        AccessTokenService behind = service(builder(endpoint).cache(shared)
                .clock(Clock.offset(time, Duration.ofMinutes(-10)))); // this host's wall clock is 10 min late
        AccessToken token = one.accessToken();
        assertThat(behind.accessToken()).isEqualTo(token);
        assertThat(endpoint.calls()).isEqualTo(1);

        time.advance(Duration.ofSeconds(900)); // expired by every monotonic clock
        assertThat(behind.accessToken()).isNotEqualTo(token);
        assertThat(one.accessToken()).isNotEqualTo(token);
    }
}
