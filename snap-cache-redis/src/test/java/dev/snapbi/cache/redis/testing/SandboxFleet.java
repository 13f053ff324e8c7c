package dev.snapbi.cache.redis.testing;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fleet of token services (each with its own Redis connection) against one sandbox, and the threads that use
 * them: every token a caller gets is checked against the sandbox's own view of it at once.
 */
public final class SandboxFleet implements AutoCloseable {

    private final SnapSandbox sandbox;
    private final SandboxClient client;
    private final String redisUri;
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    public final AtomicLong handedOut = new AtomicLong();
    public final AtomicLong expiredHandedOut = new AtomicLong();
    public final AtomicReference<Throwable> failure = new AtomicReference<>();

    public SandboxFleet(SnapSandbox sandbox, String clientKey, String redisUri) {
        this.sandbox = sandbox;
        this.client = sandbox.registerNewClient(clientKey);
        this.redisUri = redisUri;
    }

    /** A new token service with its own Redis connection. */
    public AccessTokenService service(Clock clock, TokenEventListener listener) {
        RedisTokenCache cache = RedisTokenCache.builder().uri(redisUri).encryptionSecret(client.clientSecret())
                .build();
        AccessTokenService service = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey()))
                .clock(clock)
                .tokenService(b -> b.cache(cache).listener(listener))
                .build();
        closeables.add(service);
        closeables.add(cache);
        return service;
    }

    /** Starts {@code threads} callers on the service until {@code stopAtNanos} (System.nanoTime). */
    public List<Thread> callers(AccessTokenService service, int threads, long stopAtNanos) {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() - stopAtNanos < 0) {
                        AccessToken token = service.accessToken();
                        handedOut.incrementAndGet();
                        if (!sandbox.isTokenActive(token.value())) {
                            expiredHandedOut.incrementAndGet();
                        }
                        LockSupport.parkNanos(2_000_000); // pacing: callers, not a CPU burner
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            t.start();
            started.add(t);
        }
        return started;
    }

    /** Joins the threads (each at most until the safety net). */
    public static void join(List<Thread> threads, Duration safetyNet) throws InterruptedException {
        for (Thread t : threads) {
            t.join(safetyNet.toMillis());
        }
    }

    public SandboxClient client() {
        return client;
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + c + " failed", e);
            }
        }
    }
}
