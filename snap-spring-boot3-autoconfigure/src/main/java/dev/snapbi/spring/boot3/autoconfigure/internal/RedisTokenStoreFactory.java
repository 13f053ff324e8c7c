package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.port.TokenCache;
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
    public TokenCache create(String prefix, RedisSettings redis, String secret) {
        RedisTokenCache.Builder builder = RedisTokenCache.builder();
        String uriProperty = prefix + "cache.redis.uri";
        if (redis.uri() != null && !redis.uri().isBlank()) {
            try {
                builder.uri(redis.uri());
            } catch (SnapConfigurationException e) {
                throw SnapConfigurationException.forSetting(uriProperty, e.getMessage(),
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
                throw SnapConfigurationException.forSetting(prefix + "cache.type",
                        "is redis, but no Redis is configured", "Set " + uriProperty + " (redis://host:port), or"
                                + " configure Spring Data Redis (spring.data.redis.*) or a Lettuce RedisClient bean.");
            }
        }
        String keyProperty = prefix + "cache.redis.encryption-key";
        byte[] key = null;
        if (redis.encryptionKey() != null && !redis.encryptionKey().isBlank()) {
            try {
                key = Base64.getDecoder().decode(redis.encryptionKey().strip());
            } catch (IllegalArgumentException e) {
                throw SnapConfigurationException.forSetting(keyProperty, "is not Base64",
                        "Give 32 random bytes in Base64, e.g. from: openssl rand -base64 32.");
            }
        }
        try {
            if (key != null) {
                builder.encryptionKey(key);
            } else {
                builder.encryptionSecret(secret);
            }
        } catch (SnapConfigurationException e) {
            throw SnapConfigurationException.forSetting(keyProperty, e.getMessage(), "Give 32 random bytes in Base64"
                    + " (openssl rand -base64 32), the same on every replica; without it the key is derived from a"
                    + " client secret of at least 16 characters.");
        }
        if (redis.commandTimeout() != null) {
            try {
                builder.commandTimeout(redis.commandTimeout());
            } catch (SnapConfigurationException e) {
                throw SnapConfigurationException.forSetting(prefix + "cache.redis.command-timeout", e.getMessage(),
                        "Give a positive duration of at most 1m, e.g. 500ms.");
            }
        }
        return builder.build();
    }
}
