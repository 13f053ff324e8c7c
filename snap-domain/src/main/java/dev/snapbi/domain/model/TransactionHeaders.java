package dev.snapbi.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SNAP headers of one attempt of a transactional call, as
 * {@link dev.snapbi.domain.transaction.TransactionSigner} made them: {@code Authorization}, {@code X-TIMESTAMP},
 * {@code X-SIGNATURE}, {@code X-PARTNER-ID}, {@code X-EXTERNAL-ID} and {@code CHANNEL-ID}. Set them on the request,
 * replacing any earlier values (a retry gets new headers, never a second copy).
 * Holds secrets (the token and the signature): {@code toString()} shows neither.
 */
public final class TransactionHeaders {

    private final AccessToken accessToken;
    private final SnapTimestamp timestamp;
    private final Base64Signature signature;
    private final ClientKey partnerId;
    private final String externalId;
    private final String channelId;
    private final String signedPath;

    private TransactionHeaders(AccessToken accessToken, SnapTimestamp timestamp, Base64Signature signature,
                               ClientKey partnerId, String externalId, String channelId, String signedPath) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.partnerId = Objects.requireNonNull(partnerId, "partnerId");
        this.externalId = Objects.requireNonNull(externalId, "externalId");
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.signedPath = Objects.requireNonNull(signedPath, "signedPath");
    }

    /**
     * The headers of one signed attempt, from their parts (a signer such as
     * {@link dev.snapbi.domain.transaction.TransactionSigner} makes them; every part is required).
     *
     * @param signedPath the path with query exactly as it was signed
     */
    public static TransactionHeaders of(AccessToken accessToken, SnapTimestamp timestamp, Base64Signature signature,
                                        ClientKey partnerId, String externalId, String channelId, String signedPath) {
        return new TransactionHeaders(accessToken, timestamp, signature, partnerId, externalId, channelId, signedPath);
    }

    /** The token sent as {@code Authorization: Bearer ...}; the one to invalidate if the server calls it dead. */
    public AccessToken accessToken() {
        return accessToken;
    }

    /** {@code X-TIMESTAMP}, the same text the signature covers. */
    public SnapTimestamp timestamp() {
        return timestamp;
    }

    /** {@code X-SIGNATURE}. A secret: never log it. */
    public Base64Signature signature() {
        return signature;
    }

    /** {@code X-PARTNER-ID}. */
    public ClientKey partnerId() {
        return partnerId;
    }

    /** {@code X-EXTERNAL-ID}: new for every attempt. */
    public String externalId() {
        return externalId;
    }

    /** {@code CHANNEL-ID}. */
    public String channelId() {
        return channelId;
    }

    /** The path with query the signature covers (the provider's signing prefix removed). */
    public String signedPath() {
        return signedPath;
    }

    /**
     * The headers by name, in a stable order: {@code Authorization}, {@code X-TIMESTAMP}, {@code X-SIGNATURE},
     * {@code X-PARTNER-ID}, {@code X-EXTERNAL-ID}, {@code CHANNEL-ID}. Values include secrets: do not log them.
     */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SnapHeaders.AUTHORIZATION, accessToken.authorizationHeader());
        headers.put(SnapHeaders.X_TIMESTAMP, timestamp.value());
        headers.put(SnapHeaders.X_SIGNATURE, signature.value());
        headers.put(SnapHeaders.X_PARTNER_ID, partnerId.value());
        headers.put(SnapHeaders.X_EXTERNAL_ID, externalId);
        headers.put(SnapHeaders.CHANNEL_ID, channelId);
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public String toString() {
        return "TransactionHeaders[" + signedPath + ", " + timestamp + ", partner " + partnerId + ", external id "
                + externalId + ", channel " + channelId + ", " + accessToken + ", " + signature + "]";
    }
}
