package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.spring.boot3.autoconfigure.actuate.SnapbiHealthAutoConfiguration;
import dev.snapbi.spring.boot3.autoconfigure.internal.SnapbiPropertyFailureAnalyzer;
import dev.snapbi.spring.boot3.autoconfigure.metrics.SnapbiMetricsAutoConfiguration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Every condition and property of the auto-configuration, against a real sandbox on loopback. */
class SnapbiNicepayAutoConfigurationTest {

    private static SnapSandbox sandbox;
    private static String pem;
    private static String otherPem;
    private static SandboxClient merchantA;
    private static SandboxClient merchantB;
    private static Path keyFile;

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SnapbiNicepayAutoConfiguration.class,
                    SnapbiMetricsAutoConfiguration.class, SnapbiHealthAutoConfiguration.class));

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SnapSandbox.start();
        KeyPair a = rsa();
        KeyPair b = rsa();
        pem = pem(a);
        otherPem = pem(b);
        merchantA = sandbox.registerClient("MERCHANTA", a.getPublic(), null);
        merchantB = sandbox.registerClient("MERCHANTB", b.getPublic(), null);
        keyFile = dir.resolve("private.pem");
        Files.writeString(keyFile, pem);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private static String[] merchantA(String... more) {
        List<String> all = new ArrayList<>(List.of(
                "snapbi.nicepay.base-url=" + sandbox.baseUrl(),
                "snapbi.nicepay.client-key=MERCHANTA",
                "snapbi.nicepay.private-key=file:" + keyFile,
                "snapbi.nicepay.client-secret=" + merchantA.clientSecret()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The property error that stopped startup: a configuration error naming its property. */
    static PropertyFailure startupFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable t = context.getStartupFailure();
        while (t != null && !(t instanceof SnapConfigurationException e && e.setting().isPresent())) {
            t = t.getCause();
        }
        assertThat(t).as("a SnapConfigurationException naming a property in the cause chain of %s",
                context.getStartupFailure()).isNotNull();
        return new PropertyFailure((SnapConfigurationException) t);
    }

    /** A property error, read as property, problem and fix. */
    record PropertyFailure(SnapConfigurationException error) {
        String property() {
            return error.setting().orElseThrow();
        }

        String problem() {
            return error.problem();
        }

        String action() {
            return error.fix().orElseThrow();
        }

        String getMessage() {
            return error.getMessage();
        }
    }

    private static byte[] vaCreate(String trxId) {
        return ("{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\"\",\"virtualAccountName\":"
                + "\"TESTING\",\"trxId\":\"" + trxId + "\",\"totalAmount\":{\"value\":\"10000.00\",\"currency\":"
                + "\"IDR\"},\"additionalInfo\":{\"bankCd\":\"BMRI\",\"goodsNm\":\"Goods\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void without_nicepay_properties_no_client_is_made_and_the_application_starts() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(NicepayClients.class);
            assertThat(context).doesNotHaveBean(NicepayClient.class);
            assertThat(context).doesNotHaveBean(AccessTokenProvider.class);
        });
    }

    @Test
    void four_properties_give_a_client_that_gets_a_token_and_makes_a_signed_va_call() {
        runner.withPropertyValues(merchantA()).run(context -> {
            assertThat(context).hasSingleBean(NicepayClient.class).hasSingleBean(AccessTokenProvider.class)
                    .hasSingleBean(TransactionSigner.class).hasBean("snapTransactions")
                    .hasSingleBean(dev.snapbi.nicepay.va.VirtualAccountService.class)
                    .hasSingleBean(dev.snapbi.nicepay.qris.QrisService.class)
                    .hasSingleBean(dev.snapbi.nicepay.ewallet.EwalletService.class)
                    .hasSingleBean(dev.snapbi.nicepay.payout.PayoutService.class)
                    .hasSingleBean(dev.snapbi.nicepay.balance.BalanceService.class);
            NicepayClient client = context.getBean(NicepayClient.class);
            assertThat(client.clientKey().value()).isEqualTo("MERCHANTA");
            assertThat(client.environment().baseUrl()).isEqualTo(sandbox.baseUrl());
            assertThat(context.getBean(AccessTokenProvider.class).accessToken().value()).isNotBlank();
            SnapCallResponse answer = client.call("POST", SnapSandbox.VA_CREATE_PATH, vaCreate("ORDER-4-PROPS"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.bodyText()).contains("\"responseCode\":\"2002700\"").contains("ORDER-4-PROPS");
            dev.snapbi.nicepay.va.CreateVaResponse typed = context
                    .getBean(dev.snapbi.nicepay.va.VirtualAccountService.class)
                    .create(dev.snapbi.nicepay.va.CreateVaRequest.builder().partnerServiceId("").customerNo("")
                            .virtualAccountNo("").virtualAccountName("TYPED").trxId("ORDER-TYPED")
                            .totalAmount(dev.snapbi.nicepay.model.Amount.idr(20000))
                            .additionalInfo(dev.snapbi.nicepay.va.CreateVaRequest.AdditionalInfo.builder()
                                    .bankCd("BMRI").goodsNm("Goods")
                                    .dbProcessUrl("https://merchant.example/notify").build())
                            .build());
            assertThat(typed.virtualAccountData().trxId()).isEqualTo("ORDER-TYPED");
        });
    }

    @Test
    void the_private_key_may_be_given_as_pem_text_and_the_environment_by_name() {
        runner.withPropertyValues("snapbi.nicepay.environment=cloud-production", "snapbi.nicepay.client-key=K",
                        "snapbi.nicepay.private-key=" + pem, "snapbi.nicepay.client-secret=s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(NicepayClient.class).environment().baseUrl())
                            .hasToString("https://services.nicepay.co.id");
                });
    }

    @Test
    void a_missing_private_key_stops_startup_naming_the_property_and_the_fix() {
        runner.withPropertyValues("snapbi.nicepay.client-key=MERCHANTA", "snapbi.nicepay.client-secret=s")
                .run(context -> {
                    PropertyFailure failure = startupFailure(context);
                    assertThat(failure.property()).isEqualTo("snapbi.nicepay.private-key");
                    assertThat(failure.action()).contains("file:").contains("classpath:");
                    FailureAnalysis analysis = new SnapbiPropertyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("snapbi.nicepay.private-key").contains("missing");
                    assertThat(analysis.getAction()).contains("PEM");
                });
    }

    @Test
    void the_failure_analysis_explains_snapbi_properties_and_leaves_other_configuration_errors_to_spring_boot() {
        SnapbiPropertyFailureAnalyzer analyzer = new SnapbiPropertyFailureAnalyzer();
        FailureAnalysis ours = analyzer.analyze(new IllegalStateException(SnapConfigurationException.forSetting(
                "snapbi.nicepay.client-key", "is missing", "Set it.")));
        assertThat(ours.getDescription())
                .isEqualTo("NICEPAY SNAP is not configured correctly: property snapbi.nicepay.client-key: is missing.");
        assertThat(ours.getAction()).isEqualTo("Set it.");
        assertThat(analyzer.analyze(new IllegalStateException(new SnapConfigurationException("bad key")))).isNull();
        assertThat(analyzer.analyze(SnapConfigurationException.forSetting("myapp.key", "is missing", "Set it.")))
                .isNull();
    }

    @Test
    void a_malformed_private_key_stops_startup_naming_the_property_without_the_key_material() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASCAUEwggE9SECRETSECRET\n"
                + "-----END PRIVATE KEY-----";
        runner.withPropertyValues("snapbi.nicepay.client-key=K", "snapbi.nicepay.client-secret=topsecret",
                "snapbi.nicepay.private-key=" + garbage).run(context -> {
                    PropertyFailure failure = startupFailure(context);
                    assertThat(failure.property()).isEqualTo("snapbi.nicepay.private-key");
                    assertThat(failure.problem()).contains("not a readable RSA private key");
                    String all = failure.getMessage() + new SnapbiPropertyFailureAnalyzer()
                            .analyze(context.getStartupFailure()).getDescription();
                    assertThat(all).doesNotContain("SECRETSECRET").doesNotContain("MIIBVwIBADAN")
                            .doesNotContain("topsecret");
                });
    }

    @Test
    void a_key_location_with_nothing_there_stops_startup_naming_the_location() {
        runner.withPropertyValues("snapbi.nicepay.client-key=K", "snapbi.nicepay.client-secret=s",
                "snapbi.nicepay.private-key=file:" + dir.resolve("absent.pem")).run(context -> {
                    PropertyFailure failure = startupFailure(context);
                    assertThat(failure.property()).isEqualTo("snapbi.nicepay.private-key");
                    assertThat(failure.problem()).contains("nothing found at file:").contains("absent.pem");
                });
    }

    @Test
    void a_missing_client_secret_or_client_key_stops_startup_naming_it() {
        runner.withPropertyValues("snapbi.nicepay.client-key=K", "snapbi.nicepay.private-key=" + pem)
                .run(context -> assertThat(startupFailure(context).property())
                        .isEqualTo("snapbi.nicepay.client-secret"));
        runner.withPropertyValues("snapbi.nicepay.client-secret=s", "snapbi.nicepay.private-key=" + pem)
                .run(context -> assertThat(startupFailure(context).property())
                        .isEqualTo("snapbi.nicepay.client-key"));
    }

    @Test
    void wrong_numbers_stop_startup_naming_the_property() {
        runner.withPropertyValues(merchantA("snapbi.nicepay.max-attempts=0"))
                .run(context -> assertThat(startupFailure(context).property())
                        .isEqualTo("snapbi.nicepay.max-attempts"));
        runner.withPropertyValues(merchantA("snapbi.nicepay.read-timeout=0s"))
                .run(context -> assertThat(startupFailure(context).property())
                        .isEqualTo("snapbi.nicepay.read-timeout"));
        runner.withPropertyValues(merchantA("snapbi.nicepay.token.prefetch=10s", "snapbi.nicepay.token.stale=60s"))
                .run(context -> assertThat(startupFailure(context).property()).isEqualTo("snapbi.nicepay.token"));
        runner.withPropertyValues(merchantA("snapbi.nicepay.base-url=ftp://example.com"))
                .run(context -> assertThat(startupFailure(context).property())
                        .isEqualTo("snapbi.nicepay.base-url"));
    }

    @Test
    void a_malformed_nicepay_public_key_stops_startup_naming_the_property() {
        runner.withPropertyValues(merchantA("snapbi.nicepay.nicepay-public-key=not a key"))
                .run(context -> assertThat(startupFailure(context).property())
                        .isEqualTo("snapbi.nicepay.nicepay-public-key"));
    }

    @Test
    void memory_is_the_token_cache_and_redis_without_any_redis_configured_is_refused_naming_the_properties() {
        runner.withPropertyValues(merchantA("snapbi.nicepay.cache.type=memory"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(NicepayClient.class));
        runner.withPropertyValues(merchantA("snapbi.nicepay.cache.type=redis")).run(context -> {
            PropertyFailure failure = startupFailure(context);
            assertThat(failure.property()).isEqualTo("snapbi.nicepay.cache.type");
            assertThat(failure.action()).contains("snapbi.nicepay.cache.redis.uri").contains("spring.data.redis");
        });
    }

    @Test
    void enabled_false_configures_nothing() {
        runner.withPropertyValues(merchantA("snapbi.nicepay.enabled=false"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(NicepayClients.class)
                        .doesNotHaveBean(NicepayClient.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsMerchantB {
        @Bean
        String merchantBKey(@Qualifier("b") NicepayClient client, @Qualifier("b") AccessTokenProvider tokens,
                            @Qualifier("b") TransactionSigner signer) {
            return client.clientKey().value() + ":" + (tokens == client.accessTokens()) + ":"
                    + signer.partnerId().value();
        }
    }

    @Test
    void several_clients_are_beans_by_name_injectable_by_qualifier_each_with_its_own_token() {
        runner.withUserConfiguration(NeedsMerchantB.class).withPropertyValues(
                "snapbi.nicepay.base-url=" + sandbox.baseUrl(),
                "snapbi.nicepay.clients.a.client-key=MERCHANTA",
                "snapbi.nicepay.clients.a.private-key=" + pem,
                "snapbi.nicepay.clients.a.client-secret=" + merchantA.clientSecret(),
                "snapbi.nicepay.clients.b.client-key=MERCHANTB",
                "snapbi.nicepay.clients.b.private-key=" + otherPem,
                "snapbi.nicepay.clients.b.client-secret=" + merchantB.clientSecret()).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(NicepayClient.class)).containsOnlyKeys("a", "b");
                    assertThat(context.getBean("merchantBKey", String.class)).isEqualTo("MERCHANTB:true:MERCHANTB");
                    NicepayClients clients = context.getBean(NicepayClients.class);
                    assertThat(clients.names()).containsExactly("a", "b");
                    assertThat(context.getBean("a", NicepayClient.class).clientKey().value()).isEqualTo("MERCHANTA");
                    String tokenA = context.getBean("aAccessTokens", AccessTokenProvider.class).accessToken().value();
                    String tokenB = context.getBean("bAccessTokens", AccessTokenProvider.class).accessToken().value();
                    assertThat(tokenA).isNotEqualTo(tokenB);
                    assertThat(context.getBean("b", NicepayClient.class)
                            .call("POST", SnapSandbox.VA_CREATE_PATH, vaCreate("ORDER-B")).bodyText())
                            .contains("2002700");
                    HealthContributor health = context.getBean("snapbiHealthContributor", HealthContributor.class);
                    assertThat(health).isInstanceOf(CompositeHealthContributor.class);
                    CompositeHealthContributor composite = (CompositeHealthContributor) health;
                    assertThat(((HealthIndicator) composite.getContributor("a")).health().getStatus())
                            .isEqualTo(Status.UP);
                    assertThat(((HealthIndicator) composite.getContributor("b")).health().getStatus())
                            .isEqualTo(Status.UP);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        static final List<String> customized = new CopyOnWriteArrayList<>();

        @Bean
        AccessTokenProvider myTokens() {
            return new AccessTokenProvider() {
                @Override
                public dev.snapbi.domain.model.AccessToken accessToken() {
                    throw new UnsupportedOperationException("mine");
                }

                @Override
                public void invalidate(dev.snapbi.domain.model.AccessToken token) {
                }
            };
        }

        @Bean
        TokenServiceCustomizer policy() {
            return (name, builder) -> customized.add("token:" + name);
        }

        @Bean
        NicepayClientBuilderCustomizer channel() {
            return (name, builder) -> {
                builder.channelId("MYCHANNEL");
                customized.add("client:" + name);
            };
        }
    }

    @Test
    void beans_the_application_defines_win_and_customizers_are_applied() {
        UserBeans.customized.clear();
        runner.withUserConfiguration(UserBeans.class).withPropertyValues(merchantA()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AccessTokenProvider.class);
            assertThat(context.getBean(AccessTokenProvider.class)).isSameAs(context.getBean("myTokens"));
            assertThat(UserBeans.customized).containsExactlyInAnyOrder("token:default", "client:default");
            sandbox.clearRecordedRequests();
            context.getBean(NicepayClient.class).call("POST", SnapSandbox.VA_CREATE_PATH, vaCreate("ORDER-CHANNEL"));
            assertThat(sandbox.recordedRequests())
                    .anySatisfy(r -> assertThat(r.header("CHANNEL-ID")).isEqualTo("MYCHANNEL"));
        });
        NicepayClient mine = NicepayClient.builder().environment(dev.snapbi.domain.model.ProviderProfile
                .nicepay(sandbox.baseUrl())).clientKey("MINE").privateKeyPem(pem).clientSecret("x").build();
        runner.withBean("mine", NicepayClient.class, () -> mine).withPropertyValues(merchantA()).run(context -> {
            assertThat(context).hasSingleBean(NicepayClient.class);
            assertThat(context.getBean(NicepayClient.class)).isSameAs(mine);
        });
        mine.close();
    }

    @Test
    void health_is_unknown_before_the_first_fetch_up_after_it_and_down_when_fetching_fails_never_calling_nicepay() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues(merchantA()).run(context -> {
            HealthIndicator health = context.getBean("snapbiHealthContributor", HealthIndicator.class);
            long before = sandbox.stats().tokenRequests();
            assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(sandbox.stats().tokenRequests()).isEqualTo(before);
            context.getBean(AccessTokenProvider.class).accessToken();
            long afterFetch = sandbox.stats().tokenRequests();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("clientKey", "MERCHANTA")
                    .containsKey("tokenExpiresAt").containsEntry("circuitBreaker", "CLOSED");
            assertThat(sandbox.stats().tokenRequests()).isEqualTo(afterFetch);
        });
        // a client the sandbox does not know: every fetch is refused, no token is ever held
        runner.withPropertyValues(merchantA("snapbi.nicepay.client-key=UNKNOWNCLIENT")).run(context -> {
            HealthIndicator health = context.getBean("snapbiHealthContributor", HealthIndicator.class);
            try {
                context.getBean(AccessTokenProvider.class).accessToken();
            } catch (RuntimeException expected) {
                assertThat(expected.getClass().getName()).startsWith("dev.snapbi.domain.error.");
            }
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsKey("lastFailure");
        });
    }

    @Test
    void token_metrics_count_the_fetch_time_it_and_show_the_remaining_lifetime_with_no_secret_in_any_tag() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(merchantA()).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            AccessTokenProvider tokens = context.getBean(AccessTokenProvider.class);
            String token = tokens.accessToken().value();
            tokens.accessToken();
            assertThat(meters.get("snapbi.token.requests").tags("client", "default", "result", "fetched").counter()
                    .count()).isEqualTo(1.0);
            assertThat(meters.get("snapbi.token.fetch").tags("client", "default", "outcome", "success").timer()
                    .count()).isEqualTo(1L);
            // the first call waited for the fetch, the second was served from the cache
            assertThat(meters.get("snapbi.token.requests").tags("client", "default", "result", "waited").counter()
                    .count()).isEqualTo(1.0);
            assertThat(meters.get("snapbi.token.requests").tags("client", "default", "result", "hit").counter()
                    .count()).isEqualTo(1.0);
            assertThat(meters.get("snapbi.token.requests").tags("client", "default", "result", "stale").counter()
                    .count()).isEqualTo(0.0);
            assertThat(meters.get("snapbi.token.remaining").tag("client", "default").gauge().value())
                    .isGreaterThan(800.0).isLessThanOrEqualTo(900.0);
            tokens.invalidate(tokens.accessToken());
            assertThat(meters.get("snapbi.token.invalidations").counter().count()).isEqualTo(1.0);
            assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "snapbi-default").meters())
                    .isNotEmpty();
            for (Meter meter : meters.getMeters()) {
                for (Tag tag : meter.getId().getTags()) {
                    assertThat(tag.getValue()).doesNotContain(merchantA.clientSecret()).doesNotContain(token)
                            .doesNotContain("PRIVATE");
                }
            }
        });
    }

    /** A wall clock the test moves; the token service tracks expiry on its own monotonic ticker. */
    static final class MovableClock extends java.time.Clock {
        private volatile java.time.Instant now = java.time.Instant.now();

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void a_token_served_past_its_prefetch_point_counts_as_stale() {
        MovableClock clock = new MovableClock();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(java.time.Clock.class, () -> clock)
                .withPropertyValues(merchantA("snapbi.nicepay.token.prefetch=60s")).run(context -> {
                    AccessTokenProvider tokens = context.getBean(AccessTokenProvider.class);
                    tokens.accessToken();
                    clock.advance(java.time.Duration.ofSeconds(900 - 30));
                    tokens.accessToken();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("snapbi.token.requests").tag("result", "stale").counter().count())
                            .isEqualTo(1.0);
                    assertThat(meters.get("snapbi.token.requests").tag("result", "hit").counter().count())
                            .isEqualTo(0.0);
                });
    }

    @Test
    void the_token_policy_properties_reach_the_token_service() {
        List<AccessTokenService.Builder> seen = new CopyOnWriteArrayList<>();
        runner.withBean(TokenServiceCustomizer.class, () -> (name, builder) -> seen.add(builder))
                .withPropertyValues(merchantA("snapbi.nicepay.token.prefetch=5m", "snapbi.nicepay.token.stale=1m"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AccessTokenProvider tokens = context.getBean(AccessTokenProvider.class);
                    assertThat(tokens).isInstanceOf(AccessTokenService.class);
                    assertThat(((AccessTokenService) tokens).policy().prefetchBefore())
                            .isEqualTo(java.time.Duration.ofMinutes(5));
                    assertThat(((AccessTokenService) tokens).policy().staleBefore())
                            .isEqualTo(java.time.Duration.ofMinutes(1));
                });
        assertThat(seen).hasSize(1);
    }
}
