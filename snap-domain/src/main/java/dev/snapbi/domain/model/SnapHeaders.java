package dev.snapbi.domain.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Names of the SNAP HTTP headers, and which of them carry secrets. */
public final class SnapHeaders {

    /** {@code X-TIMESTAMP}. */
    public static final String X_TIMESTAMP = "X-TIMESTAMP";
    /** {@code X-CLIENT-KEY}. */
    public static final String X_CLIENT_KEY = "X-CLIENT-KEY";
    /** {@code X-SIGNATURE}: secret. */
    public static final String X_SIGNATURE = "X-SIGNATURE";
    /** {@code Authorization}: secret. */
    public static final String AUTHORIZATION = "Authorization";
    /** {@code X-PARTNER-ID}. */
    public static final String X_PARTNER_ID = "X-PARTNER-ID";
    /** {@code X-EXTERNAL-ID}. */
    public static final String X_EXTERNAL_ID = "X-EXTERNAL-ID";
    /** {@code CHANNEL-ID}. */
    public static final String CHANNEL_ID = "CHANNEL-ID";
    /** {@code Content-Type}. */
    public static final String CONTENT_TYPE = "Content-Type";

    private static final String BEARER_PREFIX = "Bearer ";
    private static final Set<String> SENSITIVE = Set.of("x-signature", "authorization", "proxy-authorization",
            "cookie", "set-cookie", "x-client-secret");

    private SnapHeaders() {
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} value (scheme case-insensitive, one space, a non-empty
     * rest), or empty for anything else, {@code null} included. The one parser of the scheme for adapters, the
     * sandbox and tools; it does not judge the token (see {@link AccessToken#problemWith(String)}).
     */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER_PREFIX.length()
                || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER_PREFIX.length()));
    }

    /** Whether a header's value must never be logged (signatures, bearer tokens, cookies), whatever its case. */
    public static boolean isSensitive(String headerName) {
        return headerName != null && SENSITIVE.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
