package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.NicepayClient;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;

import java.util.function.Function;

/**
 * For each name under {@code snapbi.nicepay.clients}: a {@link NicepayClient} bean of that name, an
 * {@link AccessTokenProvider} bean {@code <name>AccessTokens} and a {@link TransactionSigner} bean
 * {@code <name>TransactionSigner} (for {@code SnapTransactions.capability(signer)}), all qualified by the name
 * ({@code @Qualifier("<name>")}). A bean the application defines under the same name wins. The beans are only
 * looked up when first needed, through the functions given.
 */
public final class NamedNicepayClientsRegistrar implements BeanDefinitionRegistryPostProcessor {

    private final Environment environment;
    private final Function<String, NicepayClient> clients;
    private final Function<String, TransactionSigner> signers;

    /**
     * @param environment where the names are read
     * @param clients     the client of a name, called when its bean is created
     * @param signers     the transaction signer of a name, called when its bean is created
     */
    public NamedNicepayClientsRegistrar(Environment environment, Function<String, NicepayClient> clients,
                                        Function<String, TransactionSigner> signers) {
        this.environment = environment;
        this.clients = clients;
        this.signers = signers;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        if (!environment.getProperty("snapbi.nicepay.enabled", Boolean.class, true)) {
            return;
        }
        for (String name : NicepayConditions.clientNames(environment)) {
            if (!registry.containsBeanDefinition(name)) {
                RootBeanDefinition client = new RootBeanDefinition(NicepayClient.class,
                        () -> clients.apply(name));
                client.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
                client.setDestroyMethodName(""); // NicepayClients closes it
                registry.registerBeanDefinition(name, client);
            }
            String tokens = name + "AccessTokens";
            if (!registry.containsBeanDefinition(tokens)) {
                RootBeanDefinition provider = new RootBeanDefinition(AccessTokenProvider.class,
                        () -> clients.apply(name).accessTokens());
                provider.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
                provider.setDestroyMethodName("");
                registry.registerBeanDefinition(tokens, provider);
            }
            String signer = name + "TransactionSigner";
            if (!registry.containsBeanDefinition(signer)) {
                RootBeanDefinition signing = new RootBeanDefinition(TransactionSigner.class,
                        () -> signers.apply(name));
                signing.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
                registry.registerBeanDefinition(signer, signing);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) throws BeansException {
        // everything happens on the registry
    }
}
