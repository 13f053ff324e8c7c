package dev.snapbi.cache.redis;

import dev.snapbi.cache.redis.internal.RedisKeys;
import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.CoordinatedTokenCache.FetchLease;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.port.TokenEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to Redis: key names, sealing at rest, tampered entries, outages, ACL users. */
@Timeout(120)
class RedisTokenCacheTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String SECRET = "a secret every replica has";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private final TokenCacheKey key = TokenCacheKey.of("https://sandbox.test/" + UUID.randomUUID(),
            ClientKey.of("IONPAYTEST"));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private RedisTokenCache cache(String secret) {
        RedisTokenCache cache = RedisTokenCache.builder().uri(REDIS.uri()).encryptionSecret(secret).build();
        closeables.add(cache);
        return cache;
    }

    private AccessTokenService service(RedisTokenCache cache, TokenEventListener listener) {
        AccessTokenService service = AccessTokenService.builder()
                .endpoint(endpoint)
                .requests(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), new DigestSigner(),
                        Clock.systemUTC(), ProviderProfile.nicepayDevelopment()))
                .cache(cache)
                .cacheKey(key)
                .listener(listener)
                .build();
        closeables.add(service);
        return service;
    }

    private static AccessToken token(String value) {
        return AccessToken.bearer(value, Instant.now(), Duration.ofSeconds(900));
    }

    private void storeAsHolder(RedisTokenCache cache, AccessToken token) {
        FetchLease lease = cache.tryAcquireLease(key, "test", Duration.ofSeconds(5)).orElseThrow();
        assertThat(cache.storeFenced(lease, token, Duration.ofSeconds(900))).isTrue();
        cache.releaseLease(lease);
    }

    @Test
    void keys_share_one_hash_tag_and_name_neither_the_client_key_nor_the_token() throws Exception {
        RedisTokenCache cache = cache(SECRET);
        AccessToken token = token("secret-token-value-" + "q".repeat(20));
        storeAsHolder(cache, token);
        String keys = REDIS.command("KEYS *");
        RedisKeys names = RedisKeys.of(key);
        assertThat(names.token()).matches("snapbi:v1:\\{[0-9a-f]{32}}:token");
        assertThat(names.lease()).startsWith(names.token().substring(0, names.token().length() - "token".length()));
        assertThat(keys).contains(names.token()).contains(names.fence())
                .doesNotContain("IONPAYTEST").doesNotContain(token.value());
    }

    @Test
    void the_token_at_rest_is_sealed_not_readable() throws Exception {
        RedisTokenCache cache = cache(SECRET);
        AccessToken token = token("secret-token-value-" + "q".repeat(20));
        storeAsHolder(cache, token);
        String raw = REDIS.command("GET " + RedisKeys.of(key).token());
        assertThat(raw).startsWith("$").contains("v1.").doesNotContain(token.value())
                .doesNotContain("secret-token").doesNotContain("Bearer");
        assertThat(cache(SECRET).read(key).orElseThrow().token()).isEqualTo(token); // another replica opens it
    }

    @Test
    void tampered_foreign_or_wrongly_keyed_entries_are_ignored_and_logged_once() throws Exception {
        List<String> logged = captureWarnings();
        RedisTokenCache cache = cache(SECRET);
        storeAsHolder(cache, token("genuine-" + "q".repeat(30)));
        String tokenKey = RedisKeys.of(key).token();

        assertThat(cache(SECRET + " but another one").read(key)).as("sealed with another key").isEmpty();

        String stored = REDIS.command("GET " + tokenKey).split("\r\n")[1];
        int last = stored.length() - 5;
        String flipped = stored.substring(0, last) + (stored.charAt(last) == 'A' ? 'B' : 'A')
                + stored.substring(last + 1);
        REDIS.command("SET " + tokenKey + " " + flipped + " PX 60000");
        assertThat(cache.read(key)).as("one flipped character").isEmpty();
        assertThat(cache.read(key)).isEmpty();

        assertThat(REDIS.command("SET " + tokenKey + " {accessToken:plain-text-token} PX 60000")).startsWith("+OK");
        assertThat(cache.read(key)).as("a foreign format").isEmpty();

        TokenCacheKey elsewhere = TokenCacheKey.of(key.namespace(), ClientKey.of("ANOTHERCLIENT"));
        REDIS.command("SET " + RedisKeys.of(elsewhere).token() + " " + stored + " PX 60000");
        assertThat(cache.read(elsewhere)).as("a genuine entry moved to another credential's key").isEmpty();

        assertThat(logged).hasSize(4) // the flipped entry was read twice but logged once
                .allSatisfy(line -> assertThat(line).contains("ignored the shared token entry")
                        .doesNotContain(stored));
    }

    private List<String> captureWarnings() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(RedisTokenCache.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        closeables.add(() -> logger.removeHandler(handler));
        return lines;
    }

    @Test
    void a_service_facing_a_tampered_entry_fetches_anew_and_overwrites_it() throws Exception {
        RedisTokenCache cache = cache(SECRET);
        String tokenKey = RedisKeys.of(key).token();
        REDIS.command("SET " + tokenKey + " v1.AAAA.garbage PX 600000");
        AccessTokenService tokens = service(cache, TokenEventListener.NONE);

        AccessToken token = tokens.accessToken();
        assertThat(token.value()).startsWith("token-1-");
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(cache.read(key).orElseThrow().token()).isEqualTo(token);
    }

    @Test
    void a_service_whose_redis_is_unreachable_fetches_for_itself_and_says_so_once() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        RedisTokenCache down = RedisTokenCache.builder().uri("redis://127.0.0.1:" + deadPort)
                .encryptionSecret(SECRET).commandTimeout(Duration.ofMillis(200)).build();
        closeables.add(down);
        List<String> outages = new CopyOnWriteArrayList<>();
        AccessTokenService tokens = service(down, new TokenEventListener() {
            @Override
            public void onStoreUnavailable(String problem) {
                outages.add(problem);
            }
        });
        AccessToken token = tokens.accessToken();
        assertThat(token.value()).startsWith("token-1-");
        tokens.invalidate(token);
        assertThat(tokens.accessToken().value()).startsWith("token-2-");
        assertThat(outages).hasSize(1);
        assertThat(String.join(" ", outages)).doesNotContain(token.value());
    }

    @Test
    void a_frozen_redis_costs_at_most_the_command_timeout_and_the_token_is_fetched_anyway() throws Exception {
        RedisTokenCache slow = RedisTokenCache.builder().uri(REDIS.uri()).encryptionSecret(SECRET)
                .commandTimeout(Duration.ofMillis(300)).build();
        closeables.add(slow);
        slow.read(key); // connected
        List<String> outages = new CopyOnWriteArrayList<>();
        AccessTokenService tokens = service(slow, new TokenEventListener() {
            @Override
            public void onStoreUnavailable(String problem) {
                outages.add(problem);
            }
        });
        REDIS.freezeFor(2);
        assertThat(tokens.accessToken().value()).startsWith("token-1-");
        assertThat(outages).hasSize(1).allSatisfy(p -> assertThat(p).contains("Timeout"));
        assertThat(REDIS.command("PING")).startsWith("+PONG"); // waits until it wakes, for the next tests
    }

    @Test
    void garbage_where_the_token_should_be_means_the_service_fetches_for_itself() throws Exception {
        RedisTokenCache cache = cache(SECRET);
        String tokenKey = RedisKeys.of(key).token();
        assertThat(REDIS.command("HSET " + tokenKey + " not a-string")).startsWith(":1"); // WRONGTYPE for GET
        List<String> outages = new CopyOnWriteArrayList<>();
        AccessTokenService tokens = service(cache, new TokenEventListener() {
            @Override
            public void onStoreUnavailable(String problem) {
                outages.add(problem);
            }
        });
        AccessToken token = tokens.accessToken();
        assertThat(token.value()).startsWith("token-1-");
        assertThat(outages).hasSize(1);
        assertThatThrownBy(() -> cache.read(key)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void an_acl_user_with_a_password_in_the_uri_is_used_and_a_wrong_password_only_means_no_sharing() throws Exception {
        String user = "snapbi" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(REDIS.command("ACL SETUSER " + user + " on >s3cret-pass ~snapbi:* +@all")).startsWith("+OK");
        RedisTokenCache good = RedisTokenCache.builder().uri("redis://" + user + ":s3cret-pass@127.0.0.1:"
                + REDIS.port()).encryptionSecret(SECRET).build();
        closeables.add(good);
        storeAsHolder(good, token("acl-token-" + "q".repeat(30)));
        assertThat(good.read(key)).isPresent();
        assertThat(good.toString()).doesNotContain("s3cret-pass");

        RedisTokenCache wrong = RedisTokenCache.builder().uri("redis://" + user + ":wrong-pass@127.0.0.1:"
                + REDIS.port()).encryptionSecret(SECRET).build();
        closeables.add(wrong);
        assertThatThrownBy(() -> wrong.read(key)).isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("wrong-pass"));
        AccessTokenService tokens = service(wrong, TokenEventListener.NONE);
        assertThat(tokens.accessToken().value()).startsWith("token-1-");
    }

    private static String stackText(Throwable e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.printStackTrace(new PrintStream(out, true));
        return out.toString();
    }

    @Test
    void a_users_own_client_or_connection_is_used_and_left_open() {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(REDIS.uri());
        try (var connection = client.connect(io.lettuce.core.codec.StringCodec.UTF8)) {
            RedisTokenCache viaConnection = RedisTokenCache.builder().connection(connection)
                    .encryptionKey(new byte[32]).build();
            RedisTokenCache viaClient = RedisTokenCache.builder().client(client).encryptionKey(new byte[32]).build();
            storeAsHolder(viaConnection, token("own-connection-" + "q".repeat(30)));
            assertThat(viaClient.read(key).orElseThrow().token().value()).startsWith("own-connection-");
            viaConnection.close();
            viaClient.close();
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void refuses_to_store_tokens_in_clear_or_with_a_short_key() {
        assertThatThrownBy(() -> RedisTokenCache.builder().uri(REDIS.uri()).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("encryption");
        assertThatThrownBy(() -> RedisTokenCache.builder().encryptionKey(new byte[16]))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> RedisTokenCache.builder().encryptionSecret("short"))
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> RedisTokenCache.builder().encryptionSecret(SECRET).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("URI");
        assertThat(RedisTokenCache.builder().uri("rediss://user:pw@redis.example:6380").encryptionKey(new byte[32])
                .build().toString()).isEqualTo("RedisTokenCache[rediss://redis.example:6380]");
    }
}
