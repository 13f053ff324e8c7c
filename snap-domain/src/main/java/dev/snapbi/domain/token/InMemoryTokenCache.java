package dev.snapbi.domain.token;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.TokenCache;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link TokenCache}: a concurrent map in this JVM. Share one instance between several
 * {@link AccessTokenService}s to let them see each other's tokens; every service creates its own otherwise.
 */
public final class InMemoryTokenCache implements TokenCache {

    private final ConcurrentMap<TokenCacheKey, AccessToken> tokens = new ConcurrentHashMap<>();

    private InMemoryTokenCache() {
    }

    /** An empty cache. */
    public static InMemoryTokenCache create() {
        return new InMemoryTokenCache();
    }

    @Override
    public Optional<AccessToken> get(TokenCacheKey key) {
        return Optional.ofNullable(tokens.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement) {
        Objects.requireNonNull(key, "key");
        if (expected == null) {
            return replacement == null ? !tokens.containsKey(key) : tokens.putIfAbsent(key, replacement) == null;
        }
        if (replacement == null) {
            return tokens.remove(key, expected);
        }
        return tokens.replace(key, expected, replacement);
    }

    /** How many tokens are stored. */
    public int size() {
        return tokens.size();
    }

    @Override
    public String toString() {
        return "InMemoryTokenCache[" + tokens.size() + " tokens]";
    }
}
