package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.port.TokenCache;
import dev.snapbi.spring.boot3.autoconfigure.NicepayMerchantProperties;
import dev.snapbi.spring.boot3.autoconfigure.SnapbiPropertyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

import java.util.Base64;
import java.util.function.Supplier;

/**
 * Builds {@link RedisTokenCache}s: on {@code cache.redis.uri} when set, else on the application's Lettuce
 * {@link RedisClient} bean, else on the application's Spring Data Redis connection settings.
 */
public final class RedisTokenStoreFactory implements TokenStoreFactory {

    private final Supplier<RedisClient> applicationClient;
    private final Supplier<RedisURI> springDataRedis;

    /**
     * @param applicationClient the application's Lettuce client, or {@code null}
     * @param springDataRedis   the URI of the application's Spring Data Redis connection, or {@code null}
     */
    public RedisTokenStoreFactory(Supplier<RedisClient> applicationClient, Supplier<RedisURI> springDataRedis) {
        this.applicationClient = applicationClient;
        this.springDataRedis = springDataRedis;
    }

    @Override
    public TokenCache create(String prefix, NicepayMerchantProperties.Redis redis, String secret) {
        RedisTokenCache.Builder builder = RedisTokenCache.builder();
        String uriProperty = prefix + "cache.redis.uri";
        if (redis.getUri() != null && !redis.getUri().isBlank()) {
            try {
                builder.uri(redis.getUri());
            } catch (SnapConfigurationException e) {
                throw new SnapbiPropertyException(uriProperty, e.getMessage(),
                        "Give redis://host:port, rediss://host:port for TLS or redis://user:password@host:port.");
            }
        } else {
            RedisClient client = applicationClient.get();
            RedisURI uri = client == null ? springDataRedis.get() : null;
            if (client != null) {
                builder.client(client);
            } else if (uri != null) {
                builder.uri(uri);
            } else {
                throw new SnapbiPropertyException(prefix + "cache.type", "is redis, but no Redis is configured",
                        "Set " + uriProperty + " (redis://host:port), or configure Spring Data Redis"
                                + " (spring.data.redis.*) or a Lettuce RedisClient bean.");
            }
        }
        String keyProperty = prefix + "cache.redis.encryption-key";
        try {
            if (redis.getEncryptionKey() != null && !redis.getEncryptionKey().isBlank()) {
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(redis.getEncryptionKey().strip());
                } catch (IllegalArgumentException e) {
                    throw new SnapbiPropertyException(keyProperty, "is not Base64",
                            "Give 32 random bytes in Base64, e.g. from: openssl rand -base64 32.");
                }
                builder.encryptionKey(key);
            } else {
                builder.encryptionSecret(secret);
            }
        } catch (SnapConfigurationException e) {
            throw new SnapbiPropertyException(keyProperty, e.getMessage(), "Give 32 random bytes in Base64 (openssl"
                    + " rand -base64 32), the same on every replica; without it the key is derived from a client"
                    + " secret of at least 16 characters.");
        }
        if (redis.getCommandTimeout() != null) {
            try {
                builder.commandTimeout(redis.getCommandTimeout());
            } catch (SnapConfigurationException e) {
                throw new SnapbiPropertyException(prefix + "cache.redis.command-timeout", e.getMessage(),
                        "Give a positive duration of at most 1m, e.g. 500ms.");
            }
        }
        return builder.build();
    }
}
