package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.spring.boot3.autoconfigure.actuate.SnapbiHealthAutoConfiguration;
import dev.snapbi.spring.boot3.autoconfigure.metrics.SnapbiMetricsAutoConfiguration;
import dev.snapbi.spring.boot3.autoconfigure.metrics.SnapbiTokenMetrics;
import dev.snapbi.spring.boot3.autoconfigure.notification.RefusedNotificationExceptionResolver;
import dev.snapbi.spring.boot3.autoconfigure.notification.SnapNotificationArgumentResolver;
import dev.snapbi.spring.boot3.autoconfigure.notification.SnapbiNotificationAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The conditions of the notification, health and metrics parts (no network: no token is fetched here). */
class SnapbiWebAndHealthConditionsTest {

    private static final AutoConfigurations ALL = AutoConfigurations.of(SnapbiNicepayAutoConfiguration.class,
            SnapbiMetricsAutoConfiguration.class, SnapbiNotificationAutoConfiguration.class,
            SnapbiHealthAutoConfiguration.class);

    private static String[] properties() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        return new String[] {"snapbi.nicepay.base-url=http://127.0.0.1:9", "snapbi.nicepay.client-key=K",
                "snapbi.nicepay.private-key=" + pem, "snapbi.nicepay.client-secret=s"};
    }

    @Test
    void a_servlet_application_gets_the_notification_resolver_and_a_non_web_one_does_not() throws Exception {
        String[] props = properties();
        new WebApplicationContextRunner().withConfiguration(ALL).withPropertyValues(props).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(SnapNotificationArgumentResolver.class)
                        .hasSingleBean(RefusedNotificationExceptionResolver.class));
        new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues(props).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SnapNotificationArgumentResolver.class));
        new WebApplicationContextRunner().withConfiguration(ALL).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SnapNotificationArgumentResolver.class));
    }

    @Test
    void the_health_contributor_is_snapbi_unknown_before_any_fetch_and_can_be_disabled_or_replaced() throws Exception {
        String[] props = properties();
        ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues(props);
        runner.run(context -> assertThat(context.getBean("snapbiHealthContributor", HealthIndicator.class).health()
                .getStatus()).isEqualTo(Status.UNKNOWN));
        runner.withPropertyValues("management.health.snapbi.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("snapbiHealthContributor"));
        HealthIndicator mine = () -> org.springframework.boot.actuate.health.Health.outOfService().build();
        runner.withBean("snapbiHealthContributor", HealthContributor.class, () -> mine)
                .run(context -> assertThat(context.getBean("snapbiHealthContributor")).isSameAs(mine));
    }

    @Test
    void token_metrics_exist_only_with_a_meter_registry() throws Exception {
        String[] props = properties();
        new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues(props)
                .run(context -> assertThat(context).doesNotHaveBean(SnapbiTokenMetrics.class));
        new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues(props)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    assertThat(context).hasSingleBean(SnapbiTokenMetrics.class);
                    assertThat(context.getBean(MeterRegistry.class).get("snapbi.token.remaining")
                            .tag("client", "default").gauge().value()).isEqualTo(0.0);
                });
    }
}
