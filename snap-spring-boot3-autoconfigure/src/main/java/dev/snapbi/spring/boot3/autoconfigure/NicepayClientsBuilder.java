package dev.snapbi.spring.boot3.autoconfigure;

import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.nicepay.notification.NicepayNotifications;
import dev.snapbi.domain.port.Signer;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.spring.boot3.autoconfigure.NicepayMerchantProperties.CacheType;
import dev.snapbi.spring.boot3.autoconfigure.NicepayMerchantProperties.Environment;

import dev.snapbi.spring.boot3.autoconfigure.internal.CompositeTokenEventListener;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenEndpointDecorator;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenState;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenStoreFactory;
import dev.snapbi.spring.boot3.autoconfigure.internal.TokenProviderDecorator;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.TokenCache;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns {@link SnapbiNicepayProperties} into {@link NicepayClients}: resolves each client's settings (a named client
 * takes what it leaves unset from the top level), checks them with messages naming the property, reads the keys, and
 * builds each client on a Feign token endpoint whose Resilience4j instances live in the given registries.
 */
final class NicepayClientsBuilder {

    private static final Pattern LOCATION = Pattern.compile("^(classpath\\*?|file|https?|jar):.+",
            Pattern.DOTALL);
    private static final int MAX_KEY_CHARS = 64 * 1024;

    private final SnapbiNicepayProperties properties;
    private final ResourceLoader resources;
    private final Clock clock;
    private final RetryRegistry retryRegistry;
    private final CircuitBreakerRegistry circuitBreakerRegistry;
    private final List<NicepayClientBuilderCustomizer> clientCustomizers;
    private final List<TokenServiceCustomizer> tokenCustomizers;
    private final List<TokenEndpointCustomizer> endpointCustomizers;
    private final List<NicepayTokenListenerFactory> listenerFactories;
    private final List<TokenEndpointDecorator> endpointDecorators;
    private final TokenStoreFactory tokenStores;
    private final List<TokenProviderDecorator> providerDecorators;

    NicepayClientsBuilder(SnapbiNicepayProperties properties, ResourceLoader resources, Clock clock,
                          RetryRegistry retryRegistry, CircuitBreakerRegistry circuitBreakerRegistry,
                          List<NicepayClientBuilderCustomizer> clientCustomizers,
                          List<TokenServiceCustomizer> tokenCustomizers,
                          List<TokenEndpointCustomizer> endpointCustomizers,
                          List<NicepayTokenListenerFactory> listenerFactories,
                          List<TokenEndpointDecorator> endpointDecorators, TokenStoreFactory tokenStores,
                          List<TokenProviderDecorator> providerDecorators) {
        this.properties = properties;
        this.resources = resources;
        this.clock = clock;
        this.retryRegistry = retryRegistry;
        this.circuitBreakerRegistry = circuitBreakerRegistry;
        this.clientCustomizers = clientCustomizers;
        this.tokenCustomizers = tokenCustomizers;
        this.endpointCustomizers = endpointCustomizers;
        this.listenerFactories = listenerFactories;
        this.endpointDecorators = endpointDecorators;
        this.tokenStores = tokenStores;
        this.providerDecorators = providerDecorators;
    }

    NicepayClients build() {
        Map<String, NicepayClients.Entry> entries = new LinkedHashMap<>();
        try {
            if (properties.getClients().isEmpty()) {
                entries.put(NicepayClients.DEFAULT_NAME,
                        entry(NicepayClients.DEFAULT_NAME, SnapbiNicepayProperties.PREFIX + ".", properties));
            } else {
                for (Map.Entry<String, NicepayMerchantProperties> named : properties.getClients().entrySet()) {
                    String prefix = SnapbiNicepayProperties.PREFIX + ".clients." + named.getKey() + ".";
                    entries.put(named.getKey(), entry(named.getKey(), prefix, named.getValue()));
                }
            }
        } catch (RuntimeException e) {
            new NicepayClients(entries).close();
            throw e;
        }
        return new NicepayClients(entries);
    }

