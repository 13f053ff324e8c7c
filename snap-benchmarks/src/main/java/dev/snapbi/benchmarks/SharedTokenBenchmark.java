package dev.snapbi.benchmarks;

import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.CoordinatedTokenCache;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.port.Ticker;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token service with the Redis store configured ({@code snap-cache-redis}).
 * <ul>
 *   <li>{@code hotPath}: {@code accessToken()} with a fresh token, to compare with
 *   {@code TokenHotPathBenchmark.provider}: the store must not be on the hot path (no Redis I/O). ns/op.</li>
 *   <li>{@code refreshCycle}: one expiry cycle of a two-replica fleet: the holder's refresh (read, lease, re-read,
 *   in-memory fetch, fenced store, release) and then the other replica's adoption. µs/op. The aux counters
 *   {@code holderRoundTrips} and {@code adopterRoundTrips} count the Redis commands (one Lua script each) per
 *   operation; the trial fails unless they are exactly 5 and 1.</li>
 * </ul>
 * Starts its own {@code redis-server} (from the PATH) on a free loopback port, or uses {@code -p redisUri=...}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SharedTokenBenchmark {

    private static final Duration LIFETIME = Duration.ofSeconds(900);

    /** A Redis to use; empty: start one. */
    @Param("")
    public String redisUri;

    private Process redis;
    private RedisTokenCache holderStore;
    private RedisTokenCache adopterStore;
    private Counting holderCounting;
    private Counting adopterCounting;
    private AccessTokenService hot;
    private AccessTokenService holder;
    private AccessTokenService adopter;
    private final ManualTicker holderTicker = new ManualTicker();
    private final ManualTicker adopterTicker = new ManualTicker();
    private long ops;

    /** Counts the round trips per operation (per JMH iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class RoundTrips {
        public long holderRoundTrips;
        public long adopterRoundTrips;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String uri = redisUri.isEmpty() ? startRedis() : redisUri;
        String secret = "benchmark sealing secret";
        TokenCacheKey key = TokenCacheKey.of("https://benchmark.test/token", ClientKey.of("BENCHMARK"));
        AtomicInteger issued = new AtomicInteger();
        B2bTokenRequestSupplier requests = B2bTokenRequestSupplier.create(ClientKey.of("BENCHMARK"),
                text -> dev.snapbi.domain.model.Base64Signature.ofBytes(new byte[]{1, 2, 3}),
                Clock.systemUTC(), SnapTimestamp.JAKARTA);

        RedisTokenCache hotStore = RedisTokenCache.builder().uri(uri).encryptionSecret(secret).build();
        hot = AccessTokenService.builder().endpoint(s -> grant("hot-" + issued.incrementAndGet())).requests(requests)
                .cache(hotStore).cacheKey(TokenCacheKey.of("https://benchmark.test/hot", ClientKey.of("BENCHMARK")))
                .build();
        hot.accessToken();

        holderStore = RedisTokenCache.builder().uri(uri).encryptionSecret(secret).build();
        adopterStore = RedisTokenCache.builder().uri(uri).encryptionSecret(secret).build();
        holderCounting = new Counting(holderStore);
        adopterCounting = new Counting(adopterStore);
        holder = AccessTokenService.builder().endpoint(s -> grant("cycle-" + issued.incrementAndGet()))
                .requests(requests).cache(holderCounting).cacheKey(key).ticker(holderTicker)
                .executor(Runnable::run).build();
        adopter = AccessTokenService.builder().endpoint(s -> {
                    throw new IllegalStateException("the adopter must not fetch");
                })
                .requests(requests).cache(adopterCounting).cacheKey(key).ticker(adopterTicker)
                .executor(Runnable::run).build();
        refreshCycle(new RoundTrips()); // the first token, shared
        ops = 0;
        holderCounting.calls.set(0);
        adopterCounting.calls.set(0);
    }

    private static TokenGrant grant(String name) {
        return TokenGrant.of(ResponseCode.parse("2007300"), "Successful",
                name + "-eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJCRU5DSE1BUksifQ", "Bearer", LIFETIME);
    }

    @TearDown(Level.Iteration)
    public void checkRoundTrips() {
        if (ops > 0 && (holderCounting.calls.get() != 5 * ops || adopterCounting.calls.get() != ops)) {
            throw new IllegalStateException("expected 5 holder and 1 adopter round trips per cycle, got "
                    + holderCounting.calls.get() + " and " + adopterCounting.calls.get() + " in " + ops + " cycles");
        }
        ops = 0;
        holderCounting.calls.set(0);
        adopterCounting.calls.set(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hot.close();
        holder.close();
        adopter.close();
        holderStore.close();
        adopterStore.close();
        if (redis != null) {
            ProcessHandle.of(redis.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The cache hit with Redis configured. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AccessToken hotPath() {
        return hot.accessToken();
    }

    /** One expiry cycle of two replicas: the holder refreshes through Redis, the other adopts. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AccessToken refreshCycle(RoundTrips trips) {
        long holderBefore = holderCounting.calls.get();
        long adopterBefore = adopterCounting.calls.get();
        holderTicker.advance(LIFETIME.minusSeconds(14)); // past the stale point: the caller runs the refresh
        AccessToken fresh = holder.accessToken();
        adopterTicker.advance(LIFETIME.minusSeconds(14));
        AccessToken adopted = adopter.accessToken();
        if (!adopted.equals(fresh)) {
            throw new IllegalStateException("the adopter did not adopt the holder's token");
        }
        ops++;
        trips.holderRoundTrips += holderCounting.calls.get() - holderBefore;
        trips.adopterRoundTrips += adopterCounting.calls.get() - adopterBefore;
        return adopted;
    }

    private String startRedis() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String binary = "redis-server";
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                binary = Path.of(dir, "redis-server").toString();
            }
        }
        redis = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 500; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                probe.setSoTimeout(1000); // connected: it listens
                return "redis://127.0.0.1:" + port;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("redis-server did not start");
    }

    /** A monotonic clock the benchmark moves. */
    static final class ManualTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }
    }

    /** Counts the store calls: each is one Redis round trip (one Lua script). */
    static final class Counting implements CoordinatedTokenCache {
        final AtomicLong calls = new AtomicLong();
        private final CoordinatedTokenCache store;

        Counting(CoordinatedTokenCache store) {
            this.store = store;
        }

        @Override
        public Optional<SharedToken> read(TokenCacheKey key) {
            calls.incrementAndGet();
            return store.read(key);
        }

        @Override
        public Optional<FetchLease> tryAcquireLease(TokenCacheKey key, String owner, Duration ttl) {
            calls.incrementAndGet();
            return store.tryAcquireLease(key, owner, ttl);
        }

        @Override
        public boolean storeFenced(FetchLease lease, AccessToken token, Duration ttl) {
            calls.incrementAndGet();
            return store.storeFenced(lease, token, ttl);
        }

        @Override
        public boolean releaseLease(FetchLease lease) {
            calls.incrementAndGet();
            return store.releaseLease(lease);
        }

        @Override
        public Optional<AccessToken> get(TokenCacheKey key) {
            calls.incrementAndGet();
            return store.get(key);
        }

        @Override
        public boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement) {
            calls.incrementAndGet();
            return store.compareAndSet(key, expected, replacement);
        }
    }

}
