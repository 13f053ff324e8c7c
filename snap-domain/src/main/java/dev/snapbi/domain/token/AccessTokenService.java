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
import dev.snapbi.domain.port.CoordinatedTokenCache;
import dev.snapbi.domain.port.CoordinatedTokenCache.FetchLease;
import dev.snapbi.domain.port.CoordinatedTokenCache.SharedToken;
import dev.snapbi.domain.port.Ticker;
import dev.snapbi.domain.port.TokenCache;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.internal.RefreshAheadCell;
import dev.snapbi.domain.token.internal.RefreshAheadCell.Timed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The token lifecycle for one credential (one client key at one provider environment), implementing
 * {@link AccessTokenProvider}. The concurrency core is a refresh-ahead cell on the monotonic {@link Ticker}; this
 * class adds the endpoint call, the shared store and the listener. The {@link TokenRefreshPolicy} says when:
 * <ul>
 *   <li><b>Hot path.</b> While the cached token is before its prefetch point, {@link #accessToken()} is a volatile
 *   read and a monotonic clock read: no lock, no allocation, no I/O.</li>
 *   <li><b>Refresh ahead.</b> From the prefetch point (default 60 s before expiry) one fetch starts in the
 *   background while every caller keeps getting the current token at once.</li>
 *   <li><b>Stale.</b> From the stale point (default 15 s before expiry) callers wait for the single fetch in flight,
 *   bounded by {@code maxWait}; a failed or late fetch still yields the old token while it has not expired. A token
 *   is never handed out at or past its expiry by this host's monotonic clock.</li>
 *   <li><b>Failures.</b> After a failed fetch no new one starts before {@code minBackoff}; with no usable token the
 *   typed error is thrown. A fetch that outlives {@code fetchTimeout} is abandoned (its thread interrupted); an
 *   executor that refuses or drops the task cannot wedge the service. A grant too short to outlive its own round
 *   trip is a {@link SnapProtocolException}.</li>
 *   <li><b>Time.</b> Expiry is counted from the clock reading taken before the request was sent, on the monotonic
 *   ticker, so wall-clock jumps neither extend a token's life nor cause refetch loops.</li>
 *   <li><b>Fleet.</b> With a shared {@link CoordinatedTokenCache} (e.g. snap-cache-redis) replicas adopt each other's
 *   tokens and one replica at a time fetches, holding a fenced lease; each replica's prefetch point is jittered.
 *   Shared tokens' lifetimes come from the store's own TTL, never from another host's clock. When the store fails,
 *   the service fetches for itself: the store never fails a caller.</li>
 *   <li><b>Invalidation is final.</b> {@link #invalidate} removes the token from the shared store first and
 *   remembers it, so no fetch in flight can adopt it again.</li>
 * </ul>
 * Fetches run on the configured executor, or on daemon threads the service owns (which exit when idle);
 * {@link #close()} interrupts those. Several services (merchants, environments) live side by side; nothing is static.
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
    private static final long STORE_COOLDOWN_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int MAX_OWNED_FETCH_THREADS = 16;

    private final TokenEndpoint endpoint;
    private final TokenRequestSupplier requests;
    private final Clock clock;
    private final Ticker ticker;
    private final CoordinatedTokenCache store;
    private final TokenCacheKey cacheKey;
    private final TokenRefreshPolicy policy;
    private final long prefetchBeforeNanos;
    private final long staleBeforeNanos;
    private final long leaseTtlNanos;
    private final double jitter;
    private final String owner = "svc-" + UUID.randomUUID();
    private final ThreadPoolExecutor ownedExecutor;
    private final TokenEventListener listener;
    private final RefreshAheadCell<AccessToken> cell;
    private final AutoCloseable closing;

    private volatile boolean storeDown;
    private volatile long storeRetryAt;

    private AccessTokenService(Builder b, TokenRefreshPolicy policy) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.requests = Objects.requireNonNull(b.requests, "requests");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.ticker = Objects.requireNonNull(b.ticker, "ticker");
        this.policy = policy;
        this.store = b.cache == null ? InMemoryTokenCache.create(ticker, clock)
                : b.cache instanceof CoordinatedTokenCache c ? c : new UncoordinatedCache(b.cache, clock);
        this.cacheKey = b.cacheKey != null ? b.cacheKey : TokenCacheKey.of("default", requests.clientKey());
        this.prefetchBeforeNanos = policy.prefetchBefore().toNanos();
        this.staleBeforeNanos = policy.staleBefore().toNanos();
        this.leaseTtlNanos = policy.leaseTtl().toNanos();
        // a private cache has no replica to spread out from: no jitter, exact points
        this.jitter = b.cache == null ? 0.0 : policy.prefetchJitter();
        this.listener = b.listener != null ? b.listener : TokenEventListener.NONE;
        Executor executor;
        this.closing = b.closing;
        if (b.executor != null) {
            executor = b.executor;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = newFetchExecutor(requests.clientKey().value());
            executor = ownedExecutor;
        }
        this.cell = new RefreshAheadCell<>(this::refresh, ticker::nanoTime, executor,
                new RefreshAheadCell.Settings(policy.maxWait(), policy.minBackoff(), policy.fetchTimeout()),
                this::asSnapException, () -> "an access token for client " + requests.clientKey(),
                () -> new IllegalStateException("AccessTokenService for client " + requests.clientKey()
                        + " is closed; build a new one"));
    }

    private static ThreadPoolExecutor newFetchExecutor(String clientKey) {
        AtomicInteger seq = new AtomicInteger();
        // no queue: an abandoned fetch that ignores its interrupt cannot hold up the next one (an idle thread is
        // reused, else a new one starts); beyond the bound the task is refused, which the cell turns into a typed error
        return new ThreadPoolExecutor(0, MAX_OWNED_FETCH_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread t = new Thread(runnable, "snapbi-token-fetch-" + clientKey + "-" + seq.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A builder; {@code endpoint} and {@code requests} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException after {@link #close()}, once the cached token needs refreshing: a closed service
     *                               fetches nothing (see {@link #isClosed()})
     */
    @Override
    public AccessToken accessToken() {
        return cell.get();
    }

    // ---- the refresh, on the fetch thread ----

    private Timed<AccessToken> refresh(Timed<AccessToken> previous) {
        try {
            return refreshOrThrow(previous);
        } catch (RuntimeException ex) {
            SnapException error = asSnapException(ex);
            LOG.log(System.Logger.Level.WARNING, "access token fetch for client {0} failed: {1}",
                    requests.clientKey(), error.getMessage());
            notifyListener(() -> listener.onFetchFailed(error));
            throw error;
        }
    }

    private Timed<AccessToken> refreshOrThrow(Timed<AccessToken> previous) {
        Timed<AccessToken> adopted = adopt(previous);
        if (adopted != null) {
            return adopted;
        }
        Optional<FetchLease> lease = storeCall(() -> store.tryAcquireLease(cacheKey, owner, policy.leaseTtl()));
        if (lease == null) {
            return fetchAndStore(null); // the store is down: fetch for ourselves
        }
        if (lease.isPresent()) {
            return fetchAsHolder(previous, lease.get());
        }
        notifyListener(listener::onLeaseDenied);
        long now = ticker.nanoTime();
        if (previous != null && now - previous.staleAt() < 0 && !cell.isInvalidated(previous.value())) {
            // another replica is fetching: keep serving ours and look again a little later
            return previous.withPrefetchAt(now + lookAgainDelay(previous.staleAt() - now));
        }
        // no usable token: wait for the holder's, bounded by the lease TTL
        long end = System.nanoTime() + leaseTtlNanos;
        while (System.nanoTime() - end < 0) {
            pause(pollDelay());
            adopted = adopt(previous);
            if (adopted != null) {
                return adopted;
            }
            lease = storeCall(() -> store.tryAcquireLease(cacheKey, owner, policy.leaseTtl()));
            if (lease == null) {
                break;
            }
            if (lease.isPresent()) {
                return fetchAsHolder(previous, lease.get());
            }
        }
        return fetchAndStore(null); // the holder did not deliver in time
    }

    private Timed<AccessToken> fetchAsHolder(Timed<AccessToken> previous, FetchLease lease) {
        notifyListener(() -> listener.onLeaseAcquired(lease.fence()));
        try {
            Timed<AccessToken> adopted = adopt(previous); // another holder may have delivered meanwhile
            return adopted != null ? adopted : fetchAndStore(lease);
        } finally {
            storeCall(() -> store.releaseLease(lease));
        }
    }

    private Timed<AccessToken> adopt(Timed<AccessToken> previous) {
        long sentAt = ticker.nanoTime();
        Optional<SharedToken> read = storeCall(() -> store.read(cacheKey));
        if (read == null || read.isEmpty()) {
            return null;
        }
        AccessToken token = read.get().token();
        if ((previous != null && token.equals(previous.value())) || cell.isInvalidated(token)) {
            return null;
        }
        // the store's TTL counted from before the read was sent: never later than the true expiry
        long expiresAt = sentAt + read.get().remaining().toNanos();
        long lifetime = token.lifetime().toNanos();
        if (ticker.nanoTime() - (expiresAt - prefetchLead(lifetime)) >= 0) {
            return null; // about to need refreshing anyway
        }
        notifyListener(() -> listener.onTokenAdopted(token));
        return timed(token, expiresAt, lifetime);
    }

    private Timed<AccessToken> fetchAndStore(FetchLease lease) {
        long sentAtNanos = ticker.nanoTime();
        Instant sentAt = clock.instant();
        TokenGrant grant = endpoint.requestToken(requests);
        long receivedAt = ticker.nanoTime();
        if (grant == null) {
            throw new SnapProtocolException("the token endpoint " + endpoint.getClass().getName()
                    + " returned no grant");
        }
        if (!grant.responseCode().isSuccess()) {
            throw SnapErrors.response(grant.responseCode().httpStatus())
                    .responseCode(grant.responseCode().value()).serverMessage(grant.responseMessage())
                    .clientKey(requests.clientKey().value()).toException();
        }
        long lifetime = grant.expiresIn().toNanos();
        long expiresAt = sentAtNanos + lifetime;
        long roundTrip = receivedAt - sentAtNanos;
        long remaining = expiresAt - receivedAt;
        // too short to be useful: expired on arrival, or already past its stale point with less life left than
        // the round trip that brought it (a call using it would likely arrive too late)
        if (remaining <= 0 || (remaining < Math.min(staleBeforeNanos, lifetime / 4) && remaining < roundTrip)) {
            throw new SnapProtocolException("the token endpoint granted client " + requests.clientKey()
                    + " a token for " + grant.expiresIn().toSeconds() + " s, but the answer took "
                    + Duration.ofNanos(roundTrip).toMillis() + " ms: it would expire before a call could use it;"
                    + " check the endpoint's latency and the token lifetime it grants");
        }
        AccessToken token = grant.toAccessToken(sentAt);
        if (lease != null) {
            Boolean stored = storeCall(() -> store.storeFenced(lease, token,
                    Duration.ofNanos(expiresAt - ticker.nanoTime())));
            if (Boolean.FALSE.equals(stored)) {
                LOG.log(System.Logger.Level.DEBUG, "a newer fetch lease for {0} exists; this token is not shared",
                        cacheKey);
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "fetched {0} for client {1}", token, requests.clientKey());
        notifyListener(() -> listener.onTokenFetched(token, grant));
        return timed(token, expiresAt, lifetime);
    }

    private long prefetchLead(long lifetime) {
        return Math.min(prefetchBeforeNanos, lifetime / 2);
    }

    /** The decision points; short-lived tokens keep sensible windows (prefetch at most half, stale a quarter). */
    private Timed<AccessToken> timed(AccessToken token, long expiresAt, long lifetime) {
        long prefetchAt = expiresAt - prefetchLead(lifetime);
        long staleAt = expiresAt - Math.min(staleBeforeNanos, lifetime / 4);
        if (jitter > 0) {
            prefetchAt += (long) (ThreadLocalRandom.current().nextDouble() * jitter * (staleAt - prefetchAt));
        }
        return new Timed<>(token, prefetchAt, staleAt, expiresAt);
    }

    private long lookAgainDelay(long untilStale) {
        long base = Math.min(Math.max(untilStale / 4, Duration.ofMillis(10).toNanos()), leaseTtlNanos);
        return (long) (base * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()));
    }

    private long pollDelay() {
        long base = Math.min(Duration.ofMillis(50).toNanos(), Math.max(leaseTtlNanos / 20, 1_000_000L));
        return (long) (base * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()));
    }

    private void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED,
                    "interrupted while waiting for another replica's access token for client "
                            + requests.clientKey(), e);
        }
    }

    /**
     * Calls the shared store; {@code null} when it failed or is cooling down after a failure. Logs once per outage.
     */
    private <R> R storeCall(Supplier<R> call) {
        if (storeDown && ticker.nanoTime() - storeRetryAt < 0) {
            return null;
        }
        try {
            R result = call.get();
            if (storeDown) {
                storeDown = false;
                LOG.log(System.Logger.Level.INFO, "the shared token store for {0} answers again", cacheKey);
                notifyListener(listener::onStoreRecovered);
            }
            return result;
        } catch (RuntimeException ex) {
            storeRetryAt = ticker.nanoTime() + STORE_COOLDOWN_NANOS;
            if (!storeDown) {
                storeDown = true;
                String problem = ex.getClass().getSimpleName();
                LOG.log(System.Logger.Level.WARNING, "the shared token store for {0} failed ({1}); fetching without"
                        + " it until it answers again", cacheKey, problem);
                notifyListener(() -> listener.onStoreUnavailable(problem));
            }
            return null;
        }
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

    /**
     * Drops exactly this token for good: it is remembered (so no fetch in flight adopts it again), removed from the
     * shared store if still there (only that exact token), then from this service.
     */
    @Override
    public void invalidate(AccessToken token) {
        if (token == null) {
            return;
        }
        cell.markInvalidated(token);
        storeCall(() -> store.compareAndSet(cacheKey, token, null));
        if (cell.invalidate(token)) {
            notifyListener(() -> listener.onTokenInvalidated(token));
        }
    }

    /** The cache key this service stores its token under. */
    public TokenCacheKey cacheKey() {
        return cacheKey;
    }

    /** The refresh policy in force. */
    public TokenRefreshPolicy policy() {
        return policy;
    }

    /** Whether a fetch is in flight right now (for diagnostics and tests). */
    public boolean isFetching() {
        return cell.isRefreshing();
    }

    /**
     * Interrupts and stops the fetch threads this service owns (an executor passed to the builder is left alone),
     * abandons the fetch in flight and closes what was given to {@link Builder#closing}. Calls after closing fail once
     * the cached token needs refreshing, with an {@link IllegalStateException} saying that the service is closed (a
     * state of this object, not a setting or the provider's doing). Closing twice does nothing more.
     */
    @Override
    public void close() {
        cell.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
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

    /** Whether {@link #close()} was called: a closed service hands out its cached token until it needs refreshing,
     * then refuses with an {@link IllegalStateException}. */
    public boolean isClosed() {
        return cell.isClosed();
    }

    @Override
    public String toString() {
        Timed<AccessToken> e = cell.peek();
        return "AccessTokenService[" + cacheKey + ", current " + (e == null ? null : e.value()) + "]";
    }

    /** A plain {@link TokenCache} seen as a coordinated one: every lease is granted, lifetimes by this clock. */
    private static final class UncoordinatedCache implements CoordinatedTokenCache {
        private final TokenCache cache;
        private final Clock clock;

        UncoordinatedCache(TokenCache cache, Clock clock) {
            this.cache = cache;
            this.clock = clock;
        }

        @Override
        public Optional<AccessToken> get(TokenCacheKey key) {
            return cache.get(key);
        }

        @Override
        public boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement) {
            return cache.compareAndSet(key, expected, replacement);
        }

        @Override
        public Optional<SharedToken> read(TokenCacheKey key) {
            Optional<AccessToken> token = cache.get(key);
            if (token.isEmpty()) {
                return Optional.empty();
            }
            Duration remaining = Duration.between(clock.instant(), token.get().expiresAt());
            return remaining.isNegative() || remaining.isZero() ? Optional.empty()
                    : Optional.of(new SharedToken(token.get(), remaining));
        }

        @Override
        public Optional<FetchLease> tryAcquireLease(TokenCacheKey key, String owner, Duration ttl) {
            return Optional.of(new FetchLease(key, owner, 0));
        }

        @Override
        public boolean storeFenced(FetchLease lease, AccessToken token, Duration ttl) {
            Optional<AccessToken> stored = cache.get(lease.key());
            return cache.compareAndSet(lease.key(), stored.orElse(null), token);
        }

        @Override
        public boolean releaseLease(FetchLease lease) {
            return true;
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
        private TokenRefreshPolicy.Builder policy = TokenRefreshPolicy.builder();
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

        /**
         * Where tokens are kept; default a new private {@link InMemoryTokenCache}. A
         * {@link CoordinatedTokenCache} shared by replicas (snap-cache-redis) makes one fetch per expiry for all.
         */
        public Builder cache(TokenCache value) {
            this.cache = value;
            return this;
        }

        /** The key in the cache; default namespace {@code default} and the client key. */
        public Builder cacheKey(TokenCacheKey value) {
            this.cacheKey = value;
            return this;
        }

        /** Every timing setting at once; the single setters below change one of them. */
        public Builder policy(TokenRefreshPolicy value) {
            if (value == null) {
                throw new SnapConfigurationException("the token refresh policy (policy) is missing; use"
                        + " TokenRefreshPolicy.defaults()");
            }
            this.policy = value.toBuilder();
            return this;
        }

        /** How long before expiry a background refresh starts; default 60 s. */
        public Builder prefetchBefore(Duration value) {
            policy.prefetchBefore(value);
            return this;
        }

        /** How long before expiry callers stop using the token and wait for the fetch; default 15 s. */
        public Builder staleBefore(Duration value) {
            policy.staleBefore(value);
            return this;
        }

        /** How long a caller waits for the fetch in flight; default 30 s. */
        public Builder maxWait(Duration value) {
            policy.maxWait(value);
            return this;
        }

        /** The least time between a failed fetch and the next one; default 1 s. */
        public Builder minBackoff(Duration value) {
            policy.minBackoff(value);
            return this;
        }

        /** How long one fetch may take before it is abandoned and a new one allowed; default 60 s. */
        public Builder fetchTimeout(Duration value) {
            policy.fetchTimeout(value);
            return this;
        }

        /** Where fetches run; default daemon threads owned by the service. */
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

        /** Observes fetches, failures, invalidations, leases and store outages. */
        public Builder listener(TokenEventListener value) {
            this.listener = value;
            return this;
        }

        /**
         * The service.
         *
         * @throws SnapConfigurationException when a setting is inconsistent, or the endpoint, the request supplier, the
         *                                    clock or the ticker is missing
         */
        public AccessTokenService build() {
            if (endpoint == null) {
                throw new SnapConfigurationException("an AccessTokenService needs an endpoint (the provider's token"
                        + " endpoint, e.g. from the Feign or JDK adapter)");
            }
            if (requests == null) {
                throw new SnapConfigurationException("an AccessTokenService needs a request supplier (requests), e.g."
                        + " B2bTokenRequestSupplier.create(clientKey, signer, clock, profile)");
            }
            if (clock == null) {
                throw new SnapConfigurationException("the clock is missing; use Clock.systemUTC()");
            }
            if (ticker == null) {
                throw new SnapConfigurationException("the ticker is missing; use Ticker.system()");
            }
            return new AccessTokenService(this, policy.build());
        }
    }
}
