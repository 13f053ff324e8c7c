package dev.snapbi.spring.boot3.autoconfigure.metrics;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.token.TokenRefreshPolicy;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.spring.boot3.autoconfigure.NicepayTokenListenerFactory;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenEndpointDecorator;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenProviderDecorator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token metrics per client (tag {@code client}: the configured name; never a key, token or secret):
 * <ul>
 *   <li>{@code snapbi.token.requests} (tag {@code result}): each token a call asked for was {@code hit} (a fresh cached
 *   token), {@code stale} (a cached token past its prefetch point, served while the refresh runs) or {@code waited}
 *   (the call waited for a fetch); and each token the service obtained was {@code fetched} from NICEPAY or
 *   {@code adopted} from the shared store of a fleet;</li>
 *   <li>{@code snapbi.token.fetch} timer (tag {@code outcome}: {@code success} or the error type): each call of the
 *   token endpoint, its retries included;</li>
 *   <li>{@code snapbi.token.invalidations}: tokens dropped after NICEPAY declared them dead;</li>
 *   <li>{@code snapbi.token.remaining} gauge (seconds): the remaining lifetime of the token held;</li>
 *   <li>{@code snapbi.token.lease} (tag {@code result}: {@code acquired}, {@code denied}) and
 *   {@code snapbi.token.store.errors}: the shared token store of a fleet.</li>
 * </ul>
 */
public final class SnapbiTokenMetrics implements NicepayTokenListenerFactory, TokenEndpointDecorator,
        TokenProviderDecorator {

    private final MeterRegistry registry;
    private final Clock clock;
    /** Tokens obtained per client, so that a request can tell it waited for one. */
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> obtainedByClient =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param registry where the meters go
     * @param clock    for the remaining lifetime
     */
    public SnapbiTokenMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public TokenEventListener create(String clientName) {
        AtomicReference<Instant> expiresAt = new AtomicReference<>();
        Gauge.builder("snapbi.token.remaining", expiresAt, ref -> {
                    Instant at = ref.get();
                    return at == null ? 0 : Math.max(0, Duration.between(clock.instant(), at).toMillis() / 1000.0);
                })
                .tag("client", clientName)
                .baseUnit("seconds")
                .description("Remaining lifetime of the access token held")
                .register(registry);
        Counter fetched = requests(clientName, "fetched");
        Counter adopted = requests(clientName, "adopted");
        Counter invalidations = Counter.builder("snapbi.token.invalidations").tag("client", clientName)
                .description("Tokens dropped after NICEPAY declared them dead").register(registry);
        Counter leaseAcquired = lease(clientName, "acquired");
        Counter leaseDenied = lease(clientName, "denied");
        Counter storeErrors = Counter.builder("snapbi.token.store.errors").tag("client", clientName)
                .description("Outages of the shared token store").register(registry);
        java.util.concurrent.atomic.LongAdder obtained = obtainedByClient.computeIfAbsent(clientName,
                n -> new java.util.concurrent.atomic.LongAdder());
        return new TokenEventListener() {
            @Override
            public void onTokenFetched(AccessToken token, TokenGrant grant) {
                expiresAt.set(token.expiresAt());
                fetched.increment();
                obtained.increment();
            }

            @Override
            public void onTokenAdopted(AccessToken token) {
                expiresAt.set(token.expiresAt());
                adopted.increment();
                obtained.increment();
            }

            @Override
            public void onTokenInvalidated(AccessToken token) {
                expiresAt.compareAndSet(token.expiresAt(), null);
                invalidations.increment();
            }

            @Override
            public void onLeaseAcquired(long fence) {
                leaseAcquired.increment();
            }

            @Override
            public void onLeaseDenied() {
                leaseDenied.increment();
            }

            @Override
            public void onStoreUnavailable(String problem) {
                storeErrors.increment();
            }
        };
    }

    private Counter requests(String clientName, String result) {
        return Counter.builder("snapbi.token.requests").tag("client", clientName).tag("result", result)
                .description("Token requests by result: hit, stale, waited; tokens obtained: fetched, adopted")
                .register(registry);
    }

    private Counter lease(String clientName, String result) {
        return Counter.builder("snapbi.token.lease").tag("client", clientName).tag("result", result)
                .description("Fetch leases of the shared token store").register(registry);
    }

    @Override
    public AccessTokenProvider decorate(String clientName, AccessTokenProvider tokens, TokenRefreshPolicy policy) {
        Counter hit = requests(clientName, "hit");
        Counter stale = requests(clientName, "stale");
        Counter waited = requests(clientName, "waited");
        java.util.concurrent.atomic.LongAdder obtained = obtainedByClient.computeIfAbsent(clientName,
                n -> new java.util.concurrent.atomic.LongAdder());
        Duration prefetch = policy.prefetchBefore();
        return new AccessTokenProvider() {
            @Override
            public AccessToken accessToken() {
                long before = obtained.sum();
                AccessToken token = tokens.accessToken();
                if (obtained.sum() != before) {
                    waited.increment(); // a fetch or an adoption completed while this call was in it
                } else if (!clock.instant().plus(prefetch).isBefore(token.expiresAt())) {
                    stale.increment();
                } else {
                    hit.increment();
                }
                return token;
            }

            @Override
            public void invalidate(AccessToken token) {
                tokens.invalidate(token);
            }

            @Override
            public String toString() {
                return "metered " + tokens;
            }
        };
    }

    @Override
    public TokenEndpoint decorate(String clientName, TokenEndpoint endpoint) {
        return requests -> {
            Timer.Sample sample = Timer.start(registry);
            String outcome = "success";
            try {
                return endpoint.requestToken(requests);
            } catch (SnapException e) {
                outcome = e.getClass().getSimpleName();
                throw e;
            } catch (RuntimeException e) {
                outcome = "error";
                throw e;
            } finally {
                sample.stop(Timer.builder("snapbi.token.fetch").tag("client", clientName).tag("outcome", outcome)
                        .description("Calls of NICEPAY's token endpoint, retries included").register(registry));
            }
        };
    }
}
