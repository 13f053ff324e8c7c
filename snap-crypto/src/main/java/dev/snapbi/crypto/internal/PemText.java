package dev.snapbi.crypto.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key text as people really paste it: PEM with proper newlines, PEM whose newlines became literal {@code \n} or
 * spaces (environment variables, JSON, YAML), quoted values from {@code .env} files, and bare Base64. Only finds the
 * structure; what the bytes mean is decided by {@link KeyDecoder}.
 */
public final class PemText {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)-----");
    private static final Pattern END = Pattern.compile("-----END ([A-Z0-9]+(?: [A-Z0-9]+)*)-----");

    private PemText() {
    }

    /**
     * One {@code -----BEGIN label-----} ... {@code -----END label-----} block.
     *
     * @param label   the label, e.g. {@code RSA PRIVATE KEY}
     * @param headers RFC 1421 headers in order (legacy OpenSSL encryption uses Proc-Type and DEK-Info)
     * @param base64  the Base64 body with all whitespace removed
     */
    public record Block(String label, Map<String, String> headers, String base64) {

        /** Whether this is a legacy OpenSSL-encrypted block ({@code Proc-Type: 4,ENCRYPTED}). */
        public boolean isLegacyEncrypted() {
            String procType = headers.get("Proc-Type");
            return procType != null && procType.toUpperCase(java.util.Locale.ROOT).endsWith("ENCRYPTED");
        }

        /** How this block is named in messages, e.g. {@code a PEM 'RSA PRIVATE KEY' block}. */
        public String describe() {
            return "a PEM '" + label + "' block";
        }
    }

    /**
     * Undoes what transport did to the text: surrounding whitespace and quotes, a byte order mark, and newlines
     * written as the two characters {@code \n} (or {@code \r\n}, {@code \r}).
     */
    public static String normalize(String text) {
        String t = text.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).strip();
        }
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.indexOf('\\') >= 0) {
            t = t.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n").strip();
        }
        return t;
    }

    /** Whether the text holds at least one PEM BEGIN line. */
    public static boolean hasPemMarker(String normalized) {
        return normalized.contains("-----BEGIN ");
    }

    /**
     * The PEM blocks in order.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException when a BEGIN line has no END line (the text was cut
     *                                                            off) or the END label differs from the BEGIN label
     */
    public static List<Block> blocks(String normalized, KeySource source) {
        List<Block> blocks = new ArrayList<>();
        Matcher begin = BEGIN.matcher(normalized);
        int from = 0;
        while (begin.find(from)) {
            String label = begin.group(1);
            Matcher end = END.matcher(normalized);
            if (!end.find(begin.end())) {
                throw source.refuse("a '-----BEGIN " + label + "-----' line without its '-----END " + label
                        + "-----' line", "the key text was cut off; copy the complete key including its END line");
            }
            if (!end.group(1).equals(label)) {
                throw source.refuse("a '-----BEGIN " + label + "-----' line closed by '-----END " + end.group(1)
                        + "-----'", "the text mixes two PEM blocks; copy one complete key");
            }
            String body = normalized.substring(begin.end(), end.start());
            Map<String, String> headers = new LinkedHashMap<>();
            String rest = withoutHeaders(body, headers);
            blocks.add(new Block(label, headers, withoutWhitespace(rest)));
            from = end.end();
        }
        return blocks;
    }

    /**
     * Takes RFC 1421 headers ({@code Proc-Type: 4,ENCRYPTED}) out of a block's body into {@code headers} and returns
     * the rest. A header is a name ({@code [A-Za-z][A-Za-z0-9-]*}), a colon, optional blanks and a value up to the
     * next whitespace; Base64 never holds ':' so this cannot eat key data. One pass over the text, each character
     * looked at a bounded number of times: linear in the length, whatever the text (a regular expression searched
     * from every position was quadratic on long runs of name characters without a colon).
     */
    static String withoutHeaders(String body, Map<String, String> headers) {
        if (body.indexOf(':') < 0) {
            return body;
        }
        StringBuilder rest = new StringBuilder(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            if (!isNameChar(body.charAt(i))) {
                rest.append(body.charAt(i));
                i++;
                continue;
            }
            int runStart = i;
            while (i < n && isNameChar(body.charAt(i))) {
                i++;
            }
            int nameStart = runStart;
            while (nameStart < i && !Character.isLetter(body.charAt(nameStart))) {
                nameStart++;
            }
            boolean isHeader = nameStart < i && isAsciiLetter(body.charAt(nameStart)) && i < n && body.charAt(i) == ':';
            if (!isHeader) {
                rest.append(body, runStart, i);
                continue;
            }
            rest.append(body, runStart, nameStart);
            String name = body.substring(nameStart, i);
            i++; // the colon
            while (i < n && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
                i++;
            }
            int valueStart = i;
            while (i < n && !Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            headers.put(name, body.substring(valueStart, i));
        }
        return rest.toString();
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The characters of {@code text} other than whitespace. */
    public static String withoutWhitespace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Decodes standard Base64 (padding optional), naming the first offending character's position on failure. The
     * position counts characters of the Base64 text without whitespace; no character of the input is echoed except
     * when it cannot be Base64 anyway.
     *
     * @param base64 Base64 without whitespace
     * @param what   how the text is named in messages, e.g. {@code "a PEM 'PRIVATE KEY' block"}
     */
    public static byte[] decodeBase64(String base64, String what, KeySource source) {
        if (base64.isEmpty()) {
            throw source.refuse(what + " with no Base64 data in it", null);
        }
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        if (base64.length() - end > 2) {
            throw source.refuse(what + " whose Base64 ends in more than two '=' characters", null);
        }
        for (int i = 0; i < end; i++) {
            char c = base64.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                String hint = c == '-' || c == '_' ? "the URL-safe Base64 alphabet is not accepted; use standard Base64"
                        : null;
                throw source.refuse(what + " that is not Base64 (" + describe(c) + " at position " + i + ")", hint);
            }
        }
        int dataChars = end;
        if (dataChars % 4 == 1) {
            throw source.refuse(what + " whose Base64 stops in the middle of a byte (" + base64.length()
                    + " characters)", "the key text was cut off; copy the complete key");
        }
        StringBuilder padded = new StringBuilder(dataChars + 2).append(base64, 0, dataChars);
        while (padded.length() % 4 != 0) {
            padded.append('=');
        }
        try {
            return Base64.getDecoder().decode(padded.toString());
        } catch (IllegalArgumentException e) {
            throw source.refuse(what + " that is not valid Base64", null);
        }
    }

    /** A character named safely for a message. */
    public static String describe(char c) {
        if (c > ' ' && c < 0x7f && c != '\'') {
            return "character '" + c + "'";
        }
        return String.format("character U+%04X", (int) c);
    }
}
