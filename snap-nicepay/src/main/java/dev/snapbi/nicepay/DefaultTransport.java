package dev.snapbi.nicepay;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.port.TransactionTransport;

import java.time.Duration;

/** The transport a {@link NicepayClient} makes when none is given: the one line to change to swap the default. */
final class DefaultTransport {

    private DefaultTransport() {
    }

    static TransactionTransport create(Duration connectTimeout, Duration readTimeout) {
        throw new SnapConfigurationException("no default transport is available yet: give one with"
                + " NicepayClient.builder().transport(...)");
    }
}
