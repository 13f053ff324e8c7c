package dev.snapbi.testing.tck.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request exactly as it arrived at a {@link LoopbackHttpServer}: request line, every header line in order (a
 * header sent twice appears twice), and the body bytes (de-chunked when sent chunked).
 *
 * @param method  the method of the request line
 * @param target  the request target as sent, path and raw query ({@code /a/b?x=1})
 * @param headers every header line, in order, name and value as sent (value trimmed)
 * @param body    the body bytes
 * @param chunked whether the body came with {@code Transfer-Encoding: chunked}
 */
public record CapturedRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                              boolean chunked) {

    /** Every value sent under this name, matched case-insensitively, in order. */
    public List<String> values(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    /** The names sent, lower case, in order (duplicates kept). */
    public List<String> names() {
        return headers.stream().map(h -> h.getKey().toLowerCase(Locale.ROOT)).toList();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // headers hold secrets: names only
        return "CapturedRequest[" + method + " " + target + ", headers " + names() + ", " + body.length + " bytes]";
    }
}
