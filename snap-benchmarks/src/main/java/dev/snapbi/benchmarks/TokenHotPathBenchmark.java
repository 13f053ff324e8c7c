package dev.snapbi.benchmarks;

import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.port.Ticker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The cache hit: {@link AccessTokenService#accessToken()} with a fresh token (a 900 s grant, far from its prefetch
 * point), against the least any cache must do: one volatile read and one read of the same monotonic clock. Run with
 * {@code -t 1} and {@code -t 2}, and {@code -prof gc} to see the allocation per call (goal: none).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TokenHotPathBenchmark {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJCRU5DSE1BUksifQ.c2lnbmF0dXJl";

    private AccessTokenProvider provider;
    private AccessTokenService service;

    /** What a hand-written cache holds: the token and the ticker reading from which it must be refreshed. */
    private volatile Cached cached;
    private Ticker ticker;

    /** Builds the service around an in-memory endpoint and takes its first (and only) token. */
    @Setup(Level.Trial)
    public void setUp() {
        TokenGrant grant = TokenGrant.of(ResponseCode.parse("2007300"), "Successful", TOKEN, "Bearer",
                Duration.ofSeconds(900));
        // the endpoint never signs: a signer that would fail proves the hot path does not reach it
        B2bTokenRequestSupplier requests = B2bTokenRequestSupplier.create(ClientKey.of("BENCHMARK"),
                text -> {
                    throw new IllegalStateException("the hot path must not sign");
                },
                Clock.systemUTC(), SnapTimestamp.JAKARTA);
        service = AccessTokenService.builder()
                .endpoint(supplier -> grant)
                .requests(requests)
                .build();
        provider = service;
        AccessToken first = provider.accessToken();
        if (!first.value().equals(TOKEN) || service.isFetching()) {
            throw new IllegalStateException("the service did not cache the in-memory grant: " + service);
        }

        ticker = Ticker.system();
        cached = new Cached(first, ticker.nanoTime() + Duration.ofSeconds(840).toNanos());
    }

    /** Stops the service's fetch thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        service.close();
    }

    /** The library: a cached, fresh token. */
    @Benchmark
    public AccessToken provider() {
        return provider.accessToken();
    }

    /** The floor: a volatile read and a monotonic clock read, as the service's fast path does. */
    @Benchmark
    public AccessToken baseline() {
        Cached c = cached;
        if (ticker.nanoTime() - c.refreshAt < 0) {
            return c.token;
        }
        throw new IllegalStateException("the baseline's token needs refreshing; the trial ran for 14 minutes?");
    }

    private static final class Cached {
        final AccessToken token;
        final long refreshAt;

        Cached(AccessToken token, long refreshAt) {
            this.token = token;
            this.refreshAt = refreshAt;
        }
    }
}
