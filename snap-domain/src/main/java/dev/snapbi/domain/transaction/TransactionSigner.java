package dev.snapbi.domain.transaction;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.internal.Checks;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.ExternalIdGenerator;
import dev.snapbi.domain.port.SignTransactionUseCase;
import dev.snapbi.domain.port.SymmetricSigner;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs SNAP transactional calls (SNAP-SPEC section 5), whatever the HTTP client: from the method, the request path
 * with its query and the exact body bytes it makes the {@link TransactionHeaders} of one attempt.
 * <ul>
 *   <li>{@code Authorization: Bearer} with the {@link AccessTokenProvider}'s current token;</li>
 *   <li>{@code X-TIMESTAMP} from one clock read in the provider's zone, the same text in the header and in the
 *   string to sign;</li>
 *   <li>{@code X-SIGNATURE}: the {@link SymmetricSigner} (HMAC-SHA512 keyed by the client secret) over
 *   {@code METHOD:path:token:hex(SHA-256(body)):X-TIMESTAMP}, the path as the provider signs it
 *   ({@link ProviderProfile#signingPath(String)}: NICEPAY drops {@code /nicepay});</li>
 *   <li>{@code X-PARTNER-ID} (the client key), a new {@code X-EXTERNAL-ID} from the {@link ExternalIdGenerator}
 *   for every attempt, and {@code CHANNEL-ID} (NICEPAY: client key + {@code 01}).</li>
 * </ul>
 * Hash exactly the bytes you send: sign after the body is serialised, and send those bytes unchanged (NICEPAY
 * recommends compact JSON; a pretty-printed body still verifies as long as the same bytes are sent).
 *
 * <pre>{@code
 * TransactionSigner signer = TransactionSigner.builder()
 *         .tokens(tokens)                                       // e.g. FeignAccessTokens...build()
 *         .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(secret)))
 *         .partnerId("IONPAYTEST")
 *         .profile(ProviderProfile.nicepayDevelopment())
 *         .build();
 * TransactionHeaders headers = signer.sign("POST", "/nicepay/api/v1.0/transfer-va/create-va", body);
 * headers.asMap().forEach(request::setHeader);                 // set, never add
 * }</pre>
 * When the server answers {@code 4017301} or {@code 4017303} (the token is dead), call
 * {@link #invalidateIfCurrent(String)} with the token that was sent, then sign and send once more; never loop.
 * Thread-safe; nothing is static, so several merchants live side by side.
 */
public final class TransactionSigner implements SignTransactionUseCase {

    /** What NICEPAY appends to the client key to make the {@code CHANNEL-ID}. */
    public static final String NICEPAY_CHANNEL_SUFFIX = "01";
    /** The longest {@code X-EXTERNAL-ID} SNAP allows. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 36;

    private final AccessTokenProvider tokens;
    private final SymmetricSigner symmetricSigner;
    private final ClientKey partnerId;
    private final String channelId;
    private final ProviderProfile profile;
    private final ExternalIdGenerator externalIds;
    private final Clock clock;
    private final ThreadLocal<SigningScratch> scratch = ThreadLocal.withInitial(SigningScratch::new);
    private volatile TimestampOfSecond lastSecond;

    private TransactionSigner(Builder b) {
        this.tokens = Objects.requireNonNull(b.tokens, "tokens");
        this.symmetricSigner = Objects.requireNonNull(b.symmetricSigner, "symmetricSigner");
        this.partnerId = Objects.requireNonNull(b.partnerId, "partnerId");
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.channelId = requireHeaderText(b.channelId != null ? b.channelId
                : partnerId.value() + NICEPAY_CHANNEL_SUFFIX, "CHANNEL-ID", 256);
        this.externalIds = b.externalIds != null ? b.externalIds
                : TimeOrderedExternalIdGenerator.create(clock, profile.zone());
    }

    /** A builder; tokens, a symmetric signer, a partner id and a profile are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The headers of one attempt, with the provider's current access token.
     *
     * @param method          the HTTP method, upper case ({@code POST})
     * @param pathAndQuery    the request path as sent, with its raw query if any, e.g.
     *                        {@code /nicepay/api/v1.0/transfer-va/create-va}
     * @param body            exactly the body bytes sent; {@code null} or empty for none
     * @throws SnapException               typed by meaning when no token can be had (see {@link AccessTokenProvider})
     * @throws SnapConfigurationException  when signing fails or the method, path or generated external id is not
     *                                     usable; nothing should be sent then
     */
    @Override
    public TransactionHeaders sign(String method, String pathAndQuery, byte[] body) {
        return sign(method, pathAndQuery, body, tokens.accessToken());
    }

    /**
     * The headers of one attempt with this access token (for callers that manage tokens themselves).
     *
     * @throws SnapConfigurationException as {@link #sign(String, String, byte[])}
     */
    public TransactionHeaders sign(String method, String pathAndQuery, byte[] body, AccessToken token) {
        Objects.requireNonNull(token, "token");
        SigningScratch buffers = scratch.get();
        String signingPath = buffers.signingPath(pathAndQuery, profile);
        SnapTimestamp timestamp = timestamp(clock.millis()); // one read: header and signature agree
        // the string to sign goes to the signer as UTF-8 bytes in this thread's buffer: no String, no copy
        int length = buffers.write(method, signingPath, token.value(), body, timestamp.value());
        Base64Signature signature;
        try {
            signature = symmetricSigner.signUtf8(buffers.bytes(), 0, length);
        } catch (SnapException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SnapConfigurationException("signing " + method + " " + signingPath + " for partner " + partnerId
                    + " failed (" + e.getClass().getSimpleName() + "); check the client secret", e);
        }
        if (signature == null) {
            throw new SnapConfigurationException("the symmetric signer returned no signature for " + method + " "
                    + signingPath + "; refusing to send an unsigned request");
        }
        String externalId = requireHeaderText(externalIds.nextId(), "X-EXTERNAL-ID", MAX_EXTERNAL_ID_LENGTH);
        return TransactionHeaders.of(token, timestamp, signature, partnerId, externalId, channelId, signingPath);
    }

    /** The {@code X-TIMESTAMP} of this clock reading, formatted once per second and shared by the calls within it. */
    private SnapTimestamp timestamp(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        TimestampOfSecond cached = lastSecond;
        if (cached != null && cached.epochSecond == second) {
            return cached.timestamp;
        }
        SnapTimestamp timestamp = SnapTimestamp.of(Instant.ofEpochSecond(second), profile.zone());
        lastSecond = new TimestampOfSecond(second, timestamp);
        return timestamp;
    }

    /** A formatted second. */
    private record TimestampOfSecond(long epochSecond, SnapTimestamp timestamp) {
    }

    /**
     * After the server called a token dead ({@code 4017301} Invalid Token, {@code 4017303} Token Not Found): drops
     * the provider's current token if, and only if, it is the one that was sent, so that the next {@link #sign}
     * fetches a new one. When another caller has already replaced it, the newer token is kept.
     *
     * @param sentAccessToken the token value the rejected request carried (without {@code Bearer })
     * @return whether the token was dropped
     */
    @Override
    public boolean invalidateIfCurrent(String sentAccessToken) {
        if (sentAccessToken == null || sentAccessToken.isEmpty()) {
            return false;
        }
        AccessToken current;
        try {
            current = tokens.accessToken();
        } catch (SnapException e) {
            return false; // no current token to drop; the next attempt reports why
        }
        if (current != null && current.value().equals(sentAccessToken)) {
            tokens.invalidate(current);
            return true;
        }
        return false;
    }

    /** {@code X-PARTNER-ID}. */
    public ClientKey partnerId() {
        return partnerId;
    }

    /** {@code CHANNEL-ID}. */
    public String channelId() {
        return channelId;
    }

    /** The provider profile: signing prefix and zone. */
    public ProviderProfile profile() {
        return profile;
    }

    private static String requireHeaderText(String value, String header, int maxLength) {
        String problem = Checks.headerTextProblem(value, header, maxLength);
        if (problem != null) {
            throw new SnapConfigurationException(problem);
        }
        return value;
    }

    @Override
    public String toString() {
        return "TransactionSigner[partner " + partnerId + ", channel " + channelId + ", " + profile + "]";
    }

    /** Builds a {@link TransactionSigner}; validation happens in {@link #build()}. */
    public static final class Builder {
        private AccessTokenProvider tokens;
        private SymmetricSigner symmetricSigner;
        private ClientKey partnerId;
        private String channelId;
        private ProviderProfile profile;
        private ExternalIdGenerator externalIds;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where access tokens come from, e.g. an {@code AccessTokenService}. */
        public Builder tokens(AccessTokenProvider value) {
            this.tokens = value;
            return this;
        }

        /** The HMAC-SHA512 signer keyed by the client secret, e.g. snap-crypto's {@code HmacSha512Signer}. */
        public Builder symmetricSigner(SymmetricSigner value) {
            this.symmetricSigner = value;
            return this;
        }

        /** {@code X-PARTNER-ID}: the client key (NICEPAY: the merchant id, e.g. {@code IONPAYTEST}). */
        public Builder partnerId(ClientKey value) {
            this.partnerId = value;
            return this;
        }

        /** {@code X-PARTNER-ID} as text. */
        public Builder partnerId(String value) {
            this.partnerId = value == null ? null : ClientKey.of(value);
            return this;
        }

        /** {@code CHANNEL-ID}; default the partner id + {@code 01}, as NICEPAY wants. */
        public Builder channelId(String value) {
            this.channelId = value;
            return this;
        }

        /** The provider and environment: the path prefix left out of the signature, and the timestamp zone. */
        public Builder profile(ProviderProfile value) {
            this.profile = value;
            return this;
        }

        /** Where {@code X-EXTERNAL-ID}s come from; default a {@link TimeOrderedExternalIdGenerator}. */
        public Builder externalIds(ExternalIdGenerator value) {
            this.externalIds = value;
            return this;
        }

        /** The wall clock for {@code X-TIMESTAMP} (and default external ids); default the system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * The signer.
         *
         * @throws SnapConfigurationException when a required part is missing or the channel id is not header-safe
         */
        public TransactionSigner build() {
            if (tokens == null) {
                throw new SnapConfigurationException("the transaction signer needs an AccessTokenProvider, e.g. the"
                        + " AccessTokenService from FeignAccessTokens.builder()...build()");
            }
            if (symmetricSigner == null) {
                throw new SnapConfigurationException("the transaction signer needs a symmetric signer, e.g."
                        + " HmacSha512Signer.create(ClientSecret.of(secret)) from snap-crypto");
            }
            if (partnerId == null) {
                throw new SnapConfigurationException("the partner id (X-PARTNER-ID) is missing; NICEPAY's is the"
                        + " merchant id (iMid), e.g. IONPAYTEST");
            }
            if (profile == null) {
                throw new SnapConfigurationException("the provider profile is missing, e.g."
                        + " ProviderProfile.nicepayDevelopment()");
            }
            if (clock == null) {
                throw new SnapConfigurationException("the clock is missing; use Clock.systemUTC()");
            }
            return new TransactionSigner(this);
        }
    }
}
