package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.notification.NicepayNotifications;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@link NicepayClient} made from {@code snapbi.nicepay.*} properties, by name: {@value #DEFAULT_NAME} for the
 * single-merchant form, else the names under {@code snapbi.nicepay.clients}. Each client is also a bean of its own
 * (single form: {@code nicepayClient}; several: the name, for {@code @Qualifier("<name>")}). Closing releases every
 * client. Thread-safe, immutable after startup.
 */
public final class NicepayClients implements AutoCloseable {

    /** The name of the single-merchant form's client. */
    public static final String DEFAULT_NAME = "default";

    /** One client and what was built with it. */
    record Entry(NicepayClient client, TokenState tokenState, TransactionSigner transactionSigner,
                 NicepayNotifications notifications, AutoCloseable endpoint) {
    }

    private final Map<String, Entry> entries;

    NicepayClients(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The client of that name.
     *
     * @throws NoSuchElementException naming the configured clients
     */
    public NicepayClient get(String name) {
        return entry(name).client();
    }

    /** The names, in configuration order. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Every client by name, in configuration order. */
    public Map<String, NicepayClient> asMap() {
        Map<String, NicepayClient> out = new LinkedHashMap<>();
        entries.forEach((name, entry) -> out.put(name, entry.client()));
        return Collections.unmodifiableMap(out);
    }

    /** What the named client knows about its token, without asking NICEPAY. */
    public NicepayClientStatus status(String name) {
        TokenState.Reading now = entry(name).tokenState().read();
        if (!now.heardAnything()) {
            return new NicepayClientStatus(NicepayClientStatus.State.UNKNOWN, null, now.circuitBreaker(), null);
        }
        NicepayClientStatus.State state = now.tokenValid() || now.lastFailure() == null
                ? NicepayClientStatus.State.UP : NicepayClientStatus.State.DOWN;
        return new NicepayClientStatus(state, now.expiresAt(), now.circuitBreaker(), now.lastFailure());
    }

    /**
     * The signer of transactional calls for the named client, for your own Feign interfaces
     * ({@code SnapTransactions.capability(signer)}).
     */
    public TransactionSigner transactionSigner(String name) {
        return entry(name).transactionSigner();
    }

    /**
     * NICEPAY's notifications to the named client, verified and parsed, when {@code nicepay-public-key} is set (for
     * code outside Spring MVC; in a controller use {@code @SnapNotification}).
     */
    public Optional<NicepayNotifications> notifications(String name) {
        return Optional.ofNullable(entry(name).notifications());
    }

    /** The name of the first client with this client key. */
    public Optional<String> nameOf(String clientKey) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().client().clientKey().value().equals(clientKey))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new NoSuchElementException("no NICEPAY client named '" + name + "'; configured: " + entries.keySet());
        }
        return entry;
    }

    /** Closes every client and its token endpoint. */
    @Override
    public void close() {
        entries.values().forEach(entry -> {
            entry.client().close();
            if (entry.endpoint() != null) {
                try {
                    entry.endpoint().close();
                } catch (Exception ignored) {
                    // best effort on shutdown
                }
            }
        });
    }

    @Override
    public String toString() {
        return "NicepayClients" + entries.keySet();
    }
}
