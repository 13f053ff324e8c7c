package dev.snapbi.sandbox;

import dev.snapbi.sandbox.internal.RequestLog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One token or NICEPAY service request (VA, QRIS, e-wallet, payout, balance) as the sandbox received and answered it.
 *
 * @param method         the HTTP method
 * @param path           the raw request path (without the query)
 * @param headers        the request headers with their values as received; the JDK server normalizes the names'
 *                       case ({@code X-timestamp}), so look them up with {@link #header(String)}
 * @param body           the body as UTF-8 text (invalid bytes replaced), at most the first 16 KiB; empty when
 *                       the body was over 64 KiB and refused unread
 * @param signatureValid whether {@code X-SIGNATURE} verified, whatever the answer was (also when a fault answered):
 *                       for a token request against the registered public key of {@code X-CLIENT-KEY}, for a VA
 *                       request as HMAC-SHA512 with the client secret of {@code X-PARTNER-ID}
 * @param status         the HTTP status sent, or 0 when the connection was dropped without an answer
 * @param responseCode   the {@code responseCode} of the JSON body sent, or {@code null} when the answer had none
 *                       (dropped, malformed, truncated or HTML)
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
                              boolean signatureValid, int status, String responseCode) {

    /** Copies the headers (unmodifiable, order kept). */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, values) ->
                copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** The first value of the header with this name, whatever its case, or {@code null} when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** Whether the header is present, whatever its case. */
    public boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
    }

    /** Whether a header's value is a secret that {@link #toString()} and the admin endpoint hide. */
    public static boolean isSensitiveHeader(String name) {
        return RequestLog.isSensitiveHeader(name);
    }

    /** Method, path, header names (signature and authorization values hidden), body size and the answer. */
    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        headers.forEach((name, values) -> {
            if (shown.length() > 0) {
                shown.append(", ");
            }
            shown.append(name).append('=').append(isSensitiveHeader(name) ? "****" : String.join(",", values));
        });
        return "RecordedRequest[" + method + " " + path + ", {" + shown + "}, body " + body.length()
                + " chars, signatureValid=" + signatureValid + ", answered " + status
                + (responseCode == null ? "" : " " + responseCode) + "]";
    }
}
