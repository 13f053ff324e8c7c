package dev.snapbi.reliability;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.testing.ManualClock;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads and many expiries against one token service, through the real Feign adapter and the sandbox over
 * loopback HTTP: the sandbox's own counters prove that each expiry costs exactly one token request. One
 * {@link ManualClock} is the service's clock and ticker, the signer's timestamp clock and the sandbox's clock, so the
 * sandbox's ±5 min freshness check and its token expiry stay meaningful while the test jumps from expiry to expiry.
 */
class TokenStampedeTest {

    private static final Duration LIFETIME = Duration.ofSeconds(900);
    private static final Duration STALE_BEFORE = Duration.ofSeconds(15); // the service's default
    private static final Duration PREFETCH_BEFORE = Duration.ofSeconds(60); // the service's default

    private final ManualClock time = ManualClock.create();
    private SnapSandbox sandbox;
    private AccessTokenService tokens;

    @BeforeEach
    void start() {
        sandbox = SnapSandbox.builder().clock(time).tokenLifetime(LIFETIME).start();
        SandboxClient client = sandbox.registerNewClient("STAMPEDE");
        tokens = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey()))
                .clock(time)
                .tokenService(service -> service.ticker(time))
                .build();
    }

    @AfterEach
    void stop() {
        tokens.close();
        sandbox.close();
    }

    @Test
    void two_hundred_fifty_six_threads_on_an_expired_token_cause_exactly_one_token_request() throws Exception {
        AccessToken expired = tokens.accessToken();
        time.advance(LIFETIME.plusSeconds(1));
        assertThat(sandbox.isTokenActive(expired.value())).as("the first token has expired at the sandbox").isFalse();
        sandbox.resetStats();
        // the one fetch is held on the wire for a while, so that the threads really pile up behind it
        sandbox.faults().delayNext(1, Duration.ofMillis(300));

        List<AccessToken> received = callConcurrently(256);

        assertThat(sandbox.stats().tokenRequests()).as("token requests for this expiry").isEqualTo(1);
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
        assertThat(received).hasSize(256).doesNotContain(expired);
        assertThat(new HashSet<>(received)).as("every thread got the same new token").hasSize(1);
        assertThat(sandbox.isTokenActive(received.get(0).value())).isTrue();
    }

    @Test
    void two_hundred_fifty_six_threads_in_the_refresh_window_get_the_current_token_while_one_request_runs()
            throws Exception {
        AccessToken current = tokens.accessToken();
        time.advance(LIFETIME.minus(PREFETCH_BEFORE).plusSeconds(10)); // 50 s left: refresh ahead, not yet stale
        sandbox.resetStats();
        // the refresh is held on the wire long enough for all 256 calls to be made while it runs
        sandbox.faults().delayNext(1, Duration.ofSeconds(1));

        List<AccessToken> received = callConcurrently(256);
        assertThat(tokens.isFetching()).as("the refresh still runs, yet every caller has its token").isTrue();
        awaitNoFetch();

        assertThat(received).as("nobody waited for the refresh").containsOnly(current);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
        AccessToken refreshed = tokens.accessToken();
        assertThat(refreshed).isNotEqualTo(current);
        assertThat(sandbox.isTokenActive(refreshed.value())).isTrue();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    /**
     * A thousand expiries, reached three ways in turn: through the refresh-ahead window, straight into the stale
     * window, and past expiry. Eight threads ask at once each time.
     */
    @Test
    void a_thousand_expiry_cycles_cost_one_token_request_each_and_never_hand_out_a_stale_token() throws Exception {
        int cycles = 1000;
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            AccessToken previous = tokens.accessToken();
            Set<String> seen = new HashSet<>();
            seen.add(previous.value());
            sandbox.resetStats();
            for (int cycle = 1; cycle <= cycles; cycle++) {
                Duration left = Duration.between(time.instant(), previous.expiresAt());
                switch (cycle % 3) {
                    case 0 -> {
                        time.advance(left.minusSeconds(30)); // inside the refresh-ahead window
                        assertThat(tokens.accessToken()).as("cycle %d, before the stale point", cycle)
                                .isEqualTo(previous);
                        awaitNoFetch();
                        time.advance(Duration.ofSeconds(20)); // 10 s left: stale
                    }
                    case 1 -> time.advance(left.minusSeconds(5)); // stale, not expired
                    default -> time.advance(left.plusSeconds(cycle % 7)); // expired (or exactly at expiry)
                }
                List<AccessToken> received = callConcurrently(pool, callers);

                assertThat(sandbox.stats().tokenRequests()).as("token requests after cycle %d", cycle)
                        .isEqualTo(cycle);
                assertThat(new HashSet<>(received)).as("cycle %d", cycle).hasSize(1);
                AccessToken current = received.get(0);
                assertThat(current).as("cycle %d", cycle).isNotEqualTo(previous);
                assertThat(seen.add(current.value())).as("cycle %d: a token never seen before", cycle).isTrue();
                assertThat(time.instant()).as("cycle %d: the token handed out is before its stale point", cycle)
                        .isBefore(current.expiresAt().minus(STALE_BEFORE));
                previous = current;
            }
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(cycles);
            assertThat(sandbox.isTokenActive(previous.value())).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<AccessToken> callConcurrently(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return callConcurrently(pool, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code calls} calls of {@code accessToken()} released at once; each checked before it is handed back. */
    private List<AccessToken> callConcurrently(ExecutorService pool, int calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AccessToken>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                AccessToken token = tokens.accessToken();
                // checked by the caller at the moment it receives the token: time only moves between cycles
                assertThat(time.instant()).as("handed out before its stale point")
                        .isBefore(token.expiresAt().minus(STALE_BEFORE));
                return token;
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("all callers started").isTrue();
        go.countDown();
        List<AccessToken> received = new ArrayList<>();
        for (Future<AccessToken> future : futures) {
            received.add(future.get(30, TimeUnit.SECONDS));
        }
        return received;
    }

    private void awaitNoFetch() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tokens.isFetching()) {
            assertThat(System.nanoTime() - deadline).as("the refresh ahead finished").isNegative();
            Thread.sleep(1);
        }
    }
}
