package dev.snapbi.reliability;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.testing.ManualClock;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The host's wall clock jumps an hour forward or back between calls (an NTP correction, a VM resumed, a daylight
 * saving mistake) while real time, which the sandbox's clock follows, goes on normally, and so does the monotonic
 * ticker. Through the real Feign adapter and sandbox: the token service never hands out a token past its real expiry
 * (the sandbox's verdict) and never refetches in a loop.
 */
class ClockTroubleTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration LIFETIME = Duration.ofSeconds(900);
    private static final Duration STALE_BEFORE = Duration.ofSeconds(15); // the service's default
    private static final Duration PREFETCH_BEFORE = Duration.ofSeconds(60); // the service's default
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1); // the service's default

    /** The host: its wall clock jumps, its monotonic ticker does not. */
    private final ManualClock host = ManualClock.create();
    /** Real time, as NICEPAY (the sandbox) sees it. */
    private final Clock real = Fixtures.realTimeOf(host);
    private SnapSandbox sandbox;
    private SandboxClient client;
    private QuietLog quiet;

    @BeforeEach
    void start() {
        quiet = QuietLog.errorsOnly(AccessTokenService.class); // the refused fetches are expected
        sandbox = SnapSandbox.builder().clock(real).tokenLifetime(LIFETIME).start();
        client = sandbox.registerNewClient("CLOCKS");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        quiet.close();
    }

    /**
     * Three thousand calls, real time moving 1 to 30 s between them and the service's wall clock jumping an hour either
     * way about every third call; the token requests stay signed with a correct timestamp (as from a clock that was
     * not disturbed), so every fetch succeeds and only the service's own judgement of time is under test.
     */
    @Test
    void wall_clock_jumps_between_calls_neither_stretch_a_token_past_its_stale_point_nor_cause_refetches()
            throws Exception {
        Map<String, Instant> realExpiry = new ConcurrentHashMap<>();
        try (AccessTokenService tokens = AccessTokenService.builder()
                .endpoint(FeignTokenEndpoint.builder().baseUrl(sandbox.baseUrl()).build())
                .requests(B2bTokenRequestSupplier.create(ClientKey.of(client.clientKey()),
                        RsaSigner.create(client.privateKey()), real, SnapTimestamp.JAKARTA))
                .clock(host)
                .ticker(host)
                .listener(new TokenEventListener() {
                    @Override
                    public void onTokenFetched(AccessToken token, TokenGrant grant) {
                        realExpiry.put(token.value(), real.instant().plus(grant.expiresIn()));
                    }
                })
                .build()) {
            Random random = new Random(7);
            Instant began = real.instant();
            long jumps = 0;
            for (int call = 0; call < 3000; call++) {
                host.advance(Duration.ofSeconds(1 + random.nextInt(30)));
                if (random.nextInt(3) == 0) {
                    host.jumpWallClock(random.nextBoolean() ? HOUR : HOUR.negated());
                    jumps++;
                }
                AccessToken token = tokens.accessToken();
                awaitNoFetch(tokens);

                assertThat(sandbox.isTokenActive(token.value())).as("call %d: valid at the provider", call).isTrue();
                assertThat(real.instant()).as("call %d: handed out before its real stale point", call)
                        .isBefore(realExpiry.get(token.value()).minus(STALE_BEFORE));
            }
            long elapsed = Duration.between(began, real.instant()).toSeconds();
            long requests = sandbox.stats().tokenRequests();
            // one token per refresh: a token is replaced from its prefetch point on (60 s before expiry), never before
            assertThat(jumps).isGreaterThan(900);
            assertThat(requests).as("token requests over %d s of real time", elapsed)
                    .isBetween(elapsed / LIFETIME.toSeconds(),
                            elapsed / LIFETIME.minus(PREFETCH_BEFORE).toSeconds() + 2);
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(requests);
        }
    }

    /**
     * The whole host clock jumps an hour ahead, timestamps included (as when one clock drives both): by the wall clock
     * the token expired 45 minutes ago, but it has not, and it keeps being used without a request. When it goes stale
     * the provider refuses the skewed timestamp: the token is used while it really lasts, the failed fetch is not
     * repeated before the back-off, and after the real expiry the typed error comes instead of the dead token.
     */
    @Test
    void an_hour_forward_keeps_the_token_until_its_real_expiry_and_does_not_loop_on_refused_timestamps() {
        try (AccessTokenService tokens = serviceOnTheHostClock()) {
            AccessToken token = tokens.accessToken();
            // fetched before the jump: the host's and the provider's clocks agreed, so this is the real expiry
            assertThat(host.instant()).isEqualTo(real.instant());
            Instant expiry = token.expiresAt();
            host.jumpWallClock(HOUR);

            for (int i = 0; i < 100; i++) {
                assertThat(tokens.accessToken()).isEqualTo(token);
            }
            assertThat(sandbox.stats().tokenRequests()).as("no request for a token that is still fresh").isEqualTo(1);
            assertThat(sandbox.isTokenActive(token.value())).isTrue();

            assertTheSkewedHostNeverOutlivesTheToken(tokens, token, expiry);

            host.jumpWallClock(HOUR.negated()); // NTP puts it right
            host.advance(MIN_BACKOFF);
            AccessToken next = tokens.accessToken();
            assertThat(next).isNotEqualTo(token);
            assertThat(sandbox.isTokenActive(next.value())).isTrue();
        }
    }

    /**
     * The whole host clock jumps an hour back: by the wall clock the token now has more than an hour left, but it does
     * not. It is still replaced at its real stale point, never handed out after its real expiry.
     */
    @Test
    void an_hour_back_does_not_stretch_the_token_past_its_real_expiry() {
        try (AccessTokenService tokens = serviceOnTheHostClock()) {
            AccessToken token = tokens.accessToken();
            // fetched before the jump: the host's and the provider's clocks agreed, so this is the real expiry
            assertThat(host.instant()).isEqualTo(real.instant());
            Instant expiry = token.expiresAt();
            host.jumpWallClock(HOUR.negated());
            host.advance(Duration.ofSeconds(600));
            assertThat(tokens.accessToken()).isEqualTo(token);
            assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);

            assertTheSkewedHostNeverOutlivesTheToken(tokens, token, expiry);

            host.jumpWallClock(HOUR);
            host.advance(MIN_BACKOFF);
            AccessToken next = tokens.accessToken();
            assertThat(sandbox.isTokenActive(next.value())).isTrue();
            assertThat(next).isNotEqualTo(token);
        }
    }

    /**
     * Walks real time in 1 s steps from just before the token's stale point to past its expiry, calling 20 times at
     * each step. Every token handed out is valid at the provider; there is at most one request per back-off period;
     * after the real expiry only the provider's typed refusal comes back.
     */
    private void assertTheSkewedHostNeverOutlivesTheToken(AccessTokenService tokens, AccessToken token,
                                                          Instant expiry) {
        host.advance(Duration.between(real.instant(), expiry.minus(STALE_BEFORE).minusSeconds(2)));
        long requestsBefore = sandbox.stats().tokenRequests();
        int steps = 0;
        int refusedAfterExpiry = 0;
        while (real.instant().isBefore(expiry.plusSeconds(5))) {
            host.advance(Duration.ofSeconds(1));
            steps++;
            for (int i = 0; i < 20; i++) {
                Throwable error = catchThrowable(() -> {
                    AccessToken handedOut = tokens.accessToken();
                    assertThat(handedOut).isEqualTo(token);
                    assertThat(sandbox.isTokenActive(handedOut.value()))
                            .as("handed out at %s, the token expired (really) at %s", real.instant(), expiry).isTrue();
                });
                if (error instanceof AssertionError failed) {
                    throw failed;
                }
                if (error != null) {
                    assertThat(error).isInstanceOf(SnapAuthenticationException.class)
                            .hasMessageContaining("4017300");
                    assertThat(real.instant()).as("refused only once the token is really gone")
                            .isAfterOrEqualTo(expiry);
                    refusedAfterExpiry++;
                }
            }
        }
        long requests = sandbox.stats().tokenRequests() - requestsBefore;
        assertThat(refusedAfterExpiry).as("calls after the real expiry").isGreaterThanOrEqualTo(5 * 20);
        assertThat(requests).as("token requests over %d one-second steps with 20 calls each", steps)
                .isBetween(1L, (long) steps / MIN_BACKOFF.toSeconds() + 1);
        assertThat(sandbox.stats().rejections("4017300")).isEqualTo(requests);
    }

    /** The common wiring: one clock for timestamps and the service (the host's), the host's ticker. */
    private AccessTokenService serviceOnTheHostClock() {
        return FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey()))
                .clock(host)
                .tokenService(s -> s.ticker(host))
                .build();
    }

    private static void awaitNoFetch(AccessTokenService tokens) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tokens.isFetching()) {
            assertThat(System.nanoTime() - deadline).as("the refresh ahead finished").isNegative();
            Thread.sleep(1);
        }
    }
}
