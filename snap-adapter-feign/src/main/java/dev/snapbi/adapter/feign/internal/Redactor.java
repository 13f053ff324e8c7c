package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.model.SnapHeaders;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs: the values of sensitive headers, of JSON fields whose names end in
 * {@code token}, {@code signature}, {@code secret}, {@code authorization}, {@code password} or {@code privateKey}
 * (also when the JSON is truncated mid-value), and bearer credentials anywhere.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"[A-Za-z0-9_.-]*(?:token|signature|secret|authorization|password|private_?key)\"\\s*:\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)|[^,}\\]\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private Redactor() {
    }

    /** The value to log for a header: the value itself, or the mask when the header carries a secret. */
    public static String headerValue(String name, String value) {
        return SnapHeaders.isSensitive(name) ? MASK : redactText(value);
    }

    /** The text with secret JSON fields and bearer credentials masked. */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = JSON_SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + (m.group(2).startsWith("\"") ? "\"" + MASK + "\"" : MASK)));
        return BEARER.matcher(masked).replaceAll("$1" + MASK);
    }
}
