package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.ScriptedHttpServer;
import dev.snapbi.adapter.feign.TestSupport;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.snapbi.adapter.feign.TestSupport.fastRetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The composition root: a ready AccessTokenService in a few lines, end to end against the sandbox. */
@ExtendWith(SnapSandboxExtension.class)
class FeignAccessTokensTest {

    private SnapSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void setUp(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
        sandbox.resetStats();
    }

    @Test
    void builds_a_token_service_that_fetches_once_and_then_serves_the_cached_token() {
        try (AccessTokenService tokens = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey()))
                .build()) {

            AccessToken first = tokens.accessToken();
            AccessToken second = tokens.accessToken();

            assertThat(sandbox.isTokenActive(first.value())).isTrue();
            assertThat(second).isSameAs(first);
            assertThat(first.lifetime()).isEqualTo(Duration.ofSeconds(900));
            assertThat(first.authorizationHeader()).isEqualTo("Bearer " + first.value());
            assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void the_endpoint_settings_given_to_the_service_builder_reach_its_endpoint() throws Exception {
        RetryRegistry retries = RetryRegistry.ofDefaults();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        String longToken = "{\"responseCode\":\"2007300\",\"accessToken\":\"" + "a".repeat(3000) + "\"}";
        try (ScriptedHttpServer server = ScriptedHttpServer.json(200, longToken);
             AccessTokenService tokens = FeignAccessTokens.builder()
                     .baseUrl(server.baseUrl())
                     .clientKey(client.clientKey())
                     .signer(RsaSigner.create(client.privateKey()))
                     .maxAttempts(4)
                     .circuitBreakerConfig(CircuitBreakerConfig.from(TokenResilience.circuitBreakerConfig())
                             .slidingWindowSize(7).build())
                     .maxBodyBytes(2048)
                     .endpoint(e -> e.name("forwarded").retryRegistry(retries).circuitBreakerRegistry(breakers))
                     .build()) {

            assertThatThrownBy(tokens::accessToken).isInstanceOf(SnapProtocolException.class)
                    .hasMessageContaining("larger than 2 KiB");
            assertThat(server.requests()).isEqualTo(1); // a protocol violation is not retried
            assertThat(retries.retry("forwarded").getRetryConfig().getMaxAttempts()).isEqualTo(4);
            assertThat(breakers.circuitBreaker("forwarded").getCircuitBreakerConfig().getSlidingWindowSize())
                    .isEqualTo(7);
        }
    }

    @Test
    void signs_with_a_pem_private_key_as_users_configure_it() {
        var keys = RsaKeyPairs.generate();
        SandboxClient merchant = sandbox.registerClient("PEMMERCHANT", keys.publicKey());
        try (AccessTokenService tokens = FeignAccessTokens.builder()
                .profile(ProviderProfile.nicepay(sandbox.baseUrl()))
                .clientKey(merchant.clientKey())
                .signer(RsaSigner.fromPem(keys.privateKeyPem()))
                .readTimeout(Duration.ofSeconds(2))
                .retryConfig(fastRetry(2))
                .build()) {

            assertThat(sandbox.isTokenActive(tokens.accessToken().value())).isTrue();
        }
    }

    @Test
    void keeps_serving_a_still_valid_token_while_the_circuit_is_open() throws Exception {
        AtomicLong nanos = new AtomicLong();
        CompletableFuture<SnapException> failedRefresh = new CompletableFuture<>();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        try (AccessTokenService tokens = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey()))
                .endpoint(e -> e.name("breaker-test").circuitBreakerRegistry(breakers))
                .tokenService(service -> {
                    service.ticker(nanos::get).listener(new TokenEventListener() {
                        @Override
                        public void onFetchFailed(SnapException error) {
                            failedRefresh.complete(error);
                        }
                    });
                })
                .build()) {
            AccessToken token = tokens.accessToken();
            breakers.circuitBreaker("breaker-test").transitionToForcedOpenState();
            sandbox.resetStats();

            nanos.addAndGet(Duration.ofSeconds(860).toNanos()); // inside the 60 s prefetch window
            AccessToken during = tokens.accessToken();

            assertThat(during).isSameAs(token);
            assertThat(failedRefresh.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(SnapUnavailableException.class,
                    e -> assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.CIRCUIT_OPEN));
            assertThat(tokens.accessToken()).isSameAs(token);
            assertThat(sandbox.stats().tokenRequests()).isZero();
        }
    }

    @Test
    void refuses_plain_http_to_a_host_that_is_not_loopback() {
        assertThatThrownBy(() -> FeignAccessTokens.builder()
                .baseUrl("http://dev.nicepay.co.id")
                .clientKey("IONPAYTEST")
                .signer(RsaSigner.create(client.privateKey()))
                .build())
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("refusing plain http:// to dev.nicepay.co.id");
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().baseUrl("http://10.0.0.7:8080").build())
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("http is allowed only for loopback hosts");
    }

    @Test
    void accepts_https_and_loopback_http_base_urls() {
        assertThat(FeignTokenEndpoint.builder().baseUrl("https://dev.nicepay.co.id/").build().profile().tokenUrl())
                .hasToString("https://dev.nicepay.co.id/nicepay/v1.0/access-token/b2b");
        assertThat(FeignTokenEndpoint.builder().baseUrl("http://localhost:8080").build().profile().tokenUrl())
                .hasToString("http://localhost:8080/nicepay/v1.0/access-token/b2b");
    }

    @Test
    void says_what_is_missing() {
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("needs a profile");
        assertThatThrownBy(() -> FeignAccessTokens.builder().profile(ProviderProfile.nicepayDevelopment())
                .signer(RsaSigner.create(client.privateKey())).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("client key is missing");
        assertThatThrownBy(() -> FeignAccessTokens.builder().profile(ProviderProfile.nicepayDevelopment())
                .clientKey("IONPAYTEST").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("signer is missing");
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().baseUrl("dev.nicepay.co.id").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("absolute https://");
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().profile(ProviderProfile.nicepayDevelopment())
                .readTimeout(Duration.ZERO).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
    }
}
