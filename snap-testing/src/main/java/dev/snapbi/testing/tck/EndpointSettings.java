package dev.snapbi.testing.tck;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ProviderProfile;

import java.net.URI;
import java.time.Duration;

/**
 * What {@link TokenEndpointContract} asks an implementation to be built with: where the provider (the sandbox) is,
 * how long to wait for a connection and for an answer, and how many attempts one {@code requestToken} call may make.
 *
 * @param baseUrl        the environment root, e.g. {@code http://127.0.0.1:54321}; the token path
 *                       ({@code /nicepay/v1.0/access-token/b2b}) goes under it, see {@link #profile()}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the answer once the request is sent
 * @param maxAttempts    attempts per {@code requestToken} call, the first included; 1 means no retries
 */
public record EndpointSettings(URI baseUrl, Duration connectTimeout, Duration readTimeout, int maxAttempts) {

    /**
     * Validates the settings.
     *
     * @throws SnapConfigurationException when the base URL is missing, a timeout is not positive or maxAttempts is
     *                                    below 1
     */
    public EndpointSettings {
        if (baseUrl == null) {
            throw new SnapConfigurationException("the base URL is missing");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxAttempts < 1) {
            throw new SnapConfigurationException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** Settings for this base URL: connect timeout 2 s, read timeout 5 s, one attempt. */
    public static EndpointSettings of(URI baseUrl) {
        return new EndpointSettings(baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(5), 1);
    }

    /** NICEPAY's paths and zone on {@link #baseUrl()}: {@code ProviderProfile.nicepay(baseUrl)}. */
    public ProviderProfile profile() {
        return ProviderProfile.nicepay(baseUrl);
    }

    /** The same settings with another read timeout. */
    public EndpointSettings withReadTimeout(Duration value) {
        return new EndpointSettings(baseUrl, connectTimeout, value, maxAttempts);
    }

    /** The same settings with another number of attempts. */
    public EndpointSettings withMaxAttempts(int value) {
        return new EndpointSettings(baseUrl, connectTimeout, readTimeout, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new SnapConfigurationException(name + " must be positive, got " + value);
        }
    }
}
