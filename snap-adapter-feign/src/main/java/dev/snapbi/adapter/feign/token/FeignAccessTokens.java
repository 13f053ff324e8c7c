package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.internal.Settings;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.Signer;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The composition root for the common case: a ready {@link AccessTokenService} (an
 * {@link dev.snapbi.domain.port.AccessTokenProvider}) for one client at one environment, fetching over
 * {@link FeignTokenEndpoint}.
 * <pre>{@code
 * AccessTokenService tokens = FeignAccessTokens.builder()
 *         .profile(ProviderProfile.nicepayDevelopment())      // or .baseUrl("https://dev.nicepay.co.id")
 *         .clientKey("IONPAYTEST")
 *         .signer(RsaSigner.fromPem(System.getenv("NICEPAY_PRIVATE_KEY")))
 *         .build();
 * String authorization = tokens.accessToken().authorizationHeader();
 * }</pre>
 * Nothing is static: build one service per client and environment, side by side. Close the service when done: that
 * also releases the HTTP client (and its threads) of the endpoint built for it.
 */
public final class FeignAccessTokens {

    private FeignAccessTokens() {
    }

    /** A builder; a profile or base URL, a client key and a signer are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link AccessTokenService} over a {@link FeignTokenEndpoint}. The endpoint settings (profile or base
     * URL, timeouts, body limit, Resilience4j configs) are the ones {@link FeignTokenEndpoint.Builder} has; anything
     * else about the endpoint goes through {@link #endpoint(Consumer)}.
     */
    public static final class Builder extends TokenEndpointSettings<Builder> {
        private ClientKey clientKey;
        private Signer signer;
        private Clock clock = Clock.systemUTC();
        private feign.Logger.Level logLevel = feign.Logger.Level.BASIC;
        private Consumer<FeignTokenEndpoint.Builder> endpointCustomizer = b -> { };
        private Consumer<AccessTokenService.Builder> serviceCustomizer = b -> { };

        private Builder() {
        }

        /** The client key ({@code X-CLIENT-KEY}; NICEPAY: the merchant id, e.g. {@code IONPAYTEST}). */
        public Builder clientKey(String value) {
            this.clientKey = ClientKey.of(Settings.required(value, "clientKey"));
            return this;
        }

        /** The client key. */
        public Builder clientKey(ClientKey value) {
            this.clientKey = Settings.required(value, "clientKey");
            return this;
        }

        /** Signs {@code clientKey|X-TIMESTAMP} with the merchant's private key, e.g. snap-crypto's RsaSigner. */
        public Builder signer(Signer value) {
            this.signer = Settings.required(value, "signer");
            return this;
        }

        /** The wall clock for timestamps and token expiry; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Settings.required(value, "clock");
            return this;
        }

        /**
         * Whether the wire log shows whole exchanges (method, URL, headers, bodies, timings) instead of one line per
         * attempt. Secrets are masked either way; the log goes to SLF4J at DEBUG on
         * {@link FeignTokenEndpoint#WIRE_LOGGER}.
         */
        public Builder wireLogging(boolean fullExchanges) {
            this.logLevel = fullExchanges ? feign.Logger.Level.FULL : feign.Logger.Level.BASIC;
            return this;
        }

        /**
         * Any other endpoint setting: HTTP client, Resilience4j registries, instance name, wire log level. The
         * profile is always the one given to this builder.
         */
        public Builder endpoint(Consumer<FeignTokenEndpoint.Builder> customizer) {
            this.endpointCustomizer = Settings.required(customizer, "endpoint customizer");
            return this;
        }

        /**
         * Token lifecycle settings, applied last: prefetch and stale points, max wait, back-off, a shared
         * {@link dev.snapbi.domain.port.TokenCache}, a listener, an executor.
         */
        public Builder tokenService(Consumer<AccessTokenService.Builder> customizer) {
            this.serviceCustomizer = Settings.required(customizer, "tokenService customizer");
            return this;
        }

        /**
         * The service. It fetches lazily: nothing is sent before the first {@code accessToken()}.
         *
         * @throws SnapConfigurationException when a required setting is missing or invalid (including plain
         *                                    {@code http://} to a host that is not loopback)
         */
        public AccessTokenService build() {
            ProviderProfile resolved = resolveProfile();
            if (clientKey == null) {
                throw new SnapConfigurationException("the client key is missing; NICEPAY's is the merchant id"
                        + " (iMid), e.g. IONPAYTEST");
            }
            if (signer == null) {
                throw new SnapConfigurationException("the signer is missing; e.g."
                        + " RsaSigner.fromPem(privateKeyPem) from snap-crypto");
            }
            Clock theClock = clock;
            FeignTokenEndpoint.Builder endpoint = FeignTokenEndpoint.builder().logLevel(logLevel);
            copyTo(endpoint);
            endpointCustomizer.accept(endpoint);
            FeignTokenEndpoint tokenEndpoint = endpoint.profile(resolved).build();
            AccessTokenService.Builder service = AccessTokenService.builder()
                    .endpoint(tokenEndpoint)
                    .requests(B2bTokenRequestSupplier.create(clientKey, signer, theClock, resolved))
                    .clock(theClock)
                    .cacheKey(TokenCacheKey.of(resolved, clientKey))
                    .closing(tokenEndpoint); // the endpoint's HTTP client is this service's alone
            serviceCustomizer.accept(service);
            return service.build();
        }
    }
}
