package dev.snapbi.nicepay.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks of request fields, before anything is sent: each failure names the request and the field. */
public final class Fields {

    private Fields() {
    }

    /** A mandatory value: present and, for text, not blank. */
    public static void required(Object value, String request, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new SnapConfigurationException(request + ": " + field + " is missing; it is mandatory");
        }
    }

    /** Text no longer than {@code max} characters, when present. */
    public static void maxLength(String value, int max, String request, String field) {
        if (value != null && value.length() > max) {
            throw new SnapConfigurationException(request + ": " + field + " has " + value.length()
                    + " characters; at most " + max + " are allowed");
        }
    }

    /** Text that is one of the allowed values, when present and not empty. */
    public static void oneOf(String value, List<String> allowed, String request, String field) {
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            throw new SnapConfigurationException(request + ": " + field + " must be one of " + allowed + ", got '"
                    + shown(value) + "'");
        }
    }

    /** Text of digits only, when present and not empty. */
    public static void digits(String value, String request, String field) {
        if (value != null && !value.isEmpty() && !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SnapConfigurationException(request + ": " + field + " must hold digits only, got '"
                    + shown(value) + "'");
        }
    }

    /** At least one of the values is present and not blank. */
    public static void anyOf(String request, String fields, String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return;
            }
        }
        throw new SnapConfigurationException(request + ": one of " + fields + " is needed to find the transaction");
    }

    /** An unmodifiable copy that keeps {@code null} values and the order. */
    public static Map<String, Object> copy(Map<String, ?> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** An unmodifiable copy of a list, or {@code null}. */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    private static String shown(String text) {
        String s = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
