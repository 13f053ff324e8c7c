package dev.snapbi.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as read, within bounds: at most {@link #MAX_BODY_BYTES} + 1 bytes of body are ever read, and the size of
 * the headers is measured so that endpoints can refuse oversized ones.
 */
public final class Incoming {

    /** The largest body accepted: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The largest total header size accepted (names, values and separators): 16 KiB. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final int headerBytes;
    private final byte[] body;
    private final boolean bodyTooLarge;

    private Incoming(String method, String path, String rawQuery, Map<String, List<String>> headers, int headerBytes,
                     byte[] body, boolean bodyTooLarge) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.headerBytes = headerBytes;
        this.body = body;
        this.bodyTooLarge = bodyTooLarge;
    }

    /** Reads the request line, the headers and at most {@code MAX_BODY_BYTES + 1} bytes of body. */
    public static Incoming read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        for (Map.Entry<String, List<String>> entry : exchange.getRequestHeaders().entrySet()) {
            List<String> values = entry.getValue() == null ? List.of() : entry.getValue();
            for (String value : values) {
                headerBytes += entry.getKey().length() + (value == null ? 0 : value.length()) + 4;
            }
            headers.put(entry.getKey(), Collections.unmodifiableList(new ArrayList<>(values)));
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        boolean tooLarge = body.length > MAX_BODY_BYTES;
        String path = exchange.getRequestURI().getRawPath();
        return new Incoming(exchange.getRequestMethod(), path == null ? "" : path,
                exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers), headerBytes,
                tooLarge ? new byte[0] : body, tooLarge);
    }

    /** The method as sent. */
    public String method() {
        return method;
    }

    /** The raw path, without the query. */
    public String path() {
        return path;
    }

    /** The raw query (after {@code ?}, still percent-encoded), or {@code null} when there is none. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The headers (names as the JDK server normalized them). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** All values of a header, whatever the case of its name. */
    public List<String> headerValues(String name) {
        List<String> all = new ArrayList<>();
        headers.forEach((key, values) -> {
            if (key.equalsIgnoreCase(name)) {
                all.addAll(values);
            }
        });
        return all;
    }

    /** The single value of a header, or {@code null} when absent; see {@link #headerValues} for repeats. */
    public String header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Whether the headers are larger than {@link #MAX_HEADER_BYTES}. */
    public boolean headersTooLarge() {
        return headerBytes > MAX_HEADER_BYTES;
    }

    /** Whether the body is larger than {@link #MAX_BODY_BYTES} (it was then not kept). */
    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    /** The body bytes (empty when too large). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as strict UTF-8, or empty when its bytes are not UTF-8. */
    public Optional<String> strictUtf8Body() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The body as UTF-8 with invalid bytes replaced, for the log. */
    public String lenientBody(int maxBytes) {
        int length = Math.min(body.length, maxBytes);
        return new String(body, 0, length, StandardCharsets.UTF_8);
    }
}
