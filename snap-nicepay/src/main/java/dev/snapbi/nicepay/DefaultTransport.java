package dev.snapbi.nicepay;

import dev.snapbi.adapter.feign.transaction.FeignTransactionTransport;
import dev.snapbi.domain.port.TransactionTransport;

import java.time.Duration;

/** The transport a {@link NicepayClient} makes when none is given: the one line to change to swap the default. */
final class DefaultTransport {

    private DefaultTransport() {
    }

    static TransactionTransport create(Duration connectTimeout, Duration readTimeout) {
        return FeignTransactionTransport.builder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
    }
}