    private <T> T setting(NicepayMerchantProperties merchant, Function<NicepayMerchantProperties, T> getter) {
        T own = getter.apply(merchant);
        return own != null || merchant == properties ? own : getter.apply(properties);
    }

    private NicepayClients.Entry entry(String name, String prefix, NicepayMerchantProperties m) {
        ProviderProfile profile = profile(prefix, m);
        String clientKey = setting(m, NicepayMerchantProperties::getClientKey);
        if (clientKey == null || clientKey.isBlank()) {
            throw SnapConfigurationException.forSetting(prefix + "client-key", "is missing",
                    "Set it to the client key NICEPAY gave you (NICEPAY's is the merchant id, iMid, e.g. IONPAYTEST).");
        }
        String secret = setting(m, NicepayMerchantProperties::getClientSecret);
        if (secret == null || secret.isEmpty()) {
            throw SnapConfigurationException.forSetting(prefix + "client-secret", "is missing",
                    "Set it to the client secret NICEPAY gave with the client key, e.g. client-secret="
                            + "${NICEPAY_CLIENT_SECRET}; it keys the HMAC-SHA512 signature of every transactional"
                            + " call.");
        }
        Duration connect = positive(prefix + "connect-timeout",
                setting(m, NicepayMerchantProperties::getConnectTimeout),
                Duration.ofSeconds(5));
        Duration read = positive(prefix + "read-timeout", setting(m, NicepayMerchantProperties::getReadTimeout),
                Duration.ofSeconds(10));
        Integer attempts = setting(m, NicepayMerchantProperties::getMaxAttempts);
        int maxAttempts = attempts == null ? NicepayClient.DEFAULT_MAX_ATTEMPTS : attempts;
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw SnapConfigurationException.forSetting(prefix + "max-attempts", "is " + maxAttempts,
                    "Give a number from 1 (no retry) to 10; the default is 3.");
        }
        CacheType cache = m.getCache().getType() != null ? m.getCache().getType() : properties.getCache().getType();
        TokenCache store = null;
        if (cache == CacheType.REDIS) {
            if (tokenStores == null) {
                throw SnapConfigurationException.forSetting(prefix + "cache.type", "is redis, but snap-cache-redis is"
                        + " not on the classpath", "Add the dependency dev.snapbi:snap-cache-redis (it brings"
                        + " Lettuce), or use cache.type=memory.");
            }
            store = tokenStores.create(prefix, new TokenStoreFactory.RedisSettings(
                    setting(m, x -> x.getCache().getRedis().getUri()),
                    setting(m, x -> x.getCache().getRedis().getEncryptionKey()),
                    setting(m, x -> x.getCache().getRedis().getCommandTimeout())), secret);
        }
        Signer rsa = signer(prefix, m);
        NicepayNotifications notifications = notifications(prefix, m, clientKey);
        ClientSecret clientSecret = ClientSecret.of(secret);

        FeignTokenEndpoint.Builder endpointBuilder = FeignTokenEndpoint.builder()
                .profile(profile)
                .connectTimeout(connect)
                .readTimeout(read)
                .clock(clock)
                .name("snapbi-" + name)
                .retryConfig(RetryConfig.from(TokenResilience.retryConfig()).maxAttempts(maxAttempts).build())
                .retryRegistry(retryRegistry)
                .circuitBreakerRegistry(circuitBreakerRegistry);
        endpointCustomizers.forEach(c -> c.customize(name, endpointBuilder));
        FeignTokenEndpoint feignEndpoint = wrap(prefix + "base-url", endpointBuilder::build);
        TokenEndpoint endpoint = feignEndpoint;
        for (TokenEndpointDecorator decorator : endpointDecorators) {
            endpoint = decorator.decorate(name, endpoint);
        }
        TokenState state = new TokenState(clock, () -> feignEndpoint.circuitBreaker().getState().name());
        List<TokenEventListener> listeners = new ArrayList<>();
        listeners.add(state);
        listenerFactories.forEach(f -> listeners.add(f.create(name)));
        TokenEventListener listener = listeners.size() == 1 ? state
                : CompositeTokenEventListener.of(listeners);
        Duration prefetch = setting(m, x -> x.getToken().getPrefetch());
        Duration stale = setting(m, x -> x.getToken().getStale());

