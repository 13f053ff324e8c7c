package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.adapter.feign.transaction.SnapTransactions;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.balance.BalanceService;
import dev.snapbi.nicepay.ewallet.EwalletService;
import dev.snapbi.nicepay.payout.PayoutService;
import dev.snapbi.nicepay.qris.QrisService;
import dev.snapbi.nicepay.va.VirtualAccountService;
import dev.snapbi.spring.boot3.autoconfigure.internal.NicepayConditions;
import dev.snapbi.spring.boot3.autoconfigure.internal.NamedNicepayClientsRegistrar;
import dev.snapbi.spring.boot3.autoconfigure.internal.SnapbiResilience;
import dev.snapbi.spring.boot3.autoconfigure.internal.RedisTokenStoreFactory;
import dev.snapbi.spring.boot3.autoconfigure.internal.SpringDataRedisUris;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenEndpointDecorator;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenStoreFactory;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenProviderDecorator;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import java.time.Clock;

/**
 * NICEPAY clients from {@code snapbi.nicepay.*}: {@link NicepayClients}, and in the single-merchant form the
 * {@link NicepayClient}, its typed services ({@code VirtualAccountService}, {@code QrisService},
 * {@code EwalletService}, {@code PayoutService}, {@code BalanceService}), its {@link AccessTokenProvider}, its
 * {@link TransactionSigner} and (with Feign) the
 * {@code snapTransactions} capability for your own Feign interfaces; with {@code snapbi.nicepay.clients.<name>.*} one
 * {@link NicepayClient} and one {@link AccessTokenProvider} per name, qualified by the name. Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration",
        "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "dev.snapbi.spring.boot3.autoconfigure.metrics.SnapbiMetricsAutoConfiguration"})
@ConditionalOnClass(NicepayClient.class)
@ConditionalOnProperty(prefix = SnapbiNicepayProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SnapbiNicepayProperties.class)
public class SnapbiNicepayAutoConfiguration {

    /** The Resilience4j registries of the token endpoints: the application's when it has them. */
    @Bean
    @ConditionalOnMissingBean
    SnapbiResilience snapbiResilience(ObjectProvider<RetryRegistry> retries,
                                      ObjectProvider<CircuitBreakerRegistry> breakers) {
        RetryRegistry retry = retries.getIfUnique();
        CircuitBreakerRegistry breaker = breakers.getIfUnique();
        boolean owned = retry == null || breaker == null;
        return new SnapbiResilience(retry != null ? retry : RetryRegistry.ofDefaults(),
                breaker != null ? breaker : CircuitBreakerRegistry.ofDefaults(), owned);
    }

    /** Every client made from properties; checked now, so a wrong property stops the application. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(NicepayConditions.Configured.class)
    NicepayClients nicepayClients(SnapbiNicepayProperties properties, ResourceLoader resourceLoader,
                                  SnapbiResilience resilience, ObjectProvider<Clock> clock,
                                  ObjectProvider<NicepayClientBuilderCustomizer> clientCustomizers,
                                  ObjectProvider<TokenServiceCustomizer> tokenCustomizers,
                                  ObjectProvider<TokenEndpointCustomizer> endpointCustomizers,
                                  ObjectProvider<NicepayTokenListenerFactory> listenerFactories,
                                  ObjectProvider<TokenEndpointDecorator> endpointDecorators,
                                  ObjectProvider<TokenStoreFactory> tokenStores,
                                  ObjectProvider<TokenProviderDecorator> providerDecorators) {
        return new NicepayClientsBuilder(properties, resourceLoader, clock.getIfUnique(Clock::systemUTC),
                resilience.retryRegistry(), resilience.circuitBreakerRegistry(),
                clientCustomizers.orderedStream().toList(), tokenCustomizers.orderedStream().toList(),
                endpointCustomizers.orderedStream().toList(), listenerFactories.orderedStream().toList(),
                endpointDecorators.orderedStream().toList(), tokenStores.getIfUnique(),
                providerDecorators.orderedStream().toList()).build();
    }

    /** {@code cache.type=redis}: the snap-cache-redis store, on the application's Redis when it has one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"dev.snapbi.cache.redis.RedisTokenCache", "io.lettuce.core.RedisClient"})
    static class RedisTokenStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TokenStoreFactory snapbiRedisTokenStores(ObjectProvider<io.lettuce.core.RedisClient> clients,
                                                  org.springframework.beans.factory.BeanFactory beanFactory) {
            java.util.function.Supplier<io.lettuce.core.RedisURI> springData = () -> null;
            if (org.springframework.util.ClassUtils.isPresent(
                    "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory", null)) {
                springData = SpringDataRedisUris.of(beanFactory.getBeanProvider(
                        org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.class));
            }
            return new RedisTokenStoreFactory(clients::getIfUnique, springData);
        }
    }

    /** With {@code snapbi.nicepay.clients.<name>.*}: one client and one token provider bean per name. */
    @Bean
    static NamedNicepayClientsRegistrar namedNicepayClientsRegistrar(Environment environment,
                                                                     ObjectProvider<NicepayClients> clients) {
        return new NamedNicepayClientsRegistrar(environment, name -> clients.getObject().get(name),
                name -> clients.getObject().transactionSigner(name));
    }

    /** The single-merchant form's beans. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(NicepayConditions.Single.class)
    static class SingleClientConfiguration {

        /** The client (closed with {@link NicepayClients}). */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        NicepayClient nicepayClient(NicepayClients clients) {
            return clients.get(NicepayClients.DEFAULT_NAME);
        }

        /** The client's access tokens. */
        @Bean
        @ConditionalOnMissingBean
        AccessTokenProvider nicepayAccessTokens(NicepayClient client) {
            return client.accessTokens();
        }

        /** NICEPAY's virtual accounts: create, status, cancel. */
        @Bean
        @ConditionalOnMissingBean
        VirtualAccountService nicepayVirtualAccounts(NicepayClient client) {
            return client.virtualAccounts();
        }

        /** NICEPAY's QRIS (MPM): generate, status, refund. */
        @Bean
        @ConditionalOnMissingBean
        QrisService nicepayQris(NicepayClient client) {
            return client.qris();
        }

        /** NICEPAY's e-wallet direct debit: payment, status, refund. */
        @Bean
        @ConditionalOnMissingBean
        EwalletService nicepayEwallets(NicepayClient client) {
            return client.ewallets();
        }

        /** NICEPAY's payouts: registration, approve, status, cancel, reject. */
        @Bean
        @ConditionalOnMissingBean
        PayoutService nicepayPayouts(NicepayClient client) {
            return client.payouts();
        }

        /** NICEPAY's balance inquiry. */
        @Bean
        @ConditionalOnMissingBean
        BalanceService nicepayBalances(NicepayClient client) {
            return client.balances();
        }

        /** The signer of transactional calls, for your own HTTP code. */
        @Bean
        @ConditionalOnMissingBean
        TransactionSigner nicepayTransactionSigner(NicepayClients clients) {
            return clients.transactionSigner(NicepayClients.DEFAULT_NAME);
        }

        /** {@code Feign.builder().addCapability(snapTransactions)} signs your own Feign interfaces' calls. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "feign.Capability")
        static class FeignTransactionsConfiguration {

            @Bean
            @ConditionalOnMissingBean(name = "snapTransactions")
            feign.Capability snapTransactions(TransactionSigner signer) {
                return SnapTransactions.capability(signer);
            }
        }
    }
}
