package dev.snapbi.sandbox.internal;

import dev.snapbi.sandbox.SandboxClient;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The registered clients by client key (exact, case-sensitive). Registering a key again replaces the client. */
public final class ClientRegistry {

    /** At most this many clients, so that the admin endpoint cannot grow memory without bound. */
    public static final int MAX_CLIENTS = 10_000;

    private final ConcurrentMap<String, SandboxClient> clients = new ConcurrentHashMap<>();

    /** Registers or replaces a client. */
    public SandboxClient register(SandboxClient client) {
        if (clients.size() >= MAX_CLIENTS && !clients.containsKey(client.clientKey())) {
            throw new IllegalStateException("already " + MAX_CLIENTS + " clients registered; remove some first");
        }
        clients.put(client.clientKey(), client);
        return client;
    }

    /** The client with this key, or {@code null}. */
    public SandboxClient find(String clientKey) {
        return clientKey == null ? null : clients.get(clientKey);
    }

    /** Removes a client; whether it was there. */
    public boolean remove(String clientKey) {
        return clients.remove(clientKey) != null;
    }

    /** All clients, by key (an unmodifiable snapshot). */
    public List<SandboxClient> all() {
        return clients.values().stream().sorted(Comparator.comparing(SandboxClient::clientKey)).toList();
    }
}
