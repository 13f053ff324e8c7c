package dev.snapbi.domain.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One signed attempt at the B2B token endpoint: client key, timestamp and the signature over
 * {@code clientKey|timestamp}, with the headers and body to send. Every attempt (including every retry) needs a new
 * one; obtain it from a {@link dev.snapbi.domain.port.TokenRequestSupplier}.
 */
public final class TokenRequest {

    /** The body every token request sends, compact JSON. */
    public static final String BODY = "{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}";

    private final ClientKey clientKey;
    private final SnapTimestamp timestamp;
    private final Base64Signature signature;

    private TokenRequest(ClientKey clientKey, SnapTimestamp timestamp, Base64Signature signature) {
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    /** A request from its parts; the signature must cover {@code clientKey|timestamp}. */
    public static TokenRequest of(ClientKey clientKey, SnapTimestamp timestamp, Base64Signature signature) {
        return new TokenRequest(clientKey, timestamp, signature);
    }

    /** The client key, sent as {@code X-CLIENT-KEY}. */
    public ClientKey clientKey() {
        return clientKey;
    }

    /** The timestamp, sent as {@code X-TIMESTAMP} and signed. */
    public SnapTimestamp timestamp() {
        return timestamp;
    }

    /** The signature, sent as {@code X-SIGNATURE}. */
    public Base64Signature signature() {
        return signature;
    }

    /** The string this request's signature covers. */
    public StringToSign stringToSign() {
        return StringToSign.b2b(clientKey, timestamp);
    }

    /** The compact JSON body. */
    public String body() {
        return BODY;
    }

    /** The SNAP headers of this attempt, in a stable order (values include the signature: do not log them). */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SnapHeaders.CONTENT_TYPE, "application/json");
        headers.put(SnapHeaders.X_TIMESTAMP, timestamp.value());
        headers.put(SnapHeaders.X_CLIENT_KEY, clientKey.value());
        headers.put(SnapHeaders.X_SIGNATURE, signature.value());
        return headers;
    }

    @Override
    public String toString() {
        return "TokenRequest[" + clientKey + ", " + timestamp + ", " + signature + "]";
    }
}
