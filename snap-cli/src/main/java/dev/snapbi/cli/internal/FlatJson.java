package dev.snapbi.cli.internal;

import java.util.Map;

/** Writes the CLI's small, flat JSON answers (string values only, properly escaped). */
public final class FlatJson {

    private FlatJson() {
    }

    /** A pretty-printed JSON object of the entries, in order; null values are written as JSON null. */
    public static String object(Map<String, String> entries) {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            b.append("  ").append(quote(e.getKey())).append(": ")
                    .append(e.getValue() == null ? "null" : quote(e.getValue()));
            b.append(++i < entries.size() ? ",\n" : "\n");
        }
        return b.append('}').toString();
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
