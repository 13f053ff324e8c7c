package dev.snapbi.domain.model;

import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.internal.Redaction;

import java.time.Duration;
import java.time.Instant;

/**
 * A successful answer of the token endpoint, as the outbound port returns it: the response code and message, the
 * token, its type and {@code expiresIn}. Validated on creation, so an adapter cannot hand the domain a broken one.
 */
public final class TokenGrant {

    /** The longest {@code expiresIn} accepted: one year. */
    public static final Duration MAX_EXPIRES_IN = Duration.ofDays(366);

    private final ResponseCode responseCode;
    private final String responseMessage;
    private final String accessToken;
    private final String tokenType;
    private final Duration expiresIn;

    private TokenGrant(ResponseCode responseCode, String responseMessage, String accessToken, String tokenType,
                       Duration expiresIn) {
        this.responseCode = responseCode;
        this.responseMessage = responseMessage;
        this.accessToken = accessToken;
        this.tokenType = tokenType;
        this.expiresIn = expiresIn;
    }

    /**
     * A grant from the fields of a success answer.
     *
     * @param tokenType defaults to {@code Bearer} when null or blank
     * @throws SnapProtocolException when the code is not a success, the token is missing, too long or not
     *                               header-safe, or {@code expiresIn} is not a positive duration of at most a year
     */
    public static TokenGrant of(ResponseCode responseCode, String responseMessage, String accessToken,
                                String tokenType, Duration expiresIn) {
        if (responseCode == null || !responseCode.isSuccess()) {
            throw new SnapProtocolException("a token grant needs a success response code, got " + responseCode);
        }
        String problem = AccessToken.problemWith(accessToken);
        if (problem != null) {
            throw new SnapProtocolException("the token endpoint answered " + responseCode + " but " + problem);
        }
        if (expiresIn == null || expiresIn.isNegative() || expiresIn.isZero()
                || expiresIn.compareTo(MAX_EXPIRES_IN) > 0) {
            throw new SnapProtocolException("the token endpoint answered with expiresIn " + expiresIn
                    + "; expected a positive number of seconds of at most a year");
        }
        String type = tokenType == null || tokenType.isBlank() ? "Bearer" : Redaction.serverText(tokenType);
        return new TokenGrant(responseCode, Redaction.serverText(responseMessage), accessToken, type, expiresIn);
    }

    /**
     * Parses {@code expiresIn} as NICEPAY sends it: a string of decimal seconds ({@code "900"}). Adapters that receive
     * a JSON number pass its text. Surrounding whitespace, signs, fractions, exponents and zero are refused.
     *
     * @throws SnapProtocolException when missing, not a positive whole number, or over a year
     */
    public static Duration parseExpiresIn(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new SnapProtocolException("the token endpoint answered without expiresIn");
        }
        if (raw.length() > 12) {
            throw new SnapProtocolException("expiresIn '" + Redaction.serverText(raw.substring(0, 12))
                    + "...' is too long to be a number of seconds");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw new SnapProtocolException("expiresIn must be a whole number of seconds, got '"
                        + Redaction.serverText(raw) + "'");
            }
        }
        long seconds = Long.parseLong(raw);
        if (seconds <= 0) {
            throw new SnapProtocolException("expiresIn must be positive, got " + seconds);
        }
        if (seconds > MAX_EXPIRES_IN.toSeconds()) {
            throw new SnapProtocolException("expiresIn " + seconds + " s is more than a year");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The success response code, e.g. {@code 2007300}. */
    public ResponseCode responseCode() {
        return responseCode;
    }

    /** The server's message, e.g. {@code Successful}; may be null. */
    public String responseMessage() {
        return responseMessage;
    }

    /** The token value. A secret. */
    public String accessToken() {
        return accessToken;
    }

    /** The token type, {@code Bearer} unless the server said otherwise. */
    public String tokenType() {
        return tokenType;
    }

    /** How long the token is valid from when the request was sent. */
    public Duration expiresIn() {
        return expiresIn;
    }

    /** The token, taking {@code requestSentAt} (the clock reading before sending) as the start of its life. */
    public AccessToken toAccessToken(Instant requestSentAt) {
        return AccessToken.of(accessToken, tokenType, requestSentAt, requestSentAt.plus(expiresIn));
    }

    @Override
    public String toString() {
        return "TokenGrant[" + responseCode + " " + responseMessage + ", " + tokenType + " "
                + Redaction.hint(accessToken) + ", expiresIn " + expiresIn.toSeconds() + " s]";
    }
}
