package dev.snapbi.nicepay.call;

import dev.snapbi.domain.response.ResponseCode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The successful answer to a signed call: HTTP status, headers, the whole body, and the parsed SNAP
 * {@code responseCode} and {@code responseMessage}. Answers that are not a success never become one of these: they
 * are typed errors ({@link dev.snapbi.domain.error.SnapException}). Immutable; holds no secret of the request.
 */
public final class SnapCallResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final ResponseCode responseCode;
    private final String responseMessage;
    private final String externalId;

    private SnapCallResponse(int status, Map<String, List<String>> headers, byte[] body, ResponseCode responseCode,
                             String responseMessage, String externalId) {
        this.status = status;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
        this.responseCode = Objects.requireNonNull(responseCode, "responseCode");
        this.responseMessage = responseMessage;
        this.externalId = Objects.requireNonNull(externalId, "externalId");
    }

    /**
     * An answer.
     *
     * @param status          the HTTP status
     * @param headers         the answer's headers (names are kept in lower case)
     * @param body            the whole body
     * @param responseCode    the parsed SNAP response code
     * @param responseMessage the server's {@code responseMessage}, or {@code null}
     * @param externalId      the {@code X-EXTERNAL-ID} of the attempt that got this answer
     */
    public static SnapCallResponse of(int status, Map<String, List<String>> headers, byte[] body,
                                      ResponseCode responseCode, String responseMessage, String externalId) {
        return new SnapCallResponse(status, Objects.requireNonNull(headers, "headers"),
                Objects.requireNonNull(body, "body"), responseCode, responseMessage, externalId);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A copy of the whole body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream over this answer's own bytes, without a copy (e.g. for a JSON parser). */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The SNAP {@code responseCode}, e.g. {@code 2002700}. */
    public ResponseCode responseCode() {
        return responseCode;
    }

    /** The server's {@code responseMessage}, e.g. {@code Successful}. */
    public Optional<String> responseMessage() {
        return Optional.ofNullable(responseMessage);
    }

    /** The {@code X-EXTERNAL-ID} of the attempt that got this answer. */
    public String externalId() {
        return externalId;
    }

    @Override
    public String toString() {
        return "SnapCallResponse[" + status + ", " + responseCode + ", " + body.length + " body bytes]";
    }
}
