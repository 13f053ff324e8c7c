package dev.snapbi.adapter.feign.internal;

import feign.Client;

import java.time.Duration;

/**
 * The Feign client an endpoint or transport sends through: the adapter's own {@link JdkFeignClient}, which the
 * endpoint or transport owns and releases, or the user's client wrapped in a {@link BoundedClient}, which it never
 * closes.
 *
 * @param client the client to send through
 * @param owned  the adapter's own client to release on close, or {@code null} for a user's client
 */
public record ClientChoice(Client client, JdkFeignClient owned) implements AutoCloseable {

    /**
     * The user's client, bounded, when one was given; otherwise a new client of the adapter's own.
     *
     * @param users          the user's client, or {@code null}
     * @param bodyTimeout    how long a body may take after the headers
     * @param allowPlainHttp whether the user's client may send plain http to any host
     * @param threadName     the prefix of the own client's thread names
     */
    public static ClientChoice of(Client users, Duration connectTimeout, Duration bodyTimeout, int maxBodyBytes,
                                  boolean allowPlainHttp, String threadName) {
        if (users != null) {
            return new ClientChoice(new BoundedClient(users, bodyTimeout, maxBodyBytes, allowPlainHttp, false), null);
        }
        JdkFeignClient own = new JdkFeignClient(connectTimeout, bodyTimeout, maxBodyBytes, threadName);
        return new ClientChoice(own, own);
    }

    /** Releases the adapter's own client (its threads end); a user's client is left alone. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
