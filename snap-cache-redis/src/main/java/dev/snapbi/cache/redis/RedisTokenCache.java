package dev.snapbi.cache.redis;

import dev.snapbi.cache.redis.internal.RedisKeys;
import dev.snapbi.cache.redis.internal.RedisScripts;
import dev.snapbi.cache.redis.internal.TokenSealer;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.CoordinatedTokenCache;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CoordinatedTokenCache} in Redis, through Lettuce: the replicas of a fleet share one access token and one of
 * them at a time fetches, holding a fenced lease. Every operation is one atomic Lua script (one round trip) on keys
 * sharing a hash tag ({@code snapbi:v1:{<hash of namespace and client key>}:token|lease|fence}), so it works on Redis
 * Cluster; no client key and no token appears in a key name.
 * <ul>
 *   <li><b>At rest</b> the token is sealed with AES-256-GCM under a key you give ({@link Builder#encryptionKey}) or
 *   derive from a secret you already configure ({@link Builder#encryptionSecret}); the Redis key is bound in as
 *   associated data. An entry that does not open (tampered, foreign, another key) is ignored and logged once, never
 *   used: the token service then fetches anew and overwrites it.</li>
 *   <li><b>Expiry</b> comes from Redis's own TTL ({@code PTTL}), never from another host's clock.</li>
 *   <li><b>Failures.</b> Each command has a deadline (default 500 ms); while disconnected commands fail at once. Every
 *   failure is a {@link RuntimeException}, on which the token service fetches for itself, logs once per outage and
 *   comes back by itself: Redis never fails an {@code accessToken()} call.</li>
 *   <li><b>Connection.</b> One thread-safe connection, opened on first use (so a service starts even while Redis is
 *   down). Give a URI ({@code redis://}, {@code rediss://} for TLS, {@code redis://user:password@host:port/db} for an
 *   ACL user), your own {@link RedisClient}, or your own connection. What you give stays yours to close.</li>
 * </ul>
 * <pre>{@code
 * RedisTokenCache shared = RedisTokenCache.builder()
 *         .uri("rediss://snapbi:" + password + "@redis.internal:6380")
 *         .encryptionSecret(clientSecret)          // or .encryptionKey(32 random bytes from your vault)
 *         .build();
 * AccessTokenService tokens = FeignAccessTokens.builder()...tokenService(b -> b.cache(shared)).build();
 * }</pre>
 */
public final class RedisTokenCache implements CoordinatedTokenCache, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisTokenCache.class.getName());

    private final TokenSealer sealer;
    private final Duration commandTimeout;
    private final Clock clock;
    private final RedisURI uri;
    private final RedisClient givenClient;
    private final String description;
    private RedisClient ownedClient;          // guarded by this
    private ClientResources ownedResources;   // guarded by this
    private StatefulRedisConnection<String, String> connection; // guarded by this until set
    private final boolean connectionGiven;
    private volatile RedisCommands<String, String> commands;
    private volatile String lastRejectedEntry;
    private volatile boolean closed;

    private RedisTokenCache(Builder b) {
        this.sealer = b.sealer;
        this.commandTimeout = b.commandTimeout;
        this.clock = b.clock;
        this.uri = b.uri;
        this.givenClient = b.client;
        this.connection = b.connection;
        this.connectionGiven = b.connection != null;
        if (b.connection != null) {
            b.connection.setTimeout(commandTimeout);
            this.commands = b.connection.sync();
        }
        this.description = b.uri != null ? (b.uri.isSsl() ? "rediss://" : "redis://") + b.uri.getHost() + ":"
                + b.uri.getPort() : b.client != null ? "a given RedisClient" : "a given connection";
    }

    /** A builder: a URI, client or connection, and an encryption key or secret, are required. */
    public static Builder builder() {
        return new Builder();
    }

    private RedisCommands<String, String> commands() {
        RedisCommands<String, String> c = commands;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("this RedisTokenCache is closed");
            }
            if (commands == null) {
                RedisClient client = givenClient;
                if (client == null) {
                    if (ownedClient == null) {
                        ownedResources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
                                        TimeUnit.MILLISECONDS))
                                .build();
                        ownedClient = RedisClient.create(ownedResources);
                        ownedClient.setOptions(ClientOptions.builder()
                                .autoReconnect(true)
                                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                                .build());
                    }
                    client = ownedClient;
                }
                StatefulRedisConnection<String, String> conn = uri != null ? client.connect(uri) : client.connect();
                conn.setTimeout(commandTimeout);
                connection = conn;
                commands = conn.sync();
            }
            return commands;
        }
    }

    @Override
    public Optional<AccessToken> get(TokenCacheKey key) {
        return read(key).map(SharedToken::token);
    }

    @Override
    public Optional<SharedToken> read(TokenCacheKey key) {
        RedisKeys keys = RedisKeys.of(key);
        List<Object> answer = commands().eval(RedisScripts.READ, ScriptOutputType.MULTI, keys.token());
        if (answer == null || answer.size() != 2 || !(answer.get(1) instanceof Long pttl)) {
            throw new IllegalStateException("Redis answered the token read with an unexpected shape");
        }
        Object value = answer.get(0);
        if (!(value instanceof String stored) || pttl <= 0) {
            if (value != null && !(value instanceof String)) {
                throw new IllegalStateException("Redis answered the token read with an unexpected type");
            }
            return Optional.empty(); // nothing there, or no TTL (not ours: we always set one)
        }
        Optional<AccessToken> token = sealer.open(stored, keys.token());
        if (token.isEmpty()) {
            rejected(stored, keys);
            return Optional.empty();
        }
        return Optional.of(new SharedToken(token.get(), Duration.ofMillis(pttl)));
    }

    private void rejected(String stored, RedisKeys keys) {
        String digest = digest(stored);
        if (!digest.equals(lastRejectedEntry)) { // once per entry, not per read
            lastRejectedEntry = digest;
            LOG.log(System.Logger.Level.WARNING, "ignored the shared token entry at {0}: it does not open with this"
                    + " store''s key (tampered, written by something else, or sealed with another key); a new token"
                    + " will be fetched and stored over it", keys.token());
        }
    }

    @Override
    public Optional<FetchLease> tryAcquireLease(TokenCacheKey key, String owner, Duration ttl) {
        RedisKeys keys = RedisKeys.of(key);
        Long fence = commands().eval(RedisScripts.ACQUIRE, ScriptOutputType.INTEGER,
                new String[]{keys.lease(), keys.fence()}, owner, millis(ttl));
        if (fence == null || fence < 0) {
            throw new IllegalStateException("Redis answered the lease request with an unexpected value");
        }
        return fence == 0 ? Optional.empty() : Optional.of(new FetchLease(key, owner, fence));
    }

    @Override
    public boolean storeFenced(FetchLease lease, AccessToken token, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            return false;
        }
        RedisKeys keys = RedisKeys.of(lease.key());
        Long stored = commands().eval(RedisScripts.STORE_FENCED, ScriptOutputType.INTEGER,
                new String[]{keys.token(), keys.fence()}, Long.toString(lease.fence()),
                sealer.seal(token, keys.token()), millis(ttl));
        return Long.valueOf(1).equals(stored);
    }

    @Override
    public boolean releaseLease(FetchLease lease) {
        RedisKeys keys = RedisKeys.of(lease.key());
        Long released = commands().eval(RedisScripts.RELEASE, ScriptOutputType.INTEGER, new String[]{keys.lease()},
                lease.owner() + ":" + lease.fence());
        return Long.valueOf(1).equals(released);
    }

    /**
     * Compare-and-set on this exact token (matched by its keyed fingerprint inside Redis). A replacement is kept for
     * its remaining life by this store's clock, since this method carries no lifetime; the token service itself
     * always uses {@link #storeFenced}.
     */
    @Override
    public boolean compareAndSet(TokenCacheKey key, AccessToken expected, AccessToken replacement) {
        RedisKeys keys = RedisKeys.of(key);
        String ttl = "0";
        String sealed = "";
        if (replacement != null) {
            Duration remaining = Duration.between(clock.instant(), replacement.expiresAt());
            if (remaining.isNegative() || remaining.isZero()) {
                return false;
            }
            ttl = millis(remaining);
            sealed = sealer.seal(replacement, keys.token());
        }
        Long done = commands().eval(RedisScripts.COMPARE_AND_SET, ScriptOutputType.INTEGER,
                new String[]{keys.token()}, expected == null ? "" : sealer.prefixOf(expected), sealed, ttl);
        return Long.valueOf(1).equals(done);
    }

    private static String millis(Duration d) {
        return Long.toString(Math.max(1, d.toMillis()));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the connection and client this store opened; what was given to the builder is left open. */
    @Override
    public synchronized void close() {
        closed = true;
        commands = null;
        if (!connectionGiven && connection != null) {
            connection.close();
        }
        if (ownedClient != null) {
            ownedClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (ownedResources != null) {
            ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "RedisTokenCache[" + description + "]";
    }

    /** Builds a {@link RedisTokenCache}. */
    public static final class Builder {
        private RedisURI uri;
        private RedisClient client;
        private StatefulRedisConnection<String, String> connection;
        private TokenSealer sealer;
        private Duration commandTimeout = Duration.ofMillis(500);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Where Redis is: {@code redis://host:port/db}, {@code rediss://} for TLS, {@code redis://user:password@...}
         * for an ACL user. The password never appears in {@link #toString()} or a log line of this library.
         *
         * @throws SnapConfigurationException when the text is not a Redis URI
         */
        public Builder uri(String value) {
            try {
                return uri(RedisURI.create(Objects.requireNonNull(value, "uri")));
            } catch (IllegalArgumentException e) {
                throw new SnapConfigurationException("not a Redis URI (expected redis://host:port or"
                        + " rediss://user:password@host:port): " + e.getClass().getSimpleName());
            }
        }

        /** Where Redis is, as Lettuce's {@link RedisURI}. */
        public Builder uri(RedisURI value) {
            this.uri = Objects.requireNonNull(value, "uri");
            return this;
        }

        /** Your own client (connected to {@link #uri} if given, else to the client's default URI); stays yours. */
        public Builder client(RedisClient value) {
            this.client = Objects.requireNonNull(value, "client");
            return this;
        }

        /** Your own connection (thread-safe; its timeout is set to the command timeout); stays yours. */
        public Builder connection(StatefulRedisConnection<String, String> value) {
            this.connection = Objects.requireNonNull(value, "connection");
            return this;
        }

        /**
         * The key sealing tokens at rest: 32 bytes (AES-256), e.g. from your secret manager; copied. Every replica
         * must use the same one.
         *
         * @throws SnapConfigurationException when not 32 bytes
         */
        public Builder encryptionKey(byte[] key) {
            if (key == null || key.length != 32) {
                throw new SnapConfigurationException("the encryption key must be 32 bytes (AES-256), got "
                        + (key == null ? "none" : key.length + " bytes"));
            }
            this.sealer = TokenSealer.fromKey(key);
            return this;
        }

        /**
         * Derives the sealing key (HKDF-SHA256) from a secret every replica already has, e.g. the client secret. The
         * secret itself is not kept.
         *
         * @throws SnapConfigurationException when shorter than 16 characters
         */
        public Builder encryptionSecret(String secret) {
            if (secret == null || secret.length() < 16) {
                throw new SnapConfigurationException("the encryption secret must have at least 16 characters");
            }
            this.sealer = TokenSealer.fromSecret(secret);
            return this;
        }

        /** The deadline of each Redis command; default 500 ms. */
        public Builder commandTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new SnapConfigurationException("the Redis command timeout must be positive and at most a"
                        + " minute, got " + value);
            }
            this.commandTimeout = value;
            return this;
        }

        /** Only for {@link #compareAndSet} writes, which carry no lifetime; default the UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The store; connects on first use.
         *
         * @throws SnapConfigurationException when no connection target or no encryption key is given
         */
        public RedisTokenCache build() {
            if (uri == null && client == null && connection == null) {
                throw new SnapConfigurationException("a RedisTokenCache needs a URI, a RedisClient or a connection");
            }
            if (sealer == null) {
                throw new SnapConfigurationException("a RedisTokenCache needs an encryptionKey or an"
                        + " encryptionSecret: tokens are never stored in clear");
            }
            return new RedisTokenCache(this);
        }
    }
}
