package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.internal.Settings;

import java.time.Duration;

/**
 * The HTTP settings that {@link SnapTransactions.Builder} and {@link FeignTransactionTransport.Builder} share, written
 * once: timeouts, body size limit and the plain-http opt-out. Package-private, as the JDK's
 * {@code AbstractStringBuilder} is: users see these methods on the two public builders.
 *
 * @param <B> the public builder
 */
abstract class TransactionHttpSettings<B extends TransactionHttpSettings<B>> {

    Duration connectTimeout = Duration.ofSeconds(5);
    Duration readTimeout = Duration.ofSeconds(10);
    Duration bodyTimeout;
    int maxBodyBytes = SnapTransactions.DEFAULT_MAX_BODY_BYTES;
    boolean allowPlainHttp;

    TransactionHttpSettings() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** How long a connection may take; default 5 s (1 ms to 24 h). Applies to the adapter's own client. */
    public B connectTimeout(Duration value) {
        this.connectTimeout = Settings.timeout(value, "connectTimeout");
        return self();
    }

    /** How long the answer headers may take; default 10 s (1 ms to 24 h). */
    public B readTimeout(Duration value) {
        this.readTimeout = Settings.timeout(value, "readTimeout");
        return self();
    }

    /** How long the whole answer body may take after the headers; default the read timeout. */
    public B bodyTimeout(Duration value) {
        this.bodyTimeout = Settings.timeout(value, "bodyTimeout");
        return self();
    }

    /** The largest answer body accepted, in bytes; default 1 MiB (1 KiB to 64 MiB). */
    public B maxBodyBytes(int value) {
        this.maxBodyBytes = Settings.bodyLimit(value, "maxBodyBytes");
        return self();
    }

    /**
     * Allows plain {@code http://} to any host, e.g. your own test proxy. The bearer token and signatures then
     * travel in clear text: never for a real environment.
     */
    public B dangerouslyAllowPlainHttpToAnyHost() {
        this.allowPlainHttp = true;
        return self();
    }
}
