package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.internal.JdkFeignClient;
import dev.snapbi.adapter.feign.internal.JsonMappers;
import dev.snapbi.adapter.feign.internal.RedactingLogger;
import dev.snapbi.adapter.feign.internal.Settings;
import dev.snapbi.adapter.feign.transaction.internal.TransactionCapability;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.SymmetricSigner;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.transaction.TransactionSigner;
import feign.Capability;
import feign.Client;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.RequestInterceptors;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonEncoder;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes your own Feign interface a SNAP transactional client (SNAP-SPEC section 5), as a Feign {@link Capability}:
 * <pre>{@code
 * SnapTransactions snap = SnapTransactions.builder()
 *         .tokens(tokens)                                    // any AccessTokenProvider, e.g. from FeignAccessTokens
 *         .partnerId("IONPAYTEST")                           // X-PARTNER-ID; CHANNEL-ID is it + "01"
 *         .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(secret)))
 *         .profile(ProviderProfile.nicepayDevelopment())
 *         .build();                                          // close() it with the clients built on it
 * VirtualAccounts api = snap.configure(Feign.builder())     // or Feign.builder().addCapability(snap)
 *         .encoder(SnapTransactions.jsonEncoder())
 *         .decoder(new JacksonDecoder())
 *         .target(VirtualAccounts.class, "https://dev.nicepay.co.id");
 * }</pre>
 * What the client then does on every call:
 * <ul>
 *   <li>signs it ({@link SnapTransactionInterceptor}: bearer token, timestamp, HMAC-SHA512 signature over exactly
 *   the bytes sent, partner, a new external id and channel headers, set anew on every attempt, last among the
 *   interceptors);</li>
 *   <li>refuses plain {@code http://} to a host that is not loopback, before anything is sent;</li>
 *   <li>reads every answer body, success or error, within one deadline (the body timeout, default the request's read
 *   timeout) and a size limit (default 1 MiB); with a client of yours, what it does inside {@code execute} before it
 *   hands the body over is its own (feign-java11's {@code Http2Client} reads a gzip header there, beyond any
 *   deadline): {@link #client()} has no such gap;</li>
 *   <li>on {@code 4017301}/{@code 4017303} (the token is dead) drops exactly the token it sent, if it is still the
 *   current one, and replays the call once with a new token; a second dead-token answer is thrown as
 *   {@link dev.snapbi.domain.error.SnapAuthenticationException}, never looped on;</li>
 *   <li>throws only the domain's typed {@link dev.snapbi.domain.error.SnapException}s: for every other failure answer
 *   (unless you set your own {@code ErrorDecoder}, which then gets every answer but the dead-token ones), for I/O
 *   failures, and for a 2xx your decoder cannot decode. No {@code feign.FeignException}, which carries the signed
 *   request, ever leaves a call; server text in messages has every secret of the exchange masked.</li>
 * </ul>
 * As a capability ({@code addCapability(snap)}) it never replaces your client or retryer, it only wraps them.
 * {@link #configure(Feign.Builder)} also sets two defaults, which you may replace by calling the builder again:
 * <ul>
 *   <li>Feign's own retries off ({@link Retryer#NEVER_RETRY}): a transactional call such as creating a virtual
 *   account is not idempotent, and a retry carries a new {@code X-EXTERNAL-ID}, so the provider cannot recognise it
 *   as a repeat. Set {@code .retryer(...)} to retry anyway; the dead-token replay composes with it.</li>
 *   <li>{@link #client()}: the adapter's own client on the JDK {@link HttpClient} (redirects never followed, bodies
 *   read in memory within the deadline, gzip decoded only in memory), owned by this object and released by
 *   {@link #close()}. Feign's default {@code HttpURLConnection} client loses the body of a {@code 401} answer to a
 *   {@code POST}, and with it the {@code 4017301} code that tells a dead token from a bad signature.</li>
 * </ul>
 * Thread-safe; one instance per merchant and environment serves any number of interfaces.
 */
public final class SnapTransactions implements Capability, AutoCloseable {

    /** The default body size limit of transactional answers: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private final SnapTransactionInterceptor interceptor;
    private final TransactionCapability capability;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration bodyTimeout;
    private final int maxBodyBytes;
    private JdkFeignClient client; // guarded by this

    private SnapTransactions(SnapTransactionInterceptor interceptor, Duration connectTimeout, Duration readTimeout,
                             Duration bodyTimeout, int maxBodyBytes, boolean allowPlainHttp) {
        this.interceptor = interceptor;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.bodyTimeout = bodyTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.capability = new TransactionCapability(interceptor, interceptor.signer(), JsonMappers.errorAnswers(),
                bodyTimeout, bodyTimeout != null ? bodyTimeout : readTimeout, maxBodyBytes, allowPlainHttp,
                Clock.systemUTC());
    }

    /** A builder: tokens, partner id, symmetric signer and profile (or a ready {@link TransactionSigner}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures the builder: {@link #client()}, Feign's retries off, the read and connect timeouts as
     * {@link Request.Options} (redirects off), and this capability.
     *
     * @return the same builder, for chaining
     */
    public Feign.Builder configure(Feign.Builder builder) {
        Settings.required(builder, "builder");
        return builder.retryer(Retryer.NEVER_RETRY)
                .client(client())
                .options(new Request.Options(connectTimeout, readTimeout, false))
                .addCapability(this);
    }

    /**
     * The adapter's own HTTP client for transactional interfaces, created on first use, owned by this object and
     * released by {@link #close()}: the JDK {@link HttpClient}, redirects never followed, every body read in memory
     * within the body deadline and size limit.
     */
    public synchronized Client client() {
        if (client == null || client.isClosed()) {
            client = new JdkFeignClient(connectTimeout, bodyTimeout, maxBodyBytes, "snapbi-transactions-http");
        }
        return client;
    }

    /** The signing interceptor this capability adds last. */
    public SnapTransactionInterceptor interceptor() {
        return interceptor;
    }

    /** The transport-neutral signer behind the interceptor. */
    public TransactionSigner signer() {
        return interceptor.signer();
    }

    /** Releases the HTTP client of {@link #client()} (its threads end); interfaces built on it stop working. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public RequestInterceptors enrich(RequestInterceptors interceptors) {
        return capability.enrich(interceptors);
    }

    /** Wraps (never replaces) the client: plain-http guard, bounded body reads. */
    @Override
    public Client enrich(Client value) {
        return capability.enrich(value);
    }

    /** Wraps (never replaces) the retryer with the one dead-token replay. */
    @Override
    public Retryer enrich(Retryer value) {
        return capability.enrich(value);
    }

    @Override
    public Decoder enrich(Decoder value) {
        return capability.enrich(value);
    }

    @Override
    public ErrorDecoder enrich(ErrorDecoder value) {
        return capability.enrich(value);
    }

    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory value) {
        return capability.enrich(value);
    }

    @Override
    public String toString() {
        return "SnapTransactions[" + interceptor + ", body limit " + maxBodyBytes + " bytes]";
    }

    // ---- the earlier one-line entry points, kept working -------------------------------------------------------

    /**
     * Configures the builder for signed SNAP calls of the client whose tokens {@code tokens} serves (its client key
     * is the partner id). The HTTP client it sets is never closed: prefer {@link #builder()}, with an explicit
     * partner id, and {@link #close()}.
     *
     * @deprecated use {@code SnapTransactions.builder().tokens(tokens).partnerId(...).symmetricSigner(...)
     *             .profile(...).build().configure(builder)}
     */
    @Deprecated
    public static Feign.Builder configure(Feign.Builder builder, AccessTokenService tokens,
                                          SymmetricSigner symmetricSigner, ProviderProfile profile) {
        if (tokens == null) {
            throw new SnapConfigurationException("configure needs the AccessTokenService of the client, e.g. from"
                    + " FeignAccessTokens.builder()...build()");
        }
        return configure(builder, TransactionSigner.builder()
                .tokens(tokens)
                .symmetricSigner(symmetricSigner)
                .partnerId(tokens.cacheKey().clientKey())
                .profile(profile)
                .build());
    }

    /** Configures the builder for calls signed by {@code signer}; see {@link #configure(Feign.Builder)}. */
    public static Feign.Builder configure(Feign.Builder builder, TransactionSigner signer) {
        return configure(builder, SnapTransactionInterceptor.create(signer));
    }

    /** Configures the builder for calls signed by {@code interceptor} (e.g. one that leaves bodies as encoded). */
    public static Feign.Builder configure(Feign.Builder builder, SnapTransactionInterceptor interceptor) {
        if (builder == null) {
            throw new SnapConfigurationException("configure needs a Feign.Builder, e.g. Feign.builder()");
        }
        return builder().interceptor(interceptor).build().configure(builder);
    }

    /**
     * The capability for calls signed by {@code signer}, with the default limits: adds the signer last and wraps the
     * client, retryer and decoders the builder ends up with, without replacing them. Note that Feign's default
     * retryer retries I/O failures up to five times, each a new request with a new external id, and that Feign's
     * default client loses the body of {@code 401} answers to {@code POST}s: set a client that keeps it.
     */
    public static Capability capability(TransactionSigner signer) {
        return capability(SnapTransactionInterceptor.create(signer));
    }

    /** The {@link Capability} for this interceptor; see {@link #capability(TransactionSigner)}. */
    public static Capability capability(SnapTransactionInterceptor interceptor) {
        if (interceptor == null) {
            throw new SnapConfigurationException("the capability needs a SnapTransactionInterceptor or a"
                    + " TransactionSigner");
        }
        return builder().interceptor(interceptor).build();
    }

    /**
     * A Jackson encoder that writes compact JSON (no indentation, {@code null} members left out, {@code /} not
     * escaped), as NICEPAY wants it. feign-jackson's {@code new JacksonEncoder()} pretty-prints instead.
     */
    public static JacksonEncoder jsonEncoder() {
        return new JacksonEncoder(JsonMappers.compactWriter());
    }

    /**
     * A Feign wire logger for SNAP calls: SLF4J at DEBUG on {@code slf4jLoggerName}, with the values of
     * {@code Authorization}, {@code X-SIGNATURE} and JSON fields such as {@code accessToken} masked at every level,
     * {@code FULL} included, and the exchange's own secrets masked wherever the server echoes them. Feign's own
     * loggers print those headers as they are.
     * <pre>{@code builder.logger(SnapTransactions.wireLogger("com.example.nicepay.http")).logLevel(Logger.Level.FULL)}</pre>
     */
    public static feign.Logger wireLogger(String slf4jLoggerName) {
        if (slf4jLoggerName == null || slf4jLoggerName.isBlank()) {
            throw new SnapConfigurationException("the wire logger needs an SLF4J logger name, e.g."
                    + " \"com.example.nicepay.http\"");
        }
        return new RedactingLogger(slf4jLoggerName, Duration.ofSeconds(10), DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Builds {@link SnapTransactions}. Give either the four parts of the signer (tokens, partner id, symmetric signer,
     * profile) or a ready {@link #signer(TransactionSigner) signer} or {@link #interceptor interceptor}. A setting
     * given as {@code null} is refused where it is given.
     */
    public static final class Builder extends TransactionHttpSettings<Builder> {
        private AccessTokenProvider tokens;
        private String partnerId;
        private SymmetricSigner symmetricSigner;
        private ProviderProfile profile;
        private TransactionSigner signer;
        private SnapTransactionInterceptor interceptor;
        private boolean compactJson = true;

        private Builder() {
        }

        /**
         * Where tokens come from, e.g. the {@code AccessTokenService} of
         * {@link dev.snapbi.adapter.feign.token.FeignAccessTokens}.
         */
        public Builder tokens(AccessTokenProvider value) {
            this.tokens = Settings.required(value, "tokens");
            return this;
        }

        /** {@code X-PARTNER-ID}: NICEPAY's is the client key (merchant id), e.g. {@code IONPAYTEST}. */
        public Builder partnerId(String value) {
            this.partnerId = Settings.required(value, "partnerId");
            return this;
        }

        /** HMAC-SHA512 keyed by the client secret, e.g. {@code HmacSha512Signer.create(ClientSecret.of(secret))}. */
        public Builder symmetricSigner(SymmetricSigner value) {
            this.symmetricSigner = Settings.required(value, "symmetricSigner");
            return this;
        }

        /** The provider and environment: signing prefix and timestamp zone. */
        public Builder profile(ProviderProfile value) {
            this.profile = Settings.required(value, "profile");
            return this;
        }

        /** A ready signer (any channel id, clock or id generator) instead of the four parts. */
        public Builder signer(TransactionSigner value) {
            this.signer = Settings.required(value, "signer");
            return this;
        }

        /** A ready interceptor instead of the four parts. */
        public Builder interceptor(SnapTransactionInterceptor value) {
            this.interceptor = Settings.required(value, "interceptor");
            return this;
        }

        /** Whether valid JSON bodies are sent (and signed) compact; default {@code true}. */
        public Builder compactJson(boolean value) {
            this.compactJson = value;
            return this;
        }

        /**
         * The capability.
         *
         * @throws SnapConfigurationException when a part of the signer is missing
         */
        public SnapTransactions build() {
            SnapTransactionInterceptor theInterceptor = interceptor;
            if (theInterceptor == null) {
                TransactionSigner theSigner = signer;
                if (theSigner == null) {
                    if (tokens == null) {
                        throw new SnapConfigurationException("SnapTransactions needs the tokens (an"
                                + " AccessTokenProvider, e.g. FeignAccessTokens.builder()...build())");
                    }
                    if (partnerId == null) {
                        throw new SnapConfigurationException("SnapTransactions needs the partnerId (X-PARTNER-ID;"
                                + " NICEPAY's is the client key, e.g. IONPAYTEST)");
                    }
                    theSigner = TransactionSigner.builder().tokens(tokens).symmetricSigner(symmetricSigner)
                            .partnerId(partnerId).profile(profile).build();
                }
                theInterceptor = SnapTransactionInterceptor.builder().signer(theSigner).compactJson(compactJson)
                        .build();
            }
            return new SnapTransactions(theInterceptor, connectTimeout, readTimeout, bodyTimeout, maxBodyBytes,
                    allowPlainHttp);
        }
    }
}
