package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.port.TokenCache;
import dev.snapbi.spring.boot3.autoconfigure.NicepayMerchantProperties;

/** Makes the shared token store of {@code cache.type=redis}; present only when snap-cache-redis is. */
public interface TokenStoreFactory {

    /**
     * @param prefix   the client's property prefix, e.g. {@code snapbi.nicepay.}, for messages
     * @param redis    the resolved {@code cache.redis.*} settings
     * @param secret   the client secret, from which the sealing key is derived unless one is configured
     * @return the store; {@code AutoCloseable} when it owns a connection
     */
    TokenCache create(String prefix, NicepayMerchantProperties.Redis redis, String secret);
}
