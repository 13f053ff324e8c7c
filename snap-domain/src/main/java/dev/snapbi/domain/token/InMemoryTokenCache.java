package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.CoordinatedTokenCache;

import dev.snapbi.domain.port.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link dev.snapbi.domain.port.TokenCache}: tokens in this JVM, with the fetch lease of a
 * {@link CoordinatedTokenCache} so that several {@link AccessTokenService}s sharing one instance make one fetch
 * between them. Share one instance between services to let them see each other's tokens; every service creates its
 * own otherwise. Lifetimes are tracked on a monotonic {@link Ticker}.
 */
public final class InMemoryTokenCache implements CoordinatedTokenCache {

    private final Ticker ticker;
    private final Clock clock;
    private final Map<TokenCacheKey, Slot> slots = new HashMap<>(); // guarded by this

    private static final class Slot {
        AccessToken token;
        boolean ttlKnown;
        long tokenExpiresAt;
        String leaseOwner;
        long leaseFence;
        long leaseExpiresAt;
        long fence;
    }

    private InMemoryTokenCache(Ticker ticker, Clock clock) {
        if (ticker == null || clock == null) {
            throw new SnapConfigurationException("an InMemoryTokenCache needs "
                    + (ticker == null ? "a ticker" : "a clock") + "; use InMemoryTokenCache.create() for the system's");
        }
        this.ticker = ticker;
        this.clock = clock;
    }

    /** An empty cache on the system's monotonic clock. */
    public static InMemoryTokenCache create() {
        return new InMemoryTokenCache(Ticker.system(), Clock.systemUTC());
    }

    /**
     * An empty cache measuring lifetimes on this ticker; {@code clock} only judges tokens written through
     * {@link #compareAndSet} (which carries no lifetime: they are kept until replaced, expired or not).
     *
     * @throws SnapConfigurationException when {@code ticker} or {@code clock} is null
     */
    public static InMemoryTokenCache create(Ticker ticker, Clock clock) {
        return new InMemoryTokenCache(ticker, clock);
    }

    private Slot live(TokenCacheKey key, long now) {
        Slot slot = slots.get(key);
        if (slot != null && slot.token != null && slot.ttlKnown && now - slot.tokenExpiresAt >= 0) {
            slot.token = null;
        }
        if (slot != null && slot.leaseOwner != null && now - slot.leaseExpiresAt >= 0) {
            slot.leaseOwner = null;
        }
        return slot;
    }

    private Slot slot(TokenCacheKey key) {
        return slots.computeIfAbsent(key, k -> new Slot());
    }

    @Override
    public synchronized Optional<AccessToken> get(TokenCacheKey key) {
        Slot slot = live(Objects.requireNonNull(key, "key"), ticker.nanoTime());
        return Optional.ofNullable(slot == null ? null : slot.token);
    }

    @Override
    public synchronized boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement) {
        Objects.requireNonNull(key, "key");
        long now = ticker.nanoTime();
        Slot slot = live(key, now);
        AccessToken stored = slot == null ? null : slot.token;
        if (!Objects.equals(stored, expected)) {
            return false;
        }
        if (replacement == null) {
            if (slot != null) {
                slot.token = null;
            }
            return true;
        }
        Slot s = slot(key);
        s.token = replacement;
        s.ttlKnown = false; // no lifetime given: readers judge by the token's expiry and the clock
        return true;
    }

    @Override
    public synchronized Optional<SharedToken> read(TokenCacheKey key) {
        long now = ticker.nanoTime();
        Slot slot = live(Objects.requireNonNull(key, "key"), now);
        if (slot == null || slot.token == null) {
            return Optional.empty();
        }
        Duration remaining = slot.ttlKnown ? Duration.ofNanos(slot.tokenExpiresAt - now)
                : Duration.between(clock.instant(), slot.token.expiresAt());
        return remaining.isNegative() || remaining.isZero() ? Optional.empty()
                : Optional.of(new SharedToken(slot.token, remaining));
    }

    @Override
    public synchronized Optional<FetchLease> tryAcquireLease(TokenCacheKey key, String owner, Duration ttl) {
        long now = ticker.nanoTime();
        live(Objects.requireNonNull(key, "key"), now);
        Slot slot = slot(key);
        if (slot.leaseOwner != null) {
            return Optional.empty();
        }
        slot.fence++;
        slot.leaseOwner = owner;
        slot.leaseFence = slot.fence;
        slot.leaseExpiresAt = now + ttl.toNanos();
        return Optional.of(new FetchLease(key, owner, slot.fence));
    }

    @Override
    public synchronized boolean storeFenced(FetchLease lease, AccessToken token, Duration ttl) {
        long now = ticker.nanoTime();
        Slot slot = live(lease.key(), now);
        if (slot == null || slot.fence != lease.fence() || ttl.isNegative() || ttl.isZero()) {
            return false; // a newer lease was issued: this holder is late
        }
        slot.token = Objects.requireNonNull(token, "token");
        slot.ttlKnown = true;
        slot.tokenExpiresAt = now + ttl.toNanos();
        return true;
    }

    @Override
    public synchronized boolean releaseLease(FetchLease lease) {
        Slot slot = live(lease.key(), ticker.nanoTime());
        if (slot != null && lease.owner().equals(slot.leaseOwner) && slot.leaseFence == lease.fence()) {
            slot.leaseOwner = null;
            return true;
        }
        return false;
    }

    /** How many unexpired tokens are stored. */
    public synchronized int size() {
        long now = ticker.nanoTime();
        int n = 0;
        for (TokenCacheKey key : slots.keySet()) {
            Slot slot = live(key, now);
            if (slot.token != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "InMemoryTokenCache[" + size() + " tokens]";
    }
}
