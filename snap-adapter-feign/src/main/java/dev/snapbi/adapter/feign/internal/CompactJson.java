package dev.snapbi.adapter.feign.internal;

/**
 * Removes the whitespace JSON allows between tokens (space, tab, CR, LF outside strings) and nothing else: strings,
 * numbers and escapes keep their exact bytes, so the result is what a server that minifies before hashing computes
 * too. Works on UTF-8 bytes (no multi-byte sequence contains a byte below 0x80, so quotes and backslashes are found
 * reliably).
 */
public final class CompactJson {

    private CompactJson() {
    }

    /** Whether the bytes look like a JSON object or array (first non-whitespace byte is '{' or '['). */
    public static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The bytes without insignificant whitespace; the same array when there is none to remove. */
    public static byte[] strip(byte[] json) {
        byte[] out = new byte[json.length];
        int n = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                out[n++] = b;
            } else if (!isWhitespace(b)) {
                if (b == '"') {
                    inString = true;
                }
                out[n++] = b;
            }
        }
        if (n == json.length) {
            return json;
        }
        byte[] compact = new byte[n];
        System.arraycopy(out, 0, compact, 0, n);
        return compact;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
