package dev.snapbi.nicepay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.port.TransactionTransport;

/**
 * The SNAP envelope of an answer: its raw {@code responseCode} and {@code responseMessage}, read leniently (a body
 * that is not a JSON object has neither; the HTTP status then decides).
 *
 * @param rawCode the {@code responseCode} text, or {@code null}
 * @param message the {@code responseMessage} text, or {@code null}
 */
record Answer(String rawCode, String message) {

    static Answer parse(TransactionTransport.Response response) {
        if (response.bodyLength() == 0) {
            return new Answer(null, null);
        }
        JsonNode tree;
        try {
            tree = NicepayJson.mapper().readTree(response.body());
        } catch (java.io.IOException | RuntimeException e) {
            return new Answer(null, null);
        }
        if (tree == null || !tree.isObject()) {
            return new Answer(null, null);
        }
        return new Answer(text(tree.get("responseCode")), text(tree.get("responseMessage")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The parsed code, or {@code null} when absent or malformed. */
    ResponseCode code() {
        return ResponseCode.tryParse(rawCode).orElse(null);
    }
}
