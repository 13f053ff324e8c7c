package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.internal.ClientChoice;
import dev.snapbi.adapter.feign.internal.Failures;
import dev.snapbi.adapter.feign.internal.Settings;
import dev.snapbi.adapter.feign.token.internal.ResilienceFactory;
import dev.snapbi.adapter.feign.token.internal.TokenApi;
import dev.snapbi.adapter.feign.token.internal.TokenApiFactory;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenRequestSupplier;
import feign.Client;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The {@link TokenEndpoint} port over Feign: {@code POST {baseUrl}/nicepay/v1.0/access-token/b2b} (the profile's
 * {@link ProviderProfile#tokenUrl() token URL}) with the SNAP headers and compact JSON body of each
 * {@link TokenRequest}.
 * <ul>
 *   <li><b>Transport.</b> The JDK {@link HttpClient}, owned by the endpoint and released by {@link #close()}
 *   (connect timeout 5 s, read timeout 10 s, redirects never followed so the signature cannot travel to another
 *   host), or any {@link Client} you supply. Every answer body, success or error, is read within one deadline (the
 *   read timeout, or {@link Builder#bodyTimeout}) and a size limit ({@link Builder#maxBodyBytes}, default 64 KiB);
 *   gzip is decoded only in memory. Feign's own retryer is off ({@link Retryer#NEVER_RETRY}).</li>
 *   <li><b>Fresh signature per attempt.</b> Each attempt calls {@code requests.get()} before sending, inside
 *   {@code Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt))}, so a retry
 *   never resends an old timestamp or signature.</li>
 *   <li><b>Resilience.</b> Resilience4j {@link Retry} and {@link CircuitBreaker} from Resilience4j's config objects
 *   (defaults: {@link TokenResilience}); observe them through {@link #retry()} and {@link #circuitBreaker()}
 *   ({@code getEventPublisher()}) or through the registries you pass in. While the circuit is open, calls fail
 *   fast with {@link SnapUnavailableException.Reason#CIRCUIT_OPEN}.</li>
 *   <li><b>Errors.</b> Every failure is one of the domain's {@link SnapException} kinds; no Feign, Jackson or I/O
 *   exception leaves this class. Bodies over the size limit, tokens over 2048 characters and malformed JSON are
 *   {@link SnapProtocolException}s.</li>
 *   <li><b>Logging.</b> Attempts and timings at DEBUG on this class's logger; Feign's wire log at DEBUG on
 *   {@code dev.snapbi.adapter.feign.token.FeignTokenEndpoint.http}, with {@code X-SIGNATURE}, {@code Authorization} and
 *   token values masked at every level, {@code FULL} included.</li>
 * </ul>
 * Thread-safe; one instance serves any number of clients (the client key comes with each request supplier).
 * <pre>{@code
 * TokenEndpoint endpoint = FeignTokenEndpoint.builder()
 *         .profile(ProviderProfile.nicepayDevelopment())
 *         .readTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class FeignTokenEndpoint implements TokenEndpoint, AutoCloseable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FeignTokenEndpoint.class);

    /** The SLF4J logger name of the (redacted) Feign wire log. */
    public static final String WIRE_LOGGER = FeignTokenEndpoint.class.getName() + ".http";

    private final ProviderProfile profile;
    private final TokenApi api;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Failures failures;
    private final ClientChoice http;

    private FeignTokenEndpoint(ProviderProfile profile, TokenApi api, Retry retry, CircuitBreaker circuitBreaker,
                               Failures failures, ClientChoice http) {
        this.profile = profile;
        this.api = api;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.failures = failures;
        this.http = http;
    }

    /**
     * Releases the HTTP client this endpoint owns (its threads end; not a client you passed in). Requests after
     * closing fail with {@link SnapUnavailableException}. {@link FeignAccessTokens} closes it with the service.
     */
    @Override
    public void close() {
        http.close();
    }

    /** An endpoint for this profile with every default. */
    public static FeignTokenEndpoint create(ProviderProfile profile) {
        return builder().profile(profile).build();
    }

    /** A builder; a {@link Builder#profile profile} or {@link Builder#baseUrl base URL} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Requests a token, retrying per the retry config with a freshly signed request each attempt.
     *
     * @throws dev.snapbi.domain.error.SnapRejectedException    the server refused (4xx other than 408 and 429); not
     *                                                          retried
     * @throws SnapUnavailableException                         5xx, 408, 429, timeouts, IO failures after the last
     *                                                          attempt, or an open circuit
     * @throws SnapProtocolException                            the answer broke the protocol
     * @throws SnapConfigurationException                       signing failed locally; nothing was sent
     */
    @Override
    public TokenGrant requestToken(TokenRequestSupplier requests) {
        Objects.requireNonNull(requests, "requests");
        String clientKey = requests.clientKey().value();
        AtomicInteger attempts = new AtomicInteger();
        Supplier<TokenGrant> guarded = CircuitBreaker.decorateSupplier(circuitBreaker,
                () -> attempt(requests, clientKey, attempts.incrementAndGet()));
        Supplier<TokenGrant> failFast = () -> {
            try {
                return guarded.get();
            } catch (CallNotPermittedException open) {
                throw circuitOpen(clientKey);
            }
        };
        try {
            return Retry.decorateSupplier(retry, failFast).get();
        } catch (SnapException e) {
            throw e;
        } catch (RuntimeException e) {
            throw typed(e, clientKey);
        }
    }

    private TokenGrant attempt(TokenRequestSupplier requests, String clientKey, int attempt) {
        TokenRequest request = requests.get(); // a new timestamp and signature for every attempt
        long started = System.nanoTime();
        LOG.debug("token request attempt {} for client {}: POST {} (X-TIMESTAMP {})", attempt, clientKey,
                profile.tokenUrl(), request.timestamp());
        try {
            Map<String, Object> headers = new LinkedHashMap<>(request.headers());
            TokenGrant grant = api.requestToken(headers, request.body());
            if (grant == null) {
                throw new SnapProtocolException("the token endpoint " + profile.tokenUrl() + " gave no answer body");
            }
            LOG.debug("token request attempt {} for client {} succeeded in {} ms: {}", attempt, clientKey,
                    elapsedMillis(started), grant);
            return grant;
        } catch (RuntimeException e) {
            SnapException error = typed(e, clientKey);
            LOG.debug("token request attempt {} for client {} failed in {} ms: {}", attempt, clientKey,
                    elapsedMillis(started), error.getMessage());
            throw error;
        }
    }

    private SnapUnavailableException circuitOpen(String clientKey) {
        return new SnapUnavailableException(SnapUnavailableException.Reason.CIRCUIT_OPEN, "the circuit breaker '"
                + circuitBreaker.getName() + "' is open after repeated failures of POST " + profile.tokenUrl()
                + ", so the request for client " + clientKey + " was not sent; it lets a probe through after its"
                + " wait duration - until then a still-valid cached token keeps being served",
                ErrorContext.ofRequest("POST", profile.tokenPath()), null, null);
    }

    private SnapException typed(RuntimeException e, String clientKey) {
        return failures.typed(e, "POST", profile.tokenUrl().getRawPath(), "POST " + profile.tokenUrl()
                + (clientKey == null ? "" : " for client " + clientKey));
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** The profile this endpoint talks to. */
    public ProviderProfile profile() {
        return profile;
    }

    /** The Resilience4j retry around each call: subscribe to {@code retry().getEventPublisher()} to observe it. */
    public Retry retry() {
        return retry;
    }

    /**
     * The Resilience4j circuit breaker around each attempt: subscribe to {@code getEventPublisher()} to observe
     * state transitions, or read {@code getState()} and {@code getMetrics()}.
     */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    @Override
    public String toString() {
        return "FeignTokenEndpoint[POST " + profile.tokenUrl() + ", retry " + retry.getName() + ", circuit breaker "
                + circuitBreaker.getName() + " " + circuitBreaker.getState() + "]";
    }

    /** Builds a {@link FeignTokenEndpoint}. Validation happens in {@link #build()}. */
    public static final class Builder extends TokenEndpointSettings<Builder> {
        private Client client;
        private RetryRegistry retryRegistry;
        private CircuitBreakerRegistry circuitBreakerRegistry;
        private String name;
        private Logger.Level logLevel = Logger.Level.BASIC;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The HTTP client; default the adapter's own client on a JDK {@link HttpClient} that never follows redirects,
         * reads every body wholly within the body deadline and size limit, decodes gzip only in memory, and is
         * released by {@link FeignTokenEndpoint#close()}. The timeouts above are passed to a client of yours as
         * {@link Request.Options} with redirects off, and its bodies are read within the deadline and the size
         * limit (the stream is closed, and the thread interrupted, when connect + read + body timeout have passed).
         * What a client of yours does before it hands a body over is beyond that: feign-java11's {@code Http2Client}
         * reads a gzip header inside {@code execute}, from a JDK stream that ignores interrupts, so a server that
         * stalls there holds the call. Prefer the default client. A client you pass is never closed by the
         * endpoint.
         */
        public Builder client(Client value) {
            this.client = Settings.required(value, "client");
            return this;
        }

        /**
         * Take the {@link Retry} from this registry (under the {@link #name(String) name}, created with the retry
         * config if absent) so that your registry's event consumers and metrics see it.
         */
        public Builder retryRegistry(RetryRegistry value) {
            this.retryRegistry = Settings.required(value, "retryRegistry");
            return this;
        }

        /** Take the {@link CircuitBreaker} from this registry (under the name, created with the config if absent). */
        public Builder circuitBreakerRegistry(CircuitBreakerRegistry value) {
            this.circuitBreakerRegistry = Settings.required(value, "circuitBreakerRegistry");
            return this;
        }

        /** The name of the retry and circuit breaker instances; default {@code snapbi-token-<profile name>}. */
        public Builder name(String value) {
            this.name = Settings.required(value, "name");
            return this;
        }

        /**
         * How much of each exchange the wire log shows (at SLF4J DEBUG on {@link #WIRE_LOGGER}); default
         * {@code BASIC}. Secrets are masked at every level; bodies are read bounded.
         */
        public Builder logLevel(Logger.Level value) {
            this.logLevel = Settings.required(value, "logLevel");
            return this;
        }

        /** The clock used to read {@code Retry-After} dates; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Settings.required(value, "clock");
            return this;
        }

        /**
         * The endpoint.
         *
         * @throws SnapConfigurationException when no profile or base URL was given, the base URL is invalid or plain
         *                                    {@code http://} to a host that is not loopback, or a timeout is not
         *                                    positive
         */
        public FeignTokenEndpoint build() {
            ProviderProfile resolved = resolveProfile();
            Duration body = bodyTimeout != null ? bodyTimeout : readTimeout;
            String instanceName = name != null && !name.isBlank() ? name : "snapbi-token-" + resolved.name();
            Retry retry = ResilienceFactory.retry(instanceName, TokenResilience.enforceRules(
                    retryConfig != null ? retryConfig : TokenResilience.retryConfig()), retryRegistry, LOG);
            CircuitBreaker breaker = ResilienceFactory.circuitBreaker(instanceName, TokenResilience.enforceRules(
                    circuitBreakerConfig != null ? circuitBreakerConfig : TokenResilience.circuitBreakerConfig()),
                    circuitBreakerRegistry, LOG);
            ClientChoice http = ClientChoice.of(client, connectTimeout, body, maxBodyBytes, false,
                    instanceName + "-http");
            TokenApi api = TokenApiFactory.create(http.client(), connectTimeout, readTimeout, body, maxBodyBytes,
                    clock, logLevel, WIRE_LOGGER, instanceName, resolved.tokenUrl());
            Failures failures = new Failures("the token request to", connectTimeout, readTimeout);
            return new FeignTokenEndpoint(resolved, api, retry, breaker, failures, http);
        }
    }
}
