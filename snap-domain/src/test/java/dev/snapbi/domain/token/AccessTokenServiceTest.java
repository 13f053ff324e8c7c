package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ManualTime;
import dev.snapbi.domain.testing.QueueExecutor;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenServiceTest {

    private final ManualTime time = ManualTime.create();
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private final List<AccessTokenService> services = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeServices() {
        endpoint.open();
        services.forEach(AccessTokenService::close);
    }

    private AccessTokenService.Builder builder(String clientKey) {
        return AccessTokenService.builder()
                .endpoint(endpoint)
                .requests(B2bTokenRequestSupplier.create(ClientKey.of(clientKey), new DigestSigner(), time,
                        ProviderProfile.nicepayDevelopment()))
                .clock(time)
                .ticker(time);
    }

    private AccessTokenService service(AccessTokenService.Builder builder) {
        AccessTokenService s = builder.build();
        services.add(s);
        return s;
    }

    private AccessTokenService service() {
        return service(builder("IONPAYTEST"));
    }

    private static SnapUnavailableException unavailable() {
        return new SnapUnavailableException(SnapUnavailableException.Reason.SERVER_ERROR, "5007300 General Error",
                null);
    }

    @Test
    void fetches_once_and_serves_the_cached_token_until_the_prefetch_point() {
        AccessTokenService tokens = service();
        AccessToken first = tokens.accessToken();
        for (int i = 0; i < 100; i++) {
            time.advance(Duration.ofSeconds(8));
            assertThat(tokens.accessToken()).isSameAs(first);
        }
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void counts_expiry_from_the_clock_reading_taken_before_the_request_was_sent() {
        Instant sent = time.instant();
        endpoint.during(() -> time.advance(Duration.ofSeconds(5)));
        AccessToken token = service().accessToken();
        assertThat(token.obtainedAt()).isEqualTo(sent);
        assertThat(token.expiresAt()).isEqualTo(sent.plusSeconds(900));
    }

    @Test
    void refreshes_in_the_background_after_the_prefetch_point_while_callers_keep_the_current_token() {
        QueueExecutor background = new QueueExecutor();
        AccessTokenService tokens = service(builder("IONPAYTEST").executor(background));
        endpoint.thenAnswer(() -> ScriptedTokenEndpoint.grant("first-token-xxxxxxxxxxxxxxxxxx",
                Duration.ofSeconds(900)));
        AccessToken first = firstTokenDrivenBy(background, tokens);

        time.advance(Duration.ofSeconds(841)); // past 900 - 60, before 900 - 15
        for (int i = 0; i < 50; i++) {
            assertThat(tokens.accessToken()).isSameAs(first);
        }
        assertThat(background.pending()).isEqualTo(1);
        assertThat(endpoint.calls()).isEqualTo(1);

        assertThat(background.runAll()).isEqualTo(1);
        AccessToken second = tokens.accessToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(background.pending()).isZero();
    }

    /** The very first fetch has no token to serve meanwhile, so the caller waits: a helper thread runs the queue. */
    private static AccessToken firstTokenDrivenBy(QueueExecutor background, AccessTokenService tokens) {
        Thread driver = new Thread(() -> { // blocks until the fetch is queued: no spinning on busy cores
            try {
                background.awaitAndRunOne(Duration.ofSeconds(120));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        driver.start();
        try {
            return tokens.accessToken();
        } finally {
            driver.interrupt();
        }
    }

    @Test
    void callers_wait_for_the_new_token_after_the_stale_point() {
        AccessTokenService tokens = service();
        AccessToken first = tokens.accessToken();
        time.advance(Duration.ofSeconds(886));
        AccessToken second = tokens.accessToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.obtainedAt()).isEqualTo(time.instant());
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void a_failed_prefetch_keeps_serving_the_still_valid_token() {
        QueueExecutor background = new QueueExecutor();
        AccessTokenService tokens = service(builder("IONPAYTEST").executor(background));
        AccessToken first = firstTokenDrivenBy(background, tokens);
        endpoint.thenFail(unavailable());

        time.advance(Duration.ofSeconds(841));
        assertThat(tokens.accessToken()).isSameAs(first);
        background.runAll(); // the prefetch fails
        assertThat(tokens.accessToken()).isSameAs(first);
        assertThat(background.pending()).isZero(); // inside the back-off: no new attempt yet

        time.advance(Duration.ofSeconds(2)); // back-off over: the next caller starts a new prefetch
        assertThat(tokens.accessToken()).isSameAs(first);
        assertThat(background.runAll()).isEqualTo(1);
        assertThat(tokens.accessToken()).isNotEqualTo(first);
        assertThat(endpoint.calls()).isEqualTo(3);
    }

    @Test
    void a_failed_refresh_after_the_stale_point_still_yields_the_token_until_it_expires() {
        AccessTokenService tokens = service(builder("IONPAYTEST").minBackoff(Duration.ofSeconds(30)));
        AccessToken first = tokens.accessToken();
        endpoint.thenFail(unavailable());
        time.advance(Duration.ofSeconds(890));
        assertThat(tokens.accessToken()).isSameAs(first);
        time.advance(Duration.ofSeconds(10)); // now expired, still in back-off
        assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapUnavailableException.class)
                .hasMessageContaining("5007300");
    }

    @Test
    void throws_the_typed_error_when_there_is_no_usable_token() {
        endpoint.thenFail(unavailable());
        assertThatThrownBy(service()::accessToken).isInstanceOf(SnapUnavailableException.class);
    }

    @Test
    void does_not_retry_a_failed_fetch_in_a_hot_loop() {
        AccessTokenService tokens = service(builder("IONPAYTEST").minBackoff(Duration.ofSeconds(5)));
        endpoint.thenFail(unavailable());
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapUnavailableException.class);
        }
        assertThat(endpoint.calls()).isEqualTo(1);
        time.advance(Duration.ofSeconds(5));
        assertThat(tokens.accessToken().value()).startsWith("token-2-");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void invalidate_drops_exactly_that_token_and_a_late_invalidate_does_nothing() {
        AccessTokenService tokens = service();
        AccessToken first = tokens.accessToken();
        tokens.invalidate(first);
        AccessToken second = tokens.accessToken();
        assertThat(second).isNotEqualTo(first);
        tokens.invalidate(first); // late: already replaced
        assertThat(tokens.accessToken()).isSameAs(second);
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void several_credentials_in_one_jvm_keep_their_own_tokens_even_in_a_shared_cache() {
        InMemoryTokenCache shared = InMemoryTokenCache.create();
        AccessTokenService merchantA = service(builder("MERCHANTA").cache(shared)
                .cacheKey(TokenCacheKey.of(ProviderProfile.nicepayDevelopment(), ClientKey.of("MERCHANTA"))));
        AccessTokenService merchantB = service(builder("MERCHANTB").cache(shared)
                .cacheKey(TokenCacheKey.of(ProviderProfile.nicepayDevelopment(), ClientKey.of("MERCHANTB"))));
        AccessToken a = merchantA.accessToken();
        AccessToken b = merchantB.accessToken();
        assertThat(a).isNotEqualTo(b);
        merchantA.invalidate(a);
        assertThat(merchantB.accessToken()).isSameAs(b);
        assertThat(endpoint.requests()).extracting(r -> r.clientKey().value())
                .containsExactly("MERCHANTA", "MERCHANTB");
        assertThat(shared.size()).isEqualTo(1);
    }

    @Test
    void a_second_instance_adopts_the_token_another_one_stored_in_the_shared_cache() {
        InMemoryTokenCache shared = InMemoryTokenCache.create();
        AccessTokenService one = service(builder("IONPAYTEST").cache(shared));
        AccessTokenService two = service(builder("IONPAYTEST").cache(shared));
        AccessToken token = one.accessToken();
        assertThat(two.accessToken()).isEqualTo(token);
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void wall_clock_jumping_back_an_hour_does_not_extend_the_token_life() {
        AccessTokenService tokens = service();
        AccessToken first = tokens.accessToken();
        time.jumpWallClock(Duration.ofHours(-1));
        time.advance(Duration.ofSeconds(886));
        assertThat(tokens.accessToken()).isNotEqualTo(first);
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void wall_clock_jumping_forward_an_hour_does_not_cause_a_refetch_loop() {
        AccessTokenService tokens = service();
        AccessToken first = tokens.accessToken();
        time.jumpWallClock(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            assertThat(tokens.accessToken()).isSameAs(first);
        }
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void short_lived_tokens_get_proportionate_prefetch_and_stale_points() {
        endpoint.lifetime(Duration.ofSeconds(20)); // prefetch 10 s before expiry, stale 5 s before
        QueueExecutor background = new QueueExecutor();
        AccessTokenService tokens = service(builder("IONPAYTEST").executor(background));
        AccessToken first = firstTokenDrivenBy(background, tokens);
        time.advance(Duration.ofSeconds(9));
        assertThat(tokens.accessToken()).isSameAs(first);
        assertThat(background.pending()).isZero();
        time.advance(Duration.ofSeconds(2));
        assertThat(tokens.accessToken()).isSameAs(first);
        assertThat(background.pending()).isEqualTo(1);
    }

    @Test
    void an_adapter_throwing_an_untyped_exception_becomes_a_protocol_error() {
        endpoint.thenFail(new IllegalStateException("boom"));
        assertThatThrownBy(service()::accessToken).isInstanceOf(SnapProtocolException.class)
                .hasMessageContaining("IllegalStateException").hasMessageContaining("defect");
    }

    @Test
    void a_waiter_that_times_out_gets_a_typed_error_and_the_fetch_goes_on() {
        AccessTokenService tokens = service(builder("IONPAYTEST").maxWait(Duration.ofMillis(200)));
        endpoint.closeGate();
        assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapUnavailableException.class)
                .satisfies(e -> assertThat(((SnapUnavailableException) e).reason())
                        .isEqualTo(SnapUnavailableException.Reason.TIMEOUT));
        assertThat(tokens.isFetching()).isTrue();
        endpoint.open();
        AccessToken token = waitForToken(tokens);
        assertThat(token.value()).startsWith("token-1-");
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    private static AccessToken waitForToken(AccessTokenService tokens) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos(); // safety net; each call blocks
        while (true) {
            try {
                return tokens.accessToken();
            } catch (SnapUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Test
    void tells_listeners_about_fetches_failures_and_invalidations() {
        List<String> events = new CopyOnWriteArrayList<>();
        AccessTokenService tokens = service(builder("IONPAYTEST").listener(new TokenEventListener() {
            @Override
            public void onTokenFetched(AccessToken token, TokenGrant grant) {
                events.add("fetched " + grant.responseCode());
            }

            @Override
            public void onFetchFailed(SnapException error) {
                events.add("failed " + error.getClass().getSimpleName());
            }

            @Override
            public void onTokenInvalidated(AccessToken token) {
                events.add("invalidated");
            }
        }));
        AccessToken t = tokens.accessToken();
        endpoint.thenFail(unavailable());
        tokens.invalidate(t);
        assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapUnavailableException.class);
        assertThat(events).containsExactly("fetched 2007300", "invalidated", "failed SnapUnavailableException");
    }

    @Test
    void refuses_inconsistent_settings() {
        assertThatThrownBy(() -> builder("IONPAYTEST").prefetchBefore(Duration.ofSeconds(10))
                .staleBefore(Duration.ofSeconds(20)).build()).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("staleBefore");
        assertThatThrownBy(() -> builder("IONPAYTEST").maxWait(Duration.ZERO).build())
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> AccessTokenService.builder().build())
                .isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void a_closed_service_refuses_to_fetch() {
        AccessTokenService tokens = service();
        tokens.accessToken();
        assertThat(tokens.isClosed()).isFalse();
        tokens.close();
        assertThat(tokens.isClosed()).isTrue();
        time.advance(Duration.ofSeconds(901));
        assertThatThrownBy(tokens::accessToken).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AccessTokenService for client IONPAYTEST is closed");
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void a_closed_service_still_hands_out_its_token_until_it_needs_refreshing() {
        AccessTokenService tokens = service();
        AccessToken token = tokens.accessToken();
        tokens.close();
        tokens.close();
        assertThat(tokens.accessToken()).isEqualTo(token);
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void a_caller_waiting_for_a_fetch_when_the_service_closes_learns_that_it_is_closed() throws Exception {
        endpoint.closeGate();
        AccessTokenService tokens = service();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                tokens.accessToken();
            } catch (Throwable t) {
                seen.set(t);
            }
        }, "waiting-caller");
        caller.start();
        long safetyNet = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() - safetyNet < 0) {
            Thread.onSpinWait(); // until the caller waits for the fetch held at the gate
        }
        assertThat(caller.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        tokens.close();
        caller.join(Duration.ofSeconds(30).toMillis());
        assertThat(seen.get()).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void a_missing_setting_is_a_configuration_error_naming_it() {
        assertThatThrownBy(() -> builder("IONPAYTEST").clock(null).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> builder("IONPAYTEST").ticker(null).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("ticker");
        assertThatThrownBy(() -> builder("IONPAYTEST").endpoint(null).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> builder("IONPAYTEST").requests(null).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("request supplier");
        assertThatThrownBy(() -> builder("IONPAYTEST").policy(null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> B2bTokenRequestSupplier.create(ClientKey.of("K"), null, time,
                ProviderProfile.nicepayDevelopment()))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("signer");
    }

    @Test
    void over_a_thousand_expiry_cycles_fetches_once_per_cycle_and_never_serves_a_stale_token() {
        AccessTokenService tokens = service();
        for (int cycle = 1; cycle <= 1000; cycle++) {
            AccessToken token = tokens.accessToken();
            assertThat(endpoint.calls()).isEqualTo(cycle);
            Instant staleAt = token.expiresAt().minusSeconds(15);
            assertThat(time.instant()).isBefore(staleAt);
            time.advance(Duration.ofSeconds(440));
            assertThat(tokens.accessToken()).isSameAs(token);
            time.advance(Duration.ofSeconds(446)); // 886 s: past the stale point
        }
    }
}
