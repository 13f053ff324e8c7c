package dev.snapbi.sandbox.internal;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The registered clients by client key (exact, case-sensitive), and the rules a client's parts follow. Registering a
 * key again replaces the client. The public {@code SandboxClient} is the one client type: it validates with
 * {@link #requireValid} and is made from {@link #all}; this package keeps only the parts (it must not depend on the
 * API package, which depends on it).
 */
public final class ClientRegistry {

    /** At most this many clients, so that the admin endpoint cannot grow memory without bound. */
    public static final int MAX_CLIENTS = 10_000;
    /** The longest client key accepted. */
    public static final int MAX_CLIENT_KEY_LENGTH = 128;

    /** What the registry keeps of a client. */
    private record Parts(KeyPair keyPair, String clientSecret) {
    }

    /** Makes a value from a client's parts. */
    @FunctionalInterface
    public interface View<T> {
        /** The value for this client. */
        T of(String clientKey, KeyPair keyPair, String clientSecret);
    }

    private final ConcurrentMap<String, Parts> clients = new ConcurrentHashMap<>();

    /**
     * Checks a client's parts.
     *
     * @throws IllegalArgumentException when the client key is empty, too long or holds characters that cannot be sent
     *                                  in a header, when there is no RSA public key, or when the secret is empty
     * @throws NullPointerException     when the key pair is {@code null}
     */
    public static void requireValid(String clientKey, KeyPair keyPair, String clientSecret) {
        requireValidClientKey(clientKey);
        Objects.requireNonNull(keyPair, "keyPair");
        if (keyPair.getPublic() == null || !"RSA".equals(keyPair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("client " + clientKey + " needs an RSA public key, got "
                    + Keys.describe(keyPair.getPublic()));
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("client " + clientKey + " needs a non-empty client secret"
                    + " (or let the sandbox generate one)");
        }
    }

    /**
     * Checks a client key: it goes into a header and into {@code clientKey|timestamp}.
     *
     * @throws IllegalArgumentException when it is empty, too long or holds anything but visible ASCII without {@code |}
     */
    public static void requireValidClientKey(String clientKey) {
        if (clientKey == null || clientKey.isEmpty() || clientKey.length() > MAX_CLIENT_KEY_LENGTH) {
            throw new IllegalArgumentException("a client key has 1 to " + MAX_CLIENT_KEY_LENGTH
                    + " characters, got " + (clientKey == null ? "none" : clientKey.length()));
        }
        for (int i = 0; i < clientKey.length(); i++) {
            char c = clientKey.charAt(i);
            if (c <= ' ' || c > '~' || c == '|') {
                throw new IllegalArgumentException("a client key holds visible ASCII characters other than '|'"
                        + " (it goes into a header and into 'clientKey|timestamp'); position " + i + " does not");
            }
        }
    }

    /**
     * Registers or replaces a client.
     *
     * @throws IllegalArgumentException as {@link #requireValid}
     * @throws IllegalStateException    when {@link #MAX_CLIENTS} other clients are registered
     */
    public void register(String clientKey, KeyPair keyPair, String clientSecret) {
        requireValid(clientKey, keyPair, clientSecret);
        if (clients.size() >= MAX_CLIENTS && !clients.containsKey(clientKey)) {
            throw new IllegalStateException("already " + MAX_CLIENTS + " clients registered; remove some first");
        }
        clients.put(clientKey, new Parts(keyPair, clientSecret));
    }

    /** The public key of the client with this key, or {@code null} when there is none. */
    public PublicKey publicKey(String clientKey) {
        Parts parts = clientKey == null ? null : clients.get(clientKey);
        return parts == null ? null : parts.keyPair().getPublic();
    }

    /** The client secret of the client with this key, or {@code null} when there is none. */
    public String clientSecret(String clientKey) {
        Parts parts = clientKey == null ? null : clients.get(clientKey);
        return parts == null ? null : parts.clientSecret();
    }

    /** Removes a client; whether it was there. */
    public boolean remove(String clientKey) {
        return clients.remove(clientKey) != null;
    }

    /** All clients, by key, each made into a value by {@code view} (an unmodifiable snapshot). */
    public <T> List<T> all(View<T> view) {
        return clients.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> view.of(e.getKey(), e.getValue().keyPair(), e.getValue().clientSecret()))
                .toList();
    }
}
