package dev.snapbi.nicepay;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.ExternalIdGenerator;
import dev.snapbi.domain.port.Signer;
import dev.snapbi.domain.port.TokenCache;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.call.SnapCall;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.nicepay.call.SnapCaller;
import dev.snapbi.nicepay.balance.BalanceService;
import dev.snapbi.nicepay.ewallet.EwalletService;
import dev.snapbi.nicepay.internal.SignedCallEngine;
import dev.snapbi.nicepay.notification.NicepayNotifications;
import dev.snapbi.nicepay.payout.PayoutService;
import dev.snapbi.nicepay.qris.QrisService;
import dev.snapbi.nicepay.va.VirtualAccountService;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one entry point to NICEPAY's SNAP APIs for one merchant at one environment, configured once: the environment
 * ({@link ProviderProfile}), the client key, the private key and the client secret. Base URL, partner id, channel id
 * and signing prefix all come from that one configuration.
 * <pre>{@code
 * try (NicepayClient nicepay = NicepayClient.builder()
 *         .environment(ProviderProfile.nicepayDevelopment())
 *         .clientKey("IONPAYTEST")
 *         .privateKey(Path.of("private.pem"))              // PKCS#8, PKCS#1, encrypted (with a password), Base64
 *         .clientSecret(System.getenv("NICEPAY_CLIENT_SECRET"))
 *         .build()) {
 *     SnapCallResponse answer = nicepay.call("POST", "/nicepay/api/v1.0/transfer-va/create-va", jsonBytes);
 * }
 * }</pre>
 * It gives:
 * <ul>
 *   <li>{@link #accessTokens()}: the cached, refreshed B2B access token;</li>
 *   <li>{@link #call(SnapCall)}: a signed call to any SNAP path, over exactly the bytes given, with the retry rules
 *   of {@link SnapCall.Kind} (money-moving calls are never resent once they may have arrived);</li>
 *   <li>the typed services, one per product.</li>
 * </ul>
 * Several clients (merchants, environments) live side by side in one JVM; nothing is static. Thread-safe.
 * {@link #close()} releases what the client made itself (the token service, a default transport); a token provider or
 * transport handed in is left to its owner.
 */
public final class NicepayClient implements SnapCaller, AutoCloseable {

    /** Attempts of token requests and of inquiry calls, the first included, unless configured. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final ProviderProfile profile;
    private final ClientKey clientKey;
    private final AccessTokenProvider tokens;
    private final AutoCloseable ownedTokens;
    private final TransactionTransport transport;
    private final AutoCloseable ownedTransport;
    private final SignedCallEngine engine;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final VirtualAccountService virtualAccounts;
    private final QrisService qris;
    private final EwalletService ewallets;
    private final PayoutService payouts;
    private final BalanceService balances;
    private final NicepayNotifications notifications;

    private NicepayClient(ProviderProfile profile, ClientKey clientKey, AccessTokenProvider tokens,
                          AutoCloseable ownedTokens, TransactionTransport transport, AutoCloseable ownedTransport,
                          SignedCallEngine engine, NicepayNotifications notifications) {
        this.profile = profile;
        this.clientKey = clientKey;
        this.tokens = tokens;
        this.ownedTokens = ownedTokens;
        this.transport = transport;
        this.ownedTransport = ownedTransport;
        this.engine = engine;
        this.virtualAccounts = VirtualAccountService.create(this, clientKey);
        this.qris = QrisService.create(this, clientKey);
        this.ewallets = EwalletService.create(this, clientKey);
        this.payouts = PayoutService.create(this, clientKey);
        this.balances = BalanceService.create(this, clientKey);
        this.notifications = notifications;
    }

    /** A builder; an environment, a client key, a private key (or token provider) and a client secret are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The B2B access tokens of this merchant at this environment: cached, refreshed ahead of expiry. */
    public AccessTokenProvider accessTokens() {
        return tokens;
    }

    /**
     * A signed call to any SNAP path, of unknown effect and so treated as money-moving: never resent once it may
     * have arrived (use {@link #call(SnapCall)} with {@link SnapCall#inquiry} for status calls, to get retries).
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param path   the request path under the environment root, e.g.
     *               {@code /nicepay/api/v1.0/transfer-va/create-va}
     * @param body   the exact bytes to sign and send (compact JSON); {@code null} for none
     * @throws dev.snapbi.domain.error.SnapException typed by meaning (see {@link SnapCaller#call(SnapCall)})
     * @throws IllegalStateException after {@link #close()}
     */
    public SnapCallResponse call(String method, String path, byte[] body) {
        return call(SnapCall.of(method, path, body));
    }

    @Override
    public SnapCallResponse call(SnapCall call) {
        if (closed.get()) {
            throw new IllegalStateException("this NicepayClient for " + clientKey + " at " + profile.name()
                    + " is closed; build a new one");
        }
        return engine.call(call);
    }

    /** Virtual accounts: create, status, cancel. */
    public VirtualAccountService virtualAccounts() {
        return virtualAccounts;
    }

    /** QRIS (MPM) payments: generate, status, refund. */
    public QrisService qris() {
        return qris;
    }

    /** E-wallet direct debit: payment, status, refund. */
    public EwalletService ewallets() {
        return ewallets;
    }

    /** Payouts: registration, approve, status, cancel, reject. */
    public PayoutService payouts() {
        return payouts;
    }

    /** Balance inquiry. */
    public BalanceService balances() {
        return balances;
    }

    /**
     * NICEPAY's notifications to this merchant, verified with the key given to
     * {@link Builder#notificationPublicKeyPem(String)} and parsed (the client id is this client's key).
     *
     * @throws SnapConfigurationException when no NICEPAY public key was configured
     */
    public NicepayNotifications notifications() {
        if (notifications == null) {
            throw new SnapConfigurationException("no NICEPAY public key is configured for notifications: set"
                    + " NicepayClient.builder().notificationPublicKeyPem(pem) with the key NICEPAY gave for "
                    + profile.name());
        }
        return notifications;
    }

    /** The environment. */
    public ProviderProfile environment() {
        return profile;
    }

    /** The client key (NICEPAY: the merchant id, iMid), also {@code X-PARTNER-ID}. */
    public ClientKey clientKey() {
        return clientKey;
    }

    /** The transport the calls go through. */
    public TransactionTransport transport() {
        return transport;
    }

    /** Releases what this client made itself: the token service and the default transport. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(ownedTransport);
        closeQuietly(ownedTokens);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing is best effort: nothing useful can be done about a failure here
        }
    }

    @Override
    public String toString() {
        return "NicepayClient[" + clientKey + ", " + profile.name() + ", " + profile.baseUrl() + "]";
    }

    /** Builds a {@link NicepayClient}; everything is checked in {@link #build()}, before anything is sent. */
    public static final class Builder {
        private ProviderProfile profile;
        private ClientKey clientKey;
        private Signer signer;
        private Path keyFile;
        private String keyText;
        private char[] keyPassword;
        private ClientSecret clientSecret;
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration retryBackoff = Duration.ofMillis(200);
        private Consumer<AccessTokenService.Builder> tokenPolicy = b -> { };
        private TokenCache tokenCache;
        private TokenEndpoint tokenEndpoint;
        private AccessTokenProvider tokenProvider;
        private TransactionTransport transport;
        private ExternalIdGenerator externalIds;
        private String channelId;
        private String notificationKeyPem;

        private Builder() {
        }

        /**
         * The environment: {@link ProviderProfile#nicepayDevelopment()}, {@code nicepayStaging()},
         * {@code nicepayProduction()}, {@code nicepayCloudDevelopment()}, {@code nicepayCloudProduction()}, or
         * {@link ProviderProfile#nicepay(java.net.URI)} for the sandbox.
         */
        public Builder environment(ProviderProfile value) {
            this.profile = value;
            return this;
        }

        /** The client key ({@code X-CLIENT-KEY}, {@code X-PARTNER-ID}; NICEPAY: the merchant id, e.g. IONPAYTEST). */
        public Builder clientKey(String value) {
            this.clientKey = value == null ? null : ClientKey.of(value);
            return this;
        }

        /** The client key. */
        public Builder clientKey(ClientKey value) {
            this.clientKey = value;
            return this;
        }

        /** The merchant's RSA private key file: PKCS#8 or PKCS#1 PEM, bare Base64 or DER. */
        public Builder privateKey(Path file) {
            return privateKey(file, null);
        }

        /** An encrypted private key file and its password (copied; the copy is wiped once the key is read). */
        public Builder privateKey(Path file, char[] password) {
            clearKey();
            this.keyFile = file;
            this.keyPassword = password == null ? null : password.clone();
            return this;
        }

        /** The private key as text, in any format snap-crypto reads (PEM, bare Base64, PEM mangled by env vars). */
        public Builder privateKeyPem(String text) {
            return privateKeyPem(text, null);
        }

        /** An encrypted private key as text and its password (copied; wiped once the key is read). */
        public Builder privateKeyPem(String text, char[] password) {
            clearKey();
            this.keyText = text;
            this.keyPassword = password == null ? null : password.clone();
            return this;
        }

        /** The private key itself. */
        public Builder privateKey(PrivateKey key) {
            clearKey();
            this.signer = key == null ? null : RsaSigner.create(key);
            return this;
        }

        /** Any signer of {@code clientKey|X-TIMESTAMP} (an HSM, a KMS) instead of a private key. */
        public Builder signer(Signer value) {
            clearKey();
            this.signer = value;
            return this;
        }

        private void clearKey() {
            if (keyPassword != null) {
                Arrays.fill(keyPassword, '\0');
            }
            this.signer = null;
            this.keyFile = null;
            this.keyText = null;
            this.keyPassword = null;
        }

        /** The client secret that keys the HMAC-SHA512 of transactional calls. */
        public Builder clientSecret(String value) {
            this.clientSecret = value == null ? null : ClientSecret.of(value);
            return this;
        }

        /** The client secret. */
        public Builder clientSecret(ClientSecret value) {
            this.clientSecret = value;
            return this;
        }

        /** How long to wait for a connection, for tokens and calls; default 5 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** How long to wait for an answer, for tokens and calls; default 10 s. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        /**
         * Attempts of token requests and inquiry calls, the first included; default 3. Money-moving calls are resent
         * only while they surely were not sent, within the same bound.
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /** The first pause between attempts, doubled each time (at most 10 s); default 200 ms. */
        public Builder retryBackoff(Duration value) {
            this.retryBackoff = value;
            return this;
        }

        /**
         * The token policy, applied last to the token service: prefetch and stale points, max wait, back-off, a
         * listener, an executor. Ignored when {@link #accessTokens(AccessTokenProvider)} is given.
         */
        public Builder tokenPolicy(Consumer<AccessTokenService.Builder> customizer) {
            this.tokenPolicy = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** Where tokens are kept, e.g. a shared cache across instances; default in memory. */
        public Builder tokenCache(TokenCache value) {
            this.tokenCache = value;
            return this;
        }

        /** The HTTP adapter for the token endpoint; default the Feign adapter (snap-adapter-feign). */
        public Builder tokenEndpoint(TokenEndpoint value) {
            this.tokenEndpoint = value;
            return this;
        }

        /**
         * A token provider to use instead of making one (it is not closed by the client); the private key is then
         * not needed.
         */
        public Builder accessTokens(AccessTokenProvider value) {
            this.tokenProvider = value;
            return this;
        }

        /**
         * The HTTP adapter for transactional calls, e.g. snap-adapter-jdk's or your own (not closed by the client);
         * default the Feign adapter.
         */
        public Builder transport(TransactionTransport value) {
            this.transport = value;
            return this;
        }

        /** Where {@code X-EXTERNAL-ID}s come from; default time-ordered ids in Jakarta time. */
        public Builder externalIds(ExternalIdGenerator value) {
            this.externalIds = value;
            return this;
        }

        /** {@code CHANNEL-ID}; default the client key + {@code 01}, as NICEPAY wants. */
        public Builder channelId(String value) {
            this.channelId = value;
            return this;
        }

        /**
         * NICEPAY's public key for this environment (PEM, bare Base64 or a certificate), which verifies its
         * notifications: enables {@link NicepayClient#notifications()}.
         */
        public Builder notificationPublicKeyPem(String pem) {
            this.notificationKeyPem = pem;
            return this;
        }

        /** The wall clock for timestamps and token expiry; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * The client. Reads the private key now; sends nothing (the first token is fetched on first use).
         *
         * @throws SnapConfigurationException naming the setting that is missing or wrong
         */
        public NicepayClient build() {
            if (profile == null) {
                throw new SnapConfigurationException("the environment is missing, e.g."
                        + " .environment(ProviderProfile.nicepayDevelopment())");
            }
            if (clientKey == null) {
                throw new SnapConfigurationException("the client key is missing; NICEPAY's is the merchant id (iMid),"
                        + " e.g. IONPAYTEST");
            }
            if (clientSecret == null) {
                throw new SnapConfigurationException("the client secret is missing; NICEPAY gives it with the client"
                        + " key, and it keys the HMAC-SHA512 signature of every transactional call");
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            if (maxAttempts < 1) {
                throw new SnapConfigurationException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            if (retryBackoff == null || retryBackoff.isNegative()) {
                throw new SnapConfigurationException("retryBackoff must be zero or more, got " + retryBackoff);
            }
            if (clock == null) {
                throw new SnapConfigurationException("the clock is missing; use Clock.systemUTC()");
            }
            NicepayNotifications notifications = notificationKeyPem == null ? null
                    : NicepayNotifications.builder().publicKeyPem(notificationKeyPem).clientId(clientKey).clock(clock)
                    .build();
            AccessTokenProvider tokens = tokenProvider;
            AutoCloseable ownedTokens = null;
            if (tokens == null) {
                AccessTokenService service = tokenService(readSigner());
                tokens = service;
                ownedTokens = service;
            }
            TransactionTransport theTransport = transport;
            AutoCloseable ownedTransport = null;
            try {
                if (theTransport == null) {
                    theTransport = DefaultTransport.create(connectTimeout, readTimeout);
                    ownedTransport = theTransport instanceof AutoCloseable c ? c : null;
                }
                TransactionSigner.Builder signing = TransactionSigner.builder()
                        .tokens(tokens)
                        .symmetricSigner(HmacSha512Signer.create(clientSecret))
                        .partnerId(clientKey)
                        .profile(profile)
                        .clock(clock);
                if (externalIds != null) {
                    signing.externalIds(externalIds);
                }
                if (channelId != null) {
                    signing.channelId(channelId);
                }
                SignedCallEngine engine = new SignedCallEngine(signing.build(), tokens, theTransport, profile,
                        clientKey, maxAttempts, retryBackoff, SignedCallEngine.Pause.SLEEP, clock);
                return new NicepayClient(profile, clientKey, tokens, ownedTokens, theTransport, ownedTransport,
                        engine, notifications);
            } catch (RuntimeException e) {
                closeQuietly(ownedTransport);
                closeQuietly(ownedTokens);
                throw e;
            }
        }

        private Signer readSigner() {
            try {
                if (signer != null) {
                    return signer;
                }
                if (keyFile != null) {
                    return keyPassword == null ? RsaSigner.fromFile(keyFile)
                            : RsaSigner.fromFile(keyFile, keyPassword.clone());
                }
                if (keyText != null) {
                    return keyPassword == null ? RsaSigner.fromPem(keyText)
                            : RsaSigner.fromPem(keyText, keyPassword.clone());
                }
                throw new SnapConfigurationException("the private key is missing: .privateKey(Path),"
                        + " .privateKeyPem(String), .privateKey(PrivateKey) or .signer(Signer)");
            } finally {
                if (keyPassword != null) {
                    Arrays.fill(keyPassword, '\0');
                    keyPassword = null;
                }
            }
        }

        private AccessTokenService tokenService(Signer rsa) {
            Consumer<AccessTokenService.Builder> policy = b -> {
                b.clock(clock).cacheKey(TokenCacheKey.of(profile, clientKey));
                if (tokenCache != null) {
                    b.cache(tokenCache);
                }
                tokenPolicy.accept(b);
            };
            if (tokenEndpoint != null) {
                AccessTokenService.Builder b = AccessTokenService.builder()
                        .endpoint(tokenEndpoint)
                        .requests(B2bTokenRequestSupplier.create(clientKey, rsa, clock, profile));
                policy.accept(b);
                return b.build();
            }
            return FeignAccessTokens.builder()
                    .profile(profile)
                    .clientKey(clientKey)
                    .signer(rsa)
                    .clock(clock)
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .maxAttempts(maxAttempts)
                    .tokenService(policy)
                    .build();
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new SnapConfigurationException(name + " must be positive, got " + d);
            }
        }
    }
}
