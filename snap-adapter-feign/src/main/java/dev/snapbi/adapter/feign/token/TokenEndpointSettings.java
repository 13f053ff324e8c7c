package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.internal.Bodies;
import dev.snapbi.adapter.feign.internal.Settings;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ProviderProfile;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The settings of the token endpoint that {@link FeignTokenEndpoint.Builder} and {@link FeignAccessTokens.Builder}
 * share, written once: where it is, its HTTP limits and its Resilience4j configs. Package-private, as the JDK's
 * {@code AbstractStringBuilder} is: users see these methods on the two public builders.
 *
 * @param <B> the public builder
 */
abstract class TokenEndpointSettings<B extends TokenEndpointSettings<B>> {

    ProviderProfile profile;
    String baseUrl;
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration readTimeout = Duration.ofSeconds(10);
    Duration bodyTimeout;
    int maxBodyBytes = Bodies.MAX_BODY_BYTES;
    RetryConfig retryConfig;
    CircuitBreakerConfig circuitBreakerConfig;

    TokenEndpointSettings() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The provider and environment, e.g. {@link ProviderProfile#nicepayDevelopment()}; replaces a base URL. */
    public B profile(ProviderProfile value) {
        this.profile = Settings.required(value, "profile");
        this.baseUrl = null;
        return self();
    }

    /**
     * NICEPAY's paths on this environment root, e.g. {@code https://dev.nicepay.co.id}; replaces a profile. Plain
     * {@code http://} is refused when building unless the host is loopback.
     */
    public B baseUrl(String value) {
        this.baseUrl = Settings.required(value, "baseUrl");
        this.profile = null;
        return self();
    }

    /** NICEPAY's paths on this environment root; replaces a profile. */
    public B baseUrl(URI value) {
        return baseUrl(Settings.required(value, "baseUrl").toString());
    }

    /** How long to wait for a connection; default 5 s (1 ms to 24 h). */
    public B connectTimeout(Duration value) {
        this.connectTimeout = Settings.timeout(value, "connectTimeout");
        return self();
    }

    /**
     * How long to wait for the answer's headers, and then again for its whole body (unless a
     * {@link #bodyTimeout(Duration) body timeout} is set); default 10 s (1 ms to 24 h). A timeout is a
     * {@link SnapUnavailableException} with reason {@code TIMEOUT}, retried per the retry config.
     */
    public B readTimeout(Duration value) {
        this.readTimeout = Settings.timeout(value, "readTimeout");
        return self();
    }

    /** How long the whole answer body may take after its headers; default the read timeout (1 ms to 24 h). */
    public B bodyTimeout(Duration value) {
        this.bodyTimeout = Settings.timeout(value, "bodyTimeout");
        return self();
    }

    /** The largest answer body accepted, in bytes; default 64 KiB (1 KiB to 64 MiB). */
    public B maxBodyBytes(int value) {
        this.maxBodyBytes = Settings.bodyLimit(value, "maxBodyBytes");
        return self();
    }

    /**
     * The retry config; default {@link TokenResilience#retryConfig()}. Its retry predicate is narrowed to
     * {@link TokenResilience#isRetryable}: rejections and protocol violations are never retried.
     */
    public B retryConfig(RetryConfig value) {
        this.retryConfig = Settings.required(value, "retryConfig");
        return self();
    }

    /**
     * Attempts per token request, the first included (default 3, at most 100), keeping the default back-off and
     * {@code Retry-After} handling; a shortcut for {@link #retryConfig(RetryConfig)} (the later call wins).
     *
     * @throws SnapConfigurationException when out of range
     */
    public B maxAttempts(int attempts) {
        this.retryConfig = RetryConfig.from(TokenResilience.retryConfig())
                .maxAttempts(Settings.attempts(attempts, "maxAttempts")).build();
        return self();
    }

    /**
     * The circuit breaker config; default {@link TokenResilience#circuitBreakerConfig()}. Rejections are always
     * ignored and only {@link TokenResilience#countsAsFailure} failures recorded, whatever the config says.
     */
    public B circuitBreakerConfig(CircuitBreakerConfig value) {
        this.circuitBreakerConfig = Settings.required(value, "circuitBreakerConfig");
        return self();
    }

    /** The profile given, or NICEPAY's on the base URL given (https, or http to loopback only). */
    ProviderProfile resolveProfile() {
        if (profile != null) {
            return profile;
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new SnapConfigurationException("the token endpoint needs a profile (e.g."
                    + " ProviderProfile.nicepayDevelopment()) or a base URL such as https://dev.nicepay.co.id");
        }
        try {
            return ProviderProfile.nicepay(new URI(baseUrl.strip()));
        } catch (URISyntaxException e) {
            throw new SnapConfigurationException("the base URL '" + baseUrl + "' is not a valid URL; use the"
                    + " environment root such as https://dev.nicepay.co.id");
        }
    }

    /** Gives {@code other} this builder's HTTP limits and Resilience4j configs (not the profile). */
    void copyTo(TokenEndpointSettings<?> other) {
        other.connectTimeout = connectTimeout;
        other.readTimeout = readTimeout;
        other.bodyTimeout = bodyTimeout;
        other.maxBodyBytes = maxBodyBytes;
        other.retryConfig = retryConfig;
        other.circuitBreakerConfig = circuitBreakerConfig;
    }
}
