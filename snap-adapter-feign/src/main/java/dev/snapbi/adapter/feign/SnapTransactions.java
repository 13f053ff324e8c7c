package dev.snapbi.adapter.feign;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.snapbi.adapter.feign.internal.RedactingLogger;
import dev.snapbi.adapter.feign.internal.TransactionCapability;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.SymmetricSigner;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.transaction.TransactionSigner;
import feign.Capability;
import feign.Feign;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes your own Feign interface a SNAP transactional client in one line (SNAP-SPEC section 5):
 * <pre>{@code
 * VirtualAccounts api = SnapTransactions.configure(Feign.builder(), tokens,
 *                 HmacSha512Signer.create(ClientSecret.of(secret)), ProviderProfile.nicepayDevelopment())
 *         .encoder(SnapTransactions.jsonEncoder())
 *         .decoder(new JacksonDecoder())
 *         .target(VirtualAccounts.class, "https://dev.nicepay.co.id");
 * }</pre>
 * What the client then does on every call:
 * <ul>
 *   <li>signs it ({@link SnapTransactionInterceptor}: bearer token, timestamp, HMAC-SHA512 signature, partner,
 *   a new external id and channel headers, set anew on every attempt, last among the interceptors);</li>
 *   <li>on {@code 4017301}/{@code 4017303} (the token is dead) drops exactly the token it sent, if it is still the
 *   current one, and replays the call once with a new token; a second dead-token answer is thrown as
 *   {@link dev.snapbi.domain.error.SnapAuthenticationException}, never looped on;</li>
 *   <li>throws the domain's typed errors for every other failure answer (unless you set your own
 *   {@code ErrorDecoder}, which then gets every answer but the dead-token ones), and a
 *   {@link dev.snapbi.domain.error.SnapUnavailableException} for I/O failures.</li>
 * </ul>
 * {@code configure} also sets two defaults, which you may replace by calling the builder again afterwards:
 * <ul>
 *   <li>Feign's own retries off ({@link Retryer#NEVER_RETRY}): a transactional call such as creating a virtual
 *   account is not idempotent, and a retry carries a new {@code X-EXTERNAL-ID}, so the provider cannot recognise it
 *   as a repeat. Set {@code .retryer(...)} to retry anyway; the dead-token replay composes with it.</li>
 *   <li>The JDK {@link HttpClient} transport (feign-java11's {@link Http2Client}, redirects never followed so a
 *   signed request cannot travel to another host). Feign's default {@code HttpURLConnection} client loses the body
 *   of a {@code 401} answer to a {@code POST}, and with it the {@code 4017301} code that tells a dead token from a
 *   bad signature. Any client that keeps error bodies works: {@code .client(...)}.</li>
 * </ul>
 * The {@link #capability} alone changes neither: it wraps the builder's retryer and decoder and adds the signer.
 */
public final class SnapTransactions {

    /** How long an error answer's body may take to arrive. */
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    private SnapTransactions() {
    }

    /**
     * Configures the builder for signed SNAP calls of the client whose tokens {@code tokens} serves (its client key
     * is the partner id; {@code CHANNEL-ID} is the client key + {@code 01}).
     *
     * @param symmetricSigner HMAC-SHA512 keyed by the client secret, e.g.
     *                        {@code HmacSha512Signer.create(ClientSecret.of(secret))} from snap-crypto
     * @param profile         the provider and environment: signing prefix and timestamp zone
     * @return the same builder, for chaining
     */
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

    /** Configures the builder for calls signed by {@code signer} (any token provider, channel id, id generator). */
    public static Feign.Builder configure(Feign.Builder builder, TransactionSigner signer) {
        return configure(builder, SnapTransactionInterceptor.create(signer));
    }

    /** Configures the builder for calls signed by {@code interceptor} (e.g. one that leaves bodies as encoded). */
    public static Feign.Builder configure(Feign.Builder builder, SnapTransactionInterceptor interceptor) {
        if (builder == null) {
            throw new SnapConfigurationException("configure needs a Feign.Builder, e.g. Feign.builder()");
        }
        return builder.retryer(Retryer.NEVER_RETRY)
                .client(new Http2Client(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
                .addCapability(capability(interceptor));
    }

    /**
     * The {@link Capability} behind {@link #configure}: adds the signing interceptor last and wraps whatever error
     * decoder and retryer the builder ends up with, without changing them otherwise. Note that Feign's default
     * retryer retries I/O failures up to five times, each a new request with a new external id, and that Feign's
     * default client loses the body of {@code 401} answers to {@code POST}s (see above): set a client that keeps it.
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
        return new TransactionCapability(interceptor, interceptor.signer(), errorMapper(), BODY_DEADLINE,
                Clock.systemUTC());
    }

    /**
     * A Jackson encoder that writes compact JSON (no indentation, {@code null} members left out, {@code /} not
     * escaped), as NICEPAY wants it. feign-jackson's {@code new JacksonEncoder()} pretty-prints instead.
     */
    public static JacksonEncoder jsonEncoder() {
        return new JacksonEncoder(JsonMapper.builder()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .build());
    }

    /**
     * A Feign wire logger for SNAP calls: SLF4J at DEBUG on {@code slf4jLoggerName}, with the values of
     * {@code Authorization}, {@code X-SIGNATURE} and JSON fields such as {@code accessToken} masked at every level,
     * {@code FULL} included. Feign's own loggers print those headers as they are.
     * <pre>{@code builder.logger(SnapTransactions.wireLogger("com.example.nicepay.http")).logLevel(Logger.Level.FULL)}</pre>
     */
    public static feign.Logger wireLogger(String slf4jLoggerName) {
        if (slf4jLoggerName == null || slf4jLoggerName.isBlank()) {
            throw new SnapConfigurationException("the wire logger needs an SLF4J logger name, e.g."
                    + " \"com.example.nicepay.http\"");
        }
        return new RedactingLogger(slf4jLoggerName, BODY_DEADLINE, dev.snapbi.adapter.feign.internal.Bodies.MAX_BODY_BYTES);
    }

    private static ObjectMapper errorMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // never echo a body
                .build();
    }
}
