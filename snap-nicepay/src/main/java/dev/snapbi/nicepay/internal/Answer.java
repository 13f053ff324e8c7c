package dev.snapbi.nicepay.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.snapbi.domain.response.ResponseCode;

/**
 * The SNAP envelope of an answer: its raw {@code responseCode} and {@code responseMessage}, read leniently (a body
 * that is not a JSON object has neither; the HTTP status then decides).
 *
 * @param rawCode the {@code responseCode} text, or {@code null}
 * @param message the {@code responseMessage} text, or {@code null}
 */
record Answer(String rawCode, String message) {

    private static final Answer NONE = new Answer(null, null);

    /**
     * Reads the two top-level fields with a streaming parser: nested values are skipped without being materialised,
     * and no tree is built (the typed read of a successful answer is the only full parse of the body). A body that is
     * not one well-formed JSON object gives neither field.
     */
    static Answer parse(byte[] body) {
        if (body.length == 0) {
            return NONE;
        }
        String code = null;
        String message = null;
        try (JsonParser parser = NicepayJson.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null; // as a tree's textValue()
                if ("responseCode".equals(name)) {
                    code = text;
                } else if ("responseMessage".equals(name)) {
                    message = text;
                }
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return NONE; // not one JSON object: trailing content, or cut short
            }
        } catch (java.io.IOException | RuntimeException e) {
            return NONE;
        }
        return new Answer(code, message);
    }

    /** The parsed code, or {@code null} when absent or malformed. */
    ResponseCode code() {
        return ResponseCode.tryParse(rawCode).orElse(null);
    }
}
