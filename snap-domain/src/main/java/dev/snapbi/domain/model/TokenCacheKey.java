package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;


/**
 * Names one credential's token in a {@link dev.snapbi.domain.port.TokenCache}: a namespace (normally the token URL
 * of the environment) and the client key. Two merchants, or one merchant in two environments, never share a key.
 *
 * @param namespace where the token is valid, e.g. {@code https://dev.nicepay.co.id/nicepay/v1.0/access-token/b2b}
 * @param clientKey whose token it is
 */
public record TokenCacheKey(String namespace, ClientKey clientKey) {

    /** Validates the components. */
    public TokenCacheKey {
        if (namespace == null || namespace.isBlank()) {
            throw new SnapConfigurationException("a token cache key needs a namespace (e.g. the token URL)");
        }
        if (clientKey == null) {
            throw new SnapConfigurationException("a token cache key needs a client key");
        }
    }

    /** The key for this namespace and client. */
    public static TokenCacheKey of(String namespace, ClientKey clientKey) {
        return new TokenCacheKey(namespace, clientKey);
    }

    /** The key for a client of a provider profile: namespaced by the profile's token URL. */
    public static TokenCacheKey of(ProviderProfile profile, ClientKey clientKey) {
        return new TokenCacheKey(profile.tokenUrl().toString(), clientKey);
    }

    @Override
    public String toString() {
        return clientKey.value() + "@" + namespace;
    }
}
