package dev.snapbi.testing.tck;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.time.Duration;

/**
 * What {@link TransactionTransportContract} asks a transport to be built with. Requests carry absolute URIs, so
 * there is no base URL here.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    one deadline for the whole answer, headers and body, once connected
 * @param maxBodyBytes   the largest answer body the transport may accept; a larger one must be refused with
 *                       {@link dev.snapbi.domain.error.SnapProtocolException}
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxBodyBytes) {

    /** The body bound the contract uses unless a test says otherwise: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /**
     * Validates the settings.
     *
     * @throws SnapConfigurationException when a timeout is not positive or the bound is below 1
     */
    public TransportSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxBodyBytes < 1) {
            throw new SnapConfigurationException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
        }
    }

    /** Connect timeout 2 s, read timeout 5 s, 1 MiB. */
    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), DEFAULT_MAX_BODY_BYTES);
    }

    /** The same settings with another read timeout. */
    public TransportSettings withReadTimeout(Duration value) {
        return new TransportSettings(connectTimeout, value, maxBodyBytes);
    }

    /** The same settings with another body bound. */
    public TransportSettings withMaxBodyBytes(int value) {
        return new TransportSettings(connectTimeout, readTimeout, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new SnapConfigurationException(name + " must be positive, got " + value);
        }
    }
}
