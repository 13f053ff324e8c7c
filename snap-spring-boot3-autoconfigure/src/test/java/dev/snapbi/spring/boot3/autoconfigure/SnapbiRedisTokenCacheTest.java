package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.cache.redis.testing.RedisServerExtension;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.spring.boot3.autoconfigure.metrics.SnapbiMetricsAutoConfiguration;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cache.type=redis} against a real redis-server on loopback: replicas share one token. */
class SnapbiRedisTokenCacheTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static SnapSandbox sandbox;
    private static SandboxClient client;
    private static String pem;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SnapbiNicepayAutoConfiguration.class,
                    SnapbiMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @BeforeAll
    static void start() throws Exception {
        sandbox = SnapSandbox.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        client = sandbox.registerClient("FLEETMERCHANT", keys.getPublic(), "a-client-secret-of-some-length");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private ApplicationContextRunner replica(String... more) {
        return runner.withPropertyValues("snapbi.nicepay.base-url=" + sandbox.baseUrl(),
                "snapbi.nicepay.client-key=FLEETMERCHANT", "snapbi.nicepay.private-key=" + pem,
                "snapbi.nicepay.client-secret=" + client.clientSecret(), "snapbi.nicepay.cache.type=redis")
                .withPropertyValues(more);
    }

    private static double count(MeterRegistry meters, String result) {
        return meters.get("snapbi.token.requests").tag("result", result).counter().count();
    }

    @Test
    void two_replicas_on_one_redis_make_one_token_fetch_between_them() throws Exception {
        long issuedBefore = sandbox.stats().tokensIssued();
        replica("snapbi.nicepay.cache.redis.uri=" + REDIS.uri()).run(first -> {
            String token = first.getBean(AccessTokenProvider.class).accessToken().value();
            assertThat(count(first.getBean(MeterRegistry.class), "fetched")).isEqualTo(1.0);
            replica("snapbi.nicepay.cache.redis.uri=" + REDIS.uri()).run(second -> {
                assertThat(second.getBean(AccessTokenProvider.class).accessToken().value()).isEqualTo(token);
                assertThat(count(second.getBean(MeterRegistry.class), "adopted")).isEqualTo(1.0);
                assertThat(count(second.getBean(MeterRegistry.class), "fetched")).isEqualTo(0.0);
            });
        });
        assertThat(sandbox.stats().tokensIssued() - issuedBefore).isEqualTo(1);
        assertThat(REDIS.command("KEYS *")).contains("snapbi:v1:").doesNotContain("FLEETMERCHANT");
    }

    @Test
    void the_applications_own_lettuce_client_is_used_when_no_uri_is_configured() throws Exception {
        REDIS.command("FLUSHALL");
        RedisClient lettuce = RedisClient.create(REDIS.uri());
        try {
            replica().withBean(RedisClient.class, () -> lettuce).run(context -> {
                assertThat(context).hasNotFailed();
                context.getBean(AccessTokenProvider.class).accessToken();
            });
            assertThat(REDIS.command("KEYS *")).contains("snapbi:v1:");
        } finally {
            lettuce.shutdown();
        }
    }

    @Test
    void a_malformed_encryption_key_stops_startup_naming_the_property() {
        replica("snapbi.nicepay.cache.redis.uri=" + REDIS.uri(), "snapbi.nicepay.cache.redis.encryption-key=c2hvcnQ=")
                .run(context -> {
                    SnapbiNicepayAutoConfigurationTest.PropertyFailure failure =
                            SnapbiNicepayAutoConfigurationTest.startupFailure(context);
                    assertThat(failure.property()).isEqualTo("snapbi.nicepay.cache.redis.encryption-key");
                    assertThat(failure.getMessage()).contains("32 bytes");
                });
    }
}