        TokenEndpoint theEndpoint = endpoint;
        TokenCache theStore = store;
        AccessTokenService tokens = wrap(prefix + "token", () -> {
            AccessTokenService.Builder b = AccessTokenService.builder()
                    .endpoint(theEndpoint)
                    .requests(dev.snapbi.domain.token.B2bTokenRequestSupplier.create(
                            dev.snapbi.domain.model.ClientKey.of(clientKey), rsa, clock, profile))
                    .cacheKey(dev.snapbi.domain.model.TokenCacheKey.of(profile,
                            dev.snapbi.domain.model.ClientKey.of(clientKey)))
                    .clock(clock)
                    .listener(listener);
            if (theStore != null) {
                b.cache(theStore);
            }
            if (prefetch != null) {
                b.prefetchBefore(prefetch);
            }
            if (stale != null) {
                b.staleBefore(stale);
            }
            tokenCustomizers.forEach(c -> c.customize(name, b));
            return b.build();
        });
        AccessTokenProvider provider = tokens;
        for (TokenProviderDecorator decorator : providerDecorators) {
            provider = decorator.decorate(name, provider, tokens.policy());
        }
        try {
            NicepayClient.Builder client = NicepayClient.builder()
                    .environment(profile)
                    .clientKey(clientKey)
                    .clientSecret(clientSecret)
                    .accessTokens(provider)
                    .connectTimeout(connect)
                    .readTimeout(read)
                    .maxAttempts(maxAttempts)
                    .clock(clock);
            clientCustomizers.forEach(c -> c.customize(name, client));
            NicepayClient built = wrap(prefix.substring(0, prefix.length() - 1), client::build);
            TransactionSigner signer = TransactionSigner.builder()
                    .tokens(provider)
                    .symmetricSigner(HmacSha512Signer.create(clientSecret))
                    .partnerId(clientKey)
                    .profile(profile)
                    .clock(clock)
                    .build();
            AutoCloseable owned = () -> {
                tokens.close();
                if (theStore instanceof AutoCloseable c) {
                    c.close();
                }
                if ((Object) feignEndpoint instanceof AutoCloseable c) {
                    c.close();
                }
            };
            return new NicepayClients.Entry(built, state, signer, notifications, owned);
        } catch (RuntimeException e) {
            tokens.close();
            if (theStore instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the startup failure is what matters
                }
            }
            throw e;
        }
    }

    private ProviderProfile profile(String prefix, NicepayMerchantProperties m) {
        Environment environment = m.getEnvironment();
        URI baseUrl = m.getBaseUrl();
        if (environment == null && baseUrl == null) { // a named client that sets neither inherits both
            environment = properties.getEnvironment();
            baseUrl = properties.getBaseUrl();
        }
        if (baseUrl != null) {
            if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                    || !("https".equalsIgnoreCase(baseUrl.getScheme())
                    || "http".equalsIgnoreCase(baseUrl.getScheme()))) {
                throw SnapConfigurationException.forSetting(prefix + "base-url",
                        "'" + baseUrl + "' is not an absolute http(s) URL",
                        "Give the environment root such as https://dev.nicepay.co.id (paths start with /nicepay/...),"
                                + " or remove it and set environment.");
            }
            return ProviderProfile.nicepay(URI.create(baseUrl.toString().replaceAll("/+$", "")));
        }
        return switch (environment == null ? Environment.DEVELOPMENT : environment) {
            case DEVELOPMENT -> ProviderProfile.nicepayDevelopment();
            case STAGING -> ProviderProfile.nicepayStaging();
            case PRODUCTION -> ProviderProfile.nicepayProduction();
            case CLOUD_DEVELOPMENT -> ProviderProfile.nicepayCloudDevelopment();
            case CLOUD_PRODUCTION -> ProviderProfile.nicepayCloudProduction();
        };
    }

    private Signer signer(String prefix, NicepayMerchantProperties m) {
        String property = prefix + "private-key";
        String value = setting(m, NicepayMerchantProperties::getPrivateKey);
        if (value == null || value.isBlank()) {
            throw SnapConfigurationException.forSetting(property, "is missing",
                    "Set it to the merchant's RSA private key: a location such as file:/etc/nicepay/private.pem or"
                            + " classpath:nicepay/private.pem, or the PEM text itself (e.g."
                            + " private-key=${NICEPAY_PRIVATE_KEY}).");
        }
        String text = keyText(property, value);
        String password = setting(m, NicepayMerchantProperties::getPrivateKeyPassword);
        try {
            return password == null || password.isEmpty() ? RsaSigner.fromPem(text)
                    : RsaSigner.fromPem(text, password.toCharArray());
        } catch (SnapConfigurationException e) {
            throw SnapConfigurationException.forSetting(property, "is not a readable RSA private key ("
                    + e.getMessage() + ")", "Give a PKCS#8 or PKCS#1 PEM, bare Base64 DER, or an encrypted PKCS#8"
                    + " PEM with " + prefix + "private-key-password; check that it is the private (not the public)"
                    + " key.");
        }
    }

    private NicepayNotifications notifications(String prefix, NicepayMerchantProperties m, String clientKey) {
        String property = prefix + "nicepay-public-key";
        String value = setting(m, NicepayMerchantProperties::getNicepayPublicKey);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = keyText(property, value); // its own errors already name the property: not re-wrapped below
        try {
            return NicepayNotifications.builder()
                    .publicKeyPem(text)
                    .clientId(clientKey)
                    .clock(clock)
                    .build();
        } catch (SnapConfigurationException e) {
            throw SnapConfigurationException.forSetting(property,
                    "is not a readable RSA public key (" + e.getMessage() + ")",
                    "Give NICEPAY's public key as X.509 PEM (BEGIN PUBLIC KEY), bare Base64 or a certificate, or a"
                            + " file:/classpath: location of it.");
        }
    }

    /** The key text: read from the location, or the value itself. The value is never put in a message. */
    private String keyText(String property, String value) {
        String trimmed = value.strip();
        if (!LOCATION.matcher(trimmed).matches()) {
            return value;
        }
        Resource resource = resources.getResource(trimmed);
        if (!resource.exists()) {
            throw SnapConfigurationException.forSetting(property, "nothing found at " + trimmed,
                    "Check the path (file:/absolute/path.pem or classpath:relative/path.pem), or give the PEM text.");
        }
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_KEY_CHARS + 1);
            if (bytes.length > MAX_KEY_CHARS) {
                throw SnapConfigurationException.forSetting(property, trimmed + " is larger than 64 KiB",
                        "Point it at the key file itself.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SnapConfigurationException.forSetting(property, trimmed + " could not be read ("
                    + e.getClass().getSimpleName() + ")",
                    "Check that the file exists and is readable by the application.");
        }
    }

    private static Duration positive(String property, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
            throw SnapConfigurationException.forSetting(property, "is " + value,
                    "Give a positive duration of at most 1h, e.g. 5s or 500ms.");
        }
        return value;
    }

    private interface Build<T> {
        T build();
    }

    private static <T> T wrap(String property, Build<T> build) {
        try {
            return build.build();
        } catch (SnapConfigurationException e) {
            if (e.setting().isPresent()) {
                throw e; // already names its property
            }
            throw SnapConfigurationException.forSetting(property, e.getMessage(), "Correct " + property + ".");
        }
    }
}
