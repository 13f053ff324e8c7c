package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.port.TokenCache;

import java.time.Duration;

/** Makes the shared token store of {@code cache.type=redis}; present only when snap-cache-redis is. */
public interface TokenStoreFactory {

    /**
     * A client's resolved {@code cache.redis.*} settings (a named client's own, else the top level's).
     *
     * @param uri            {@code cache.redis.uri}, or {@code null} to use the application's Redis
     * @param encryptionKey  {@code cache.redis.encryption-key} (Base64), or {@code null} to derive it from the secret
     * @param commandTimeout {@code cache.redis.command-timeout}, or {@code null} for the store's default
     */
    record RedisSettings(String uri, String encryptionKey, Duration commandTimeout) {

        @Override
        public String toString() {
            return "RedisSettings[uri=" + (uri == null ? "application's" : "set") + ", encryptionKey="
                    + (encryptionKey == null ? "derived" : "****") + ", commandTimeout=" + commandTimeout + "]";
        }
    }

    /**
     * @param prefix   the client's property prefix, e.g. {@code snapbi.nicepay.}, for messages
     * @param redis    the resolved {@code cache.redis.*} settings
     * @param secret   the client secret, from which the sealing key is derived unless one is configured
     * @return the store; {@code AutoCloseable} when it owns a connection
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the wrong property
     */
    TokenCache create(String prefix, RedisSettings redis, String secret);
}
