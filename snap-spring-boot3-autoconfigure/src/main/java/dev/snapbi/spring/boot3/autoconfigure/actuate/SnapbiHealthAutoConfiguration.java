package dev.snapbi.spring.boot3.autoconfigure.actuate;

import dev.snapbi.spring.boot3.autoconfigure.NicepayClients;
import dev.snapbi.spring.boot3.autoconfigure.SnapbiNicepayAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health contributor {@code snapbi}: one indicator in the single-merchant form, one entry per client with
 * several. Disable with {@code management.health.snapbi.enabled=false}.
 */
@AutoConfiguration(after = SnapbiNicepayAutoConfiguration.class,
        beforeName = "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass({HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(NicepayClients.class)
@ConditionalOnEnabledHealthIndicator("snapbi")
public class SnapbiHealthAutoConfiguration {

    /** Named {@code snapbiHealthContributor}, shown as {@code snapbi}. */
    @Bean
    @ConditionalOnMissingBean(name = "snapbiHealthContributor")
    HealthContributor snapbiHealthContributor(NicepayClients clients) {
        if (clients.names().size() == 1 && clients.names().contains(NicepayClients.DEFAULT_NAME)) {
            return new SnapbiHealthIndicator(clients, NicepayClients.DEFAULT_NAME);
        }
        Map<String, HealthContributor> entries = new LinkedHashMap<>();
        clients.names().forEach(name -> entries.put(name, new SnapbiHealthIndicator(clients, name)));
        return CompositeHealthContributor.fromMap(entries);
    }
}
