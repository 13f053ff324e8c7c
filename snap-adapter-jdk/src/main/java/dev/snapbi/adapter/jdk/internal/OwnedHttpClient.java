package dev.snapbi.adapter.jdk.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link HttpClient} an adapter uses and what it owns of it. When the adapter builds the client it also owns the
 * executor behind it (daemon threads named {@code <prefix>-N}) and shuts it down on {@link #close()}; a client or
 * executor the user handed in is left alone.
 */
public final class OwnedHttpClient implements AutoCloseable {

    /** The longest timeout accepted: a day. Longer values are a mistake, and overflow nanosecond arithmetic. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private volatile HttpClient client;
    private final ExecutorService ownedExecutor;
    private final java.util.Set<Thread> ownedThreads;
    private final boolean ownsClient;

    private OwnedHttpClient(HttpClient client, ExecutorService ownedExecutor, java.util.Set<Thread> ownedThreads,
                            boolean ownsClient) {
        this.client = client;
        this.ownedExecutor = ownedExecutor;
        this.ownedThreads = ownedThreads;
        this.ownsClient = ownsClient;
    }

    /**
     * The user's client, used as it is (its connect timeout, redirect policy, proxy and TLS settings are its own),
     * or a new one: HTTP/1.1, redirects never followed (a signature must not travel to another host), the connect
     * timeout, and the user's executor or one of ours. Checks the settings every adapter shares first.
     *
     * @throws SnapConfigurationException when the body bound is below 1, or both a client and an executor are given
     */
    public static OwnedHttpClient create(HttpClient userClient, Executor userExecutor, Duration connectTimeout,
                                         int maxBodyBytes, String threadPrefix) {
        if (maxBodyBytes < 1) {
            throw new SnapConfigurationException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
        }
        if (userClient != null && userExecutor != null) {
            throw new SnapConfigurationException("give either an HttpClient or an executor, not both: the executor"
                    + " belongs to the HttpClient you build");
        }
        if (userClient != null) {
            return new OwnedHttpClient(userClient, null, java.util.Set.of(), false);
        }
        ExecutorService owned = null;
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Executor executor = userExecutor;
        if (executor == null) {
            owned = newExecutor(threadPrefix + "-" + CLIENTS.incrementAndGet(), threads);
            executor = owned;
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
        return new OwnedHttpClient(client, owned, threads, true);
    }

    private static ExecutorService newExecutor(String prefix, java.util.Set<Thread> started) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            started.removeIf(old -> !old.isAlive()); // only the live ones are remembered
            started.add(t);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), threads);
        return executor;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public HttpClient client() {
        return client(null);
    }

    /**
     * The client, for the adapter named {@code adapter}.
     *
     * @throws IllegalStateException after {@link #close()}: "this {@code adapter} is closed" (a state of the adapter,
     *                               not a wrong setting)
     */
    public HttpClient client(String adapter) {
        HttpClient c = client;
        if (c == null) {
            throw new IllegalStateException(adapter == null ? "the HTTP client is closed; build a new adapter"
                    : "this " + adapter + " is closed; build a new one");
        }
        return c;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return client == null;
    }

    /** Whether the client was built here (then its connect timeout and redirect policy are ours). */
    public boolean ownsClient() {
        return ownsClient;
    }

    /**
     * Releases what was built here: the executor's threads end (in-flight exchanges fail), and on JDK 21+ the
     * client is shut down too. On JDK 17 the client's selector
     * thread ends once the client is unreachable: this object lets go of it here, so the next garbage collection
     * (and the selector's next wake-up, within seconds) ends it.
     */
    @Override
    public synchronized void close() {
        HttpClient c = client;
        client = null;
        if (!ownsClient || c == null) {
            return;
        }
        try {
            // JDK 21+: HttpClient.shutdownNow() ends its selector thread now; absent on 17 (compiled for 17)
            HttpClient.class.getMethod("shutdownNow").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // JDK 17: the selector thread ends once the client is unreachable
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        if (ownedExecutor != null) {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                ownedExecutor.awaitTermination(5, TimeUnit.SECONDS);
                // a terminated pool's last worker may still be on its way out: wait until each has ended, bounded
                for (Thread t : ownedThreads) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left > 0 && t != Thread.currentThread()) {
                        t.join(left);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Validates a timeout: positive and at most {@link #MAX_TIMEOUT}.
     *
     * @throws SnapConfigurationException otherwise
     */
    public static Duration requireTimeout(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new SnapConfigurationException(name + " must be positive and at most " + MAX_TIMEOUT.toHours()
                    + " hours, got " + value);
        }
        return value;
    }

}
