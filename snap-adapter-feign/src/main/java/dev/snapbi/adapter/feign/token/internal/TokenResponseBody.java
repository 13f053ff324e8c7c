package dev.snapbi.adapter.feign.token.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON answer of the token endpoint as Jackson reads it. {@code expiresIn} stays a tree node because NICEPAY sends
 * a string ({@code "900"}) and others a number; unknown fields are ignored. {@code toString()} hides the token.
 *
 * @param responseCode    the seven-digit SNAP response code, as sent
 * @param responseMessage the server's message
 * @param accessToken     the token (a secret)
 * @param tokenType       normally {@code Bearer}
 * @param expiresIn       seconds, as a JSON string or number
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponseBody(String responseCode, String responseMessage, String accessToken, String tokenType,
                                JsonNode expiresIn) {

    /**
     * The text of {@code expiresIn} for {@link dev.snapbi.domain.model.TokenGrant#parseExpiresIn(String)}: a string's
     * content, an integral number's digits, {@code null} when absent; anything else yields text that parsing refuses.
     */
    public String expiresInText() {
        if (expiresIn == null || expiresIn.isNull() || expiresIn.isMissingNode()) {
            return null;
        }
        if (expiresIn.isTextual()) {
            return expiresIn.textValue();
        }
        if (expiresIn.isIntegralNumber()) {
            return expiresIn.bigIntegerValue().toString();
        }
        if (expiresIn.isNumber()) {
            return expiresIn.asText();
        }
        return expiresIn.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "TokenResponseBody[" + responseCode + " " + responseMessage + ", " + tokenType + ", token "
                + (accessToken == null ? "absent" : accessToken.length() + " chars") + "]";
    }
}
