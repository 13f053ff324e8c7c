package dev.snapbi.spring.boot3.autoconfigure;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.net.URI;
import java.time.Duration;

/**
 * The settings of one merchant ({@code snapbi.nicepay.*} or {@code snapbi.nicepay.clients.<name>.*}); a named
 * client takes what it leaves unset from the top level.
 */
public class NicepayMerchantProperties {

    /** NICEPAY's environment (default development). */
    private Environment environment;

    /** A base URL instead of the environment's host, e.g. a proxy or the sandbox ({@code http://127.0.0.1:8899}). */
    private URI baseUrl;

    /** The client key (X-CLIENT-KEY, X-PARTNER-ID); NICEPAY's is the merchant id (iMid), e.g. IONPAYTEST. */
    private String clientKey;

    /**
     * The merchant's RSA private key: a resource location ({@code file:/etc/nicepay/private.pem},
     * {@code classpath:nicepay/private.pem}) or the PEM text itself (PKCS#8, PKCS#1, encrypted PKCS#8, bare
     * Base64).
     */
    private String privateKey;

    /** The password of an encrypted private key ({@code BEGIN ENCRYPTED PRIVATE KEY}). */
    private String privateKeyPassword;

    /** The client secret that keys the HMAC-SHA512 signature of transactional calls. */
    private String clientSecret;

    /**
     * NICEPAY's public key that verifies notifications: a resource location or the PEM text (X.509
     * SubjectPublicKeyInfo). Without it notifications are refused.
     */
    private String nicepayPublicKey;

    /** How long to wait for a connection (default 5s). */
    private Duration connectTimeout;

    /** How long to wait for an answer (default 10s). */
    private Duration readTimeout;

    /** Attempts of token requests and of status calls, the first included (default 3). */
    private Integer maxAttempts;

    /** When to refresh the token ahead of expiry, and when it counts as stale. */
    @NestedConfigurationProperty
    private Token token = new Token();

    /** Where tokens are kept. */
    @NestedConfigurationProperty
    private Cache cache = new Cache();

    public Environment getEnvironment() {
        return environment;
    }

    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientKey() {
        return clientKey;
    }

    public void setClientKey(String clientKey) {
        this.clientKey = clientKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getNicepayPublicKey() {
        return nicepayPublicKey;
    }

    public void setNicepayPublicKey(String nicepayPublicKey) {
        this.nicepayPublicKey = nicepayPublicKey;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Token getToken() {
        return token;
    }

    public void setToken(Token token) {
        this.token = token;
    }

    public Cache getCache() {
        return cache;
    }

    public void setCache(Cache cache) {
        this.cache = cache;
    }

    /** Hides every secret: properties objects end up in logs and actuator's configprops. */
    @Override
    public String toString() {
        return "NicepayMerchantProperties[environment=" + environment + ", baseUrl=" + baseUrl
                + ", clientKey=" + clientKey + ", privateKey=" + (privateKey == null ? null : "****")
                + ", clientSecret=" + (clientSecret == null ? null : "****") + "]";
    }
    /** NICEPAY's environments (SNAP-SPEC section 3). */
    public enum Environment {
        /** {@code https://dev.nicepay.co.id}, NICEPAY's sandbox. */
        DEVELOPMENT,
        /** {@code https://staging.nicepay.co.id}. */
        STAGING,
        /** {@code https://www.nicepay.co.id}. */
        PRODUCTION,
        /** {@code https://dev-services.nicepay.co.id}, the cloud host of the sandbox. */
        CLOUD_DEVELOPMENT,
        /** {@code https://services.nicepay.co.id}, the cloud host of production. */
        CLOUD_PRODUCTION
    }

    /** Where access tokens are kept. */
    public enum CacheType {
        /** In this JVM only. */
        MEMORY,
        /** Shared by every replica through Redis (snap-cache-redis and the application's Lettuce connection). */
        REDIS
    }

    /** The token policy. */
    public static class Token {

        /** How long before expiry the token is refreshed in the background (default 60s). */
        private Duration prefetch;

        /** How long before expiry callers wait for a new token rather than use the old one (default 15s). */
        private Duration stale;

        public Duration getPrefetch() {
            return prefetch;
        }

        public void setPrefetch(Duration prefetch) {
            this.prefetch = prefetch;
        }

        public Duration getStale() {
            return stale;
        }

        public void setStale(Duration stale) {
            this.stale = stale;
        }
    }

    /** The token store. */
    public static class Cache {

        /** memory (this JVM) or redis (shared by every replica; needs snap-cache-redis and Lettuce). */
        private CacheType type;

        /** The Redis store of cache.type=redis. */
        @NestedConfigurationProperty
        private Redis redis = new Redis();

        public CacheType getType() {
            return type;
        }

        public void setType(CacheType type) {
            this.type = type;
        }

        public Redis getRedis() {
            return redis;
        }

        public void setRedis(Redis redis) {
            this.redis = redis;
        }
    }

    /** Where the shared tokens live, and how they are sealed at rest. */
    public static class Redis {

        /**
         * redis://host:port/db, rediss:// for TLS, redis://user:password@host:port for an ACL user. Default: the
         * application's Spring Data Redis connection (spring.data.redis.*) or its Lettuce RedisClient bean.
         */
        private String uri;

        /**
         * The AES-256 key sealing tokens at rest, Base64 of 32 bytes, the same on every replica. Default: derived
         * from the client secret.
         */
        private String encryptionKey;

        /** The deadline of each Redis command (default 500ms); on a timeout the service fetches for itself. */
        private Duration commandTimeout;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public String getEncryptionKey() {
            return encryptionKey;
        }

        public void setEncryptionKey(String encryptionKey) {
            this.encryptionKey = encryptionKey;
        }

        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }
    }
}
