package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.TokenCache;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenRequestSupplier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The token lifecycle for one credential (one client key at one provider environment), implementing
 * {@link AccessTokenProvider}.
 * <ul>
 *   <li><b>Hot path.</b> While the cached token is before its prefetch point, {@link #accessToken()} is a volatile
 *   read and a monotonic clock read: no lock, no allocation.</li>
 *   <li><b>Refresh ahead.</b> From the prefetch point (default 60 s before expiry) one fetch starts in the
 *   background while every caller keeps getting the current token at once.</li>
 *   <li><b>Stale.</b> From the stale point (default 15 s before expiry) callers wait for the single fetch in flight,
 *   bounded by {@code maxWait}; a failed or late fetch still yields the old token while it has not expired.</li>
 *   <li><b>One fetch at a time.</b> However many threads ask, at most one request is in flight. A waiter that times
 *   out or is interrupted leaves the fetch running for the others.</li>
 *   <li><b>Failures.</b> After a failed fetch no new one starts before {@code minBackoff}; with no usable token the
 *   typed error is thrown.</li>
 *   <li><b>Time.</b> Expiry is counted from the clock reading taken before the request was sent, on a monotonic
 *   {@link Ticker}, so wall-clock jumps neither extend a token's life nor cause refetch loops.</li>
 * </ul>
 * Fetches run on the configured executor, or on one daemon thread the service owns (which exits when idle);
 * {@link #close()} stops it. Several services (merchants, environments) live side by side; nothing is static.
 * <pre>{@code
 * AccessTokenService tokens = AccessTokenService.builder()
 *         .endpoint(endpoint)                                      // e.g. the Feign adapter
 *         .requests(B2bTokenRequestSupplier.create(clientKey, signer, clock, profile))
 *         .cacheKey(TokenCacheKey.of(profile, clientKey))
 *         .build();
 * AccessToken token = tokens.accessToken();
 * }</pre>
 */
public final class AccessTokenService implements AccessTokenProvider, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AccessTokenService.class.getName());
    private static final VarHandle CURRENT;

    static {
        try {
            CURRENT = MethodHandles.lookup().findVarHandle(AccessTokenService.class, "current", Entry.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TokenEndpoint endpoint;
    private final TokenRequestSupplier requests;
    private final Clock clock;
    private final Ticker ticker;
    private final TokenCache cache;
    private final TokenCacheKey cacheKey;
    private final long prefetchBeforeNanos;
    private final long staleBeforeNanos;
    private final long maxWaitNanos;
    private final long minBackoffNanos;
    private final Duration maxWait;
    private final Executor executor;
    private final ThreadPoolExecutor ownedExecutor;
    private final TokenEventListener listener;
    private final AutoCloseable closing;

    @SuppressWarnings("unused") // accessed through CURRENT as well
    private volatile Entry current;
    private volatile Failure lastFailure;
    private volatile boolean closed;
    private final AtomicReference<CompletableFuture<Entry>> inFlight = new AtomicReference<>();

    private AccessTokenService(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.requests = Objects.requireNonNull(b.requests, "requests");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.ticker = Objects.requireNonNull(b.ticker, "ticker");
        this.cache = b.cache != null ? b.cache : InMemoryTokenCache.create();
        this.cacheKey = b.cacheKey != null ? b.cacheKey : TokenCacheKey.of("default", requests.clientKey());
        requireNonNegative(b.prefetchBefore, "prefetchBefore");
        requireNonNegative(b.staleBefore, "staleBefore");
        requireNonNegative(b.minBackoff, "minBackoff");
        if (b.staleBefore.compareTo(b.prefetchBefore) > 0) {
            throw new SnapConfigurationException("staleBefore (" + b.staleBefore + ") must not exceed prefetchBefore ("
                    + b.prefetchBefore + "): the stale point comes after the prefetch point");
        }
        if (b.maxWait.isNegative() || b.maxWait.isZero()) {
            throw new SnapConfigurationException("maxWait must be positive, got " + b.maxWait);
        }
        this.prefetchBeforeNanos = b.prefetchBefore.toNanos();
        this.staleBeforeNanos = b.staleBefore.toNanos();
        this.maxWait = b.maxWait;
        this.maxWaitNanos = b.maxWait.toNanos();
        this.minBackoffNanos = b.minBackoff.toNanos();
        this.listener = b.listener != null ? b.listener : TokenEventListener.NONE;
        this.closing = b.closing;
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = newFetchExecutor(requests.clientKey().value());
            this.executor = ownedExecutor;
        }
    }

    private static void requireNonNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new SnapConfigurationException(name + " must be zero or positive, got " + d);
        }
    }

    private static ThreadPoolExecutor newFetchExecutor(String clientKey) {
        AtomicInteger seq = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread t = new Thread(runnable, "snapbi-token-fetch-" + clientKey + "-" + seq.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    /** A builder; {@code endpoint} and {@code requests} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccessToken accessToken() {
        Entry e = current;
        if (e != null && ticker.nanoTime() - e.prefetchAt < 0) {
            return e.token;
        }
        return slowPath();
    }

    private AccessToken slowPath() {
        if (closed) {
            throw new SnapConfigurationException("this AccessTokenService for client " + requests.clientKey()
                    + " is closed");
        }
        long now = ticker.nanoTime();
        Entry e = current;
        if (e != null && now - e.prefetchAt < 0) {
            return e.token;
        }
        if (e != null && now - e.staleAt < 0) {
            // prefetch window: one background fetch, everybody keeps the current token
            if (inFlight.get() == null && !inBackoff(now)) {
                startFetch(e);
            }
            return e.token;
        }
        CompletableFuture<Entry> fetch = inFlight.get();
        if (fetch == null) {
            Failure failure = lastFailure;
            if (failure != null && now - failure.retryAt < 0) {
                return usableOrThrow(e, now, failure.error);
            }
            fetch = startFetch(e);
        }
        return await(fetch, e);
    }

    private boolean inBackoff(long now) {
        Failure failure = lastFailure;
        return failure != null && now - failure.retryAt < 0;
    }

    private AccessToken await(CompletableFuture<Entry> fetch, Entry previous) {
        try {
            return fetch.get(maxWaitNanos, TimeUnit.NANOSECONDS).token;
        } catch (ExecutionException ex) {
            return usableOrThrow(previous, ticker.nanoTime(), asSnapException(ex.getCause()));
        } catch (TimeoutException ex) {
            return usableOrThrow(previous, ticker.nanoTime(), new SnapUnavailableException(
                    SnapUnavailableException.Reason.TIMEOUT, "no access token for client " + requests.clientKey()
                    + " within " + maxWait + "; the token endpoint is slow or unreachable (the fetch goes on)", ex));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED,
                    "interrupted while waiting for an access token for client " + requests.clientKey()
                            + "; the fetch goes on for other callers", ex);
        }
    }

    private static AccessToken usableOrThrow(Entry previous, long now, SnapException error) {
        if (previous != null && now - previous.expiresAt < 0) {
            return previous.token; // degraded: the old token has not expired yet
        }
        throw error;
    }

    /**
     * Starts the single fetch, or joins the one already in flight. {@code seen} is the entry the caller based its
     * decision on; if another fetch replaced it meanwhile, that result is used instead of fetching again.
     */
    private CompletableFuture<Entry> startFetch(Entry seen) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        while (!inFlight.compareAndSet(null, mine)) {
            CompletableFuture<Entry> other = inFlight.get();
            if (other != null) {
                return other;
            }
        }
        long now = ticker.nanoTime();
        Entry latest = current;
        if (latest != null && latest != seen && now - latest.staleAt < 0) {
            finish(mine, latest, null); // a fetch completed between the caller's look and our CAS
            return mine;
        }
        Failure failure = lastFailure;
        if (failure != null && now - failure.retryAt < 0) {
            finish(mine, null, failure.error);
            return mine;
        }
        Entry previous = latest;
        try {
            executor.execute(() -> runFetch(mine, previous));
        } catch (RejectedExecutionException ex) {
            finish(mine, null, new SnapUnavailableException(SnapUnavailableException.Reason.OTHER,
                    "the token fetch executor refused the task (is the service closed?)", ex));
        }
        return mine;
    }

    private void finish(CompletableFuture<Entry> mine, Entry result, SnapException error) {
        inFlight.compareAndSet(mine, null);
        if (error != null) {
            mine.completeExceptionally(error);
        } else {
            mine.complete(result);
        }
    }

    private void runFetch(CompletableFuture<Entry> mine, Entry previous) {
        try {
            Entry next = adoptFromCache(previous);
            if (next == null) {
                next = fetch(previous);
            }
            current = next;
            lastFailure = null;
            finish(mine, next, null);
        } catch (Throwable t) {
            SnapException error = asSnapException(t);
            lastFailure = new Failure(error, ticker.nanoTime() + minBackoffNanos);
            LOG.log(System.Logger.Level.WARNING, "access token fetch for client {0} failed: {1}",
                    requests.clientKey(), error.getMessage());
            notifyListener(() -> listener.onFetchFailed(error));
            finish(mine, null, error);
            if (t instanceof Error err) {
                throw err;
            }
        }
    }

    private Entry adoptFromCache(Entry previous) {
        Optional<AccessToken> shared;
        try {
            shared = cache.get(cacheKey);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "token cache read for {0} failed ({1}); fetching instead", cacheKey,
                    ex.getClass().getSimpleName());
            return null;
        }
        if (shared.isEmpty() || (previous != null && shared.get().equals(previous.token))) {
            return null;
        }
        AccessToken token = shared.get();
        long now = ticker.nanoTime();
        Duration remaining = Duration.between(clock.instant(), token.expiresAt());
        if (remaining.isNegative() || remaining.isZero()) {
            return null;
        }
        Entry candidate = Entry.of(token, now + remaining.toNanos(), token.lifetime().toNanos(),
                prefetchBeforeNanos, staleBeforeNanos);
        if (now - candidate.prefetchAt >= 0) {
            return null; // about to need refreshing anyway
        }
        notifyListener(() -> listener.onTokenAdopted(token));
        return candidate;
    }

    private Entry fetch(Entry previous) {
        long sentAtNanos = ticker.nanoTime();
        Instant sentAt = clock.instant();
        TokenGrant grant = endpoint.requestToken(requests);
        if (grant == null) {
            throw new SnapProtocolException("the token endpoint " + endpoint.getClass().getName()
                    + " returned no grant");
        }
        if (!grant.responseCode().isSuccess()) {
            throw SnapErrors.response(grant.responseCode().httpStatus())
                    .responseCode(grant.responseCode().value()).serverMessage(grant.responseMessage())
                    .clientKey(requests.clientKey().value()).toException();
        }
        AccessToken token = grant.toAccessToken(sentAt);
        long lifetime = grant.expiresIn().toNanos();
        Entry entry = Entry.of(token, sentAtNanos + lifetime, lifetime, prefetchBeforeNanos, staleBeforeNanos);
        try {
            cache.compareAndSet(cacheKey, previous == null ? null : previous.token, token);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "token cache write for {0} failed ({1}); the token is used anyway",
                    cacheKey, ex.getClass().getSimpleName());
        }
        LOG.log(System.Logger.Level.DEBUG, "fetched {0} for client {1}", token, requests.clientKey());
        notifyListener(() -> listener.onTokenFetched(token, grant));
        return entry;
    }

    private SnapException asSnapException(Throwable t) {
        if (t instanceof SnapException snap) {
            return snap;
        }
        return new SnapProtocolException("the token endpoint " + endpoint.getClass().getName() + " failed with "
                + t.getClass().getName() + " instead of a typed SnapException; this is a defect in that adapter",
                null, t);
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "TokenEventListener threw {0}; ignored", ex.getClass().getName());
        }
    }

    @Override
    public void invalidate(AccessToken token) {
        if (token == null) {
            return;
        }
        Entry e = current;
        if (e != null && e.token.equals(token) && CURRENT.compareAndSet(this, e, (Entry) null)) {
            notifyListener(() -> listener.onTokenInvalidated(token));
        }
        try {
            cache.compareAndSet(cacheKey, token, null);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "token cache removal for {0} failed ({1})", cacheKey,
                    ex.getClass().getSimpleName());
        }
    }

    /** The cache key this service stores its token under. */
    public TokenCacheKey cacheKey() {
        return cacheKey;
    }

    /** Whether a fetch is in flight right now (for diagnostics and tests). */
    public boolean isFetching() {
        return inFlight.get() != null;
    }

    /**
     * Stops the fetch thread this service owns (an executor passed to the builder is left alone) and closes what was
     * given to {@link Builder#closing}. Calls after closing fail once the cached token needs refreshing.
     */
    @Override
    public void close() {
        closed = true;
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a resource of the token service failed: "
                        + e.getClass().getName());
            }
        }
    }

    @Override
    public String toString() {
        return "AccessTokenService[" + cacheKey + ", current " + current + "]";
    }

    /** The cached token with its decision points on the monotonic ticker. */
    private static final class Entry {
        final AccessToken token;
        final long prefetchAt;
        final long staleAt;
        final long expiresAt;

        private Entry(AccessToken token, long prefetchAt, long staleAt, long expiresAt) {
            this.token = token;
            this.prefetchAt = prefetchAt;
            this.staleAt = staleAt;
            this.expiresAt = expiresAt;
        }

        /**
         * Short-lived tokens keep sensible windows: the prefetch lead is at most half the lifetime and the stale
         * lead at most a quarter.
         */
        static Entry of(AccessToken token, long expiresAt, long lifetime, long prefetchBefore, long staleBefore) {
            long prefetchLead = Math.min(prefetchBefore, lifetime / 2);
            long staleLead = Math.min(staleBefore, lifetime / 4);
            return new Entry(token, expiresAt - prefetchLead, expiresAt - staleLead, expiresAt);
        }
    }

    private static final class Failure {
        final SnapException error;
        final long retryAt;

        Failure(SnapException error, long retryAt) {
            this.error = error;
            this.retryAt = retryAt;
        }
    }

    /** Builds an {@link AccessTokenService}. */
    public static final class Builder {
        private TokenEndpoint endpoint;
        private TokenRequestSupplier requests;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.system();
        private TokenCache cache;
        private TokenCacheKey cacheKey;
        private Duration prefetchBefore = Duration.ofSeconds(60);
        private Duration staleBefore = Duration.ofSeconds(15);
        private Duration maxWait = Duration.ofSeconds(30);
        private Duration minBackoff = Duration.ofSeconds(1);
        private Executor executor;
        private TokenEventListener listener;
        private AutoCloseable closing;

        private Builder() {
        }

        /** The token endpoint (required). */
        public Builder endpoint(TokenEndpoint value) {
            this.endpoint = value;
            return this;
        }

        /** Signs each attempt (required), e.g. {@link B2bTokenRequestSupplier}. */
        public Builder requests(TokenRequestSupplier value) {
            this.requests = value;
            return this;
        }

        /** The wall clock for {@code obtainedAt}/{@code expiresAt}; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The monotonic time source for expiry decisions; default {@link System#nanoTime()}. */
        public Builder ticker(Ticker value) {
            this.ticker = value;
            return this;
        }

        /** Where tokens are kept; default a new {@link InMemoryTokenCache}. */
        public Builder cache(TokenCache value) {
            this.cache = value;
            return this;
        }

        /** The key in the cache; default namespace {@code default} and the client key. */
        public Builder cacheKey(TokenCacheKey value) {
            this.cacheKey = value;
            return this;
        }

        /** How long before expiry a background refresh starts; default 60 s. */
        public Builder prefetchBefore(Duration value) {
            this.prefetchBefore = value;
            return this;
        }

        /** How long before expiry callers stop using the token and wait for the fetch; default 15 s. */
        public Builder staleBefore(Duration value) {
            this.staleBefore = value;
            return this;
        }

        /** How long a caller waits for the fetch in flight; default 30 s. */
        public Builder maxWait(Duration value) {
            this.maxWait = value;
            return this;
        }

        /** The least time between a failed fetch and the next one; default 1 s. */
        public Builder minBackoff(Duration value) {
            this.minBackoff = value;
            return this;
        }

        /** Where fetches run; default one daemon thread owned by the service. */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /**
         * Something the service owns and closes in {@link AccessTokenService#close()}, e.g. the HTTP client of an
         * endpoint built for it alone. An endpoint shared by several services is better closed by its owner.
         */
        public Builder closing(AutoCloseable value) {
            this.closing = value;
            return this;
        }

        /** Observes fetches, failures and invalidations. */
        public Builder listener(TokenEventListener value) {
            this.listener = value;
            return this;
        }

        /**
         * The service.
         *
         * @throws SnapConfigurationException when a setting is inconsistent
         * @throws NullPointerException       when endpoint or requests are missing
         */
        public AccessTokenService build() {
            if (endpoint == null || requests == null) {
                throw new SnapConfigurationException("an AccessTokenService needs an endpoint and a request supplier");
            }
            return new AccessTokenService(this);
        }
    }
}
