package dev.snapbi.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer to send: status, content type, bytes, extra headers, and the {@code responseCode} it carries (for stats and
 * the request log), or the instruction to drop the connection without answering.
 */
public final class Reply {

    /** The JSON content type of every normal answer. */
    public static final String JSON = "application/json";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String responseCode;
    private final Map<String, String> headers;
    private final boolean drop;

    private Reply(int status, String contentType, byte[] body, String responseCode, Map<String, String> headers,
                  boolean drop) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.responseCode = responseCode;
        this.headers = headers;
        this.drop = drop;
    }

    /** A JSON answer; its {@code responseCode} member, when a string, is remembered. */
    public static Reply json(int status, Map<String, Object> body) {
        Object code = body.get("responseCode");
        return new Reply(status, JSON, SandboxJson.write(body).getBytes(StandardCharsets.UTF_8),
                code instanceof String s ? s : null, Map.of(), false);
    }

    /** The standard SNAP answer {@code {"responseCode":..,"responseMessage":..}}. */
    public static Reply snap(int status, String responseCode, String responseMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", responseCode);
        body.put("responseMessage", responseMessage);
        return json(status, body);
    }

    /** Any bytes with this content type; {@code responseCode} is what the log should say the body carried. */
    public static Reply raw(int status, String contentType, byte[] body, String responseCode) {
        return new Reply(status, contentType, body, responseCode, Map.of(), false);
    }

    /** No answer at all: the connection is closed. */
    public static Reply drop() {
        return new Reply(0, null, new byte[0], null, Map.of(), true);
    }

    /** This answer with one more header. */
    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, responseCode, Collections.unmodifiableMap(more), drop);
    }

    /** The HTTP status, 0 for a drop. */
    public int status() {
        return status;
    }

    /** The content type. */
    public String contentType() {
        return contentType;
    }

    /** The body bytes (not copied: replies are built and sent by the sandbox only). */
    byte[] body() {
        return body;
    }

    /** The body's length in bytes. */
    public int length() {
        return body.length;
    }

    /** The {@code responseCode} the body carries, or {@code null}. */
    public String responseCode() {
        return responseCode;
    }

    /** Extra headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Whether to drop the connection instead of answering. */
    public boolean isDrop() {
        return drop;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
