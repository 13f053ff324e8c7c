package dev.snapbi.domain.json;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one compact-JSON implementation of the project (runtime and CLI alike): turns valid JSON (RFC 8259) into its
 * compact form by dropping the whitespace between tokens, and nothing else. Strings are kept character for character
 * with their escapes as written ({@code \/} stays {@code \/}, {@code /} stays {@code /}, <code>&#92;u00e9</code>
 * stays an escape and {@code é} stays {@code é}), numbers keep their spelling ({@code 1.50}, {@code 1E3}), key order
 * and duplicate keys are untouched. The symmetric signature hashes the body byte for byte (SNAP-SPEC section 5): sign
 * and send the same bytes, produced once.
 * <ul>
 *   <li>{@link #compact(String)} and {@link #compact(byte[])} refuse invalid JSON with a
 *   {@link SnapConfigurationException} that names the position (line, column, offset) and what was expected; the
 *   message never quotes the body beyond the one offending character.</li>
 *   <li>{@link #compactIfValid(byte[])} is for bodies an encoder produced: valid JSON is compacted, anything else
 *   (not JSON, JSON-like text such as <code>{'a': 'John Doe'}</code>, invalid UTF-8) is returned as it is, to be
 *   sent byte for byte.</li>
 * </ul>
 * One pass, no recursion (deep nesting cannot overflow the stack). JDK only; thread-safe (no state).
 * <pre>{@code
 * String body = CompactJson.compact("{\n  \"amount\": \"10000.00\",\n  \"currency\": \"IDR\"\n}");
 * // {"amount":"10000.00","currency":"IDR"}
 * }</pre>
 */
public final class CompactJson {

    private CompactJson() {
    }

    /**
     * The compact form of {@code json}.
     *
     * @throws SnapConfigurationException when {@code json} is null, empty or not valid JSON
     */
    public static String compact(String json) {
        if (json == null) {
            throw new SnapConfigurationException("JSON body: found nothing (null); expected a JSON text");
        }
        return new Scanner(json).minify();
    }

    /**
     * The compact form of a UTF-8 JSON text, as UTF-8; the same array when it is already compact.
     *
     * @throws SnapConfigurationException when the bytes are null, empty, not UTF-8 or not valid JSON
     */
    public static byte[] compact(byte[] utf8) {
        if (utf8 == null) {
            throw new SnapConfigurationException("JSON body: found nothing (null); expected a JSON text");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new SnapConfigurationException("JSON body: the bytes are not valid UTF-8; expected a UTF-8 JSON"
                    + " text");
        }
        String compact = compact(text);
        if (compact.length() == text.length()) {
            return utf8; // nothing removed: the very same bytes
        }
        return compact.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The compact form when the bytes are valid UTF-8 JSON; otherwise the very same array, to be sent byte for byte.
     * Never throws for any input but {@code null} (returned as {@code null}).
     */
    public static byte[] compactIfValid(byte[] utf8) {
        if (utf8 == null || !hasWhitespace(utf8)) {
            return utf8; // already compact, or not JSON: either way unchanged
        }
        try {
            return compact(utf8);
        } catch (SnapConfigurationException notJson) {
            return utf8;
        }
    }

    /** Whether the text is valid JSON. */
    public static boolean isValid(String json) {
        if (json == null) {
            return false;
        }
        try {
            new Scanner(json).minify();
            return true;
        } catch (SnapConfigurationException e) {
            return false;
        }
    }

    private static boolean hasWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return true;
            }
        }
        return false;
    }

    /** One pass, no recursion (deep nesting cannot overflow the stack), output appended as tokens are validated. */
    private static final class Scanner {

        private static final int VALUE = 0;
        private static final int AFTER_VALUE = 1;
        private static final int KEY_OR_END = 2;
        private static final int KEY = 3;
        private static final int VALUE_OR_END = 4;

        private final String in;
        private final StringBuilder out;
        private final StringBuilder containers = new StringBuilder();
        private int pos;

        Scanner(String in) {
            this.in = in;
            this.out = new StringBuilder(in.length());
        }

        String minify() {
            skipWhitespace();
            if (pos == in.length()) {
                throw error(in.isEmpty() ? "found an empty text; expected a JSON value"
                        : "found only whitespace; expected a JSON value");
            }
            int state = VALUE;
            while (true) {
                skipWhitespace();
                switch (state) {
                    case VALUE:
                        state = value();
                        break;
                    case KEY_OR_END:
                        if (peek() == '}') {
                            closeContainer('}');
                            state = AFTER_VALUE;
                            break;
                        }
                        state = key();
                        break;
                    case KEY:
                        state = key();
                        break;
                    case VALUE_OR_END:
                        if (peek() == ']') {
                            closeContainer(']');
                            state = AFTER_VALUE;
                            break;
                        }
                        state = value();
                        break;
                    case AFTER_VALUE:
                        if (containers.length() == 0) {
                            if (pos < in.length()) {
                                throw error("found " + describe(pos) + " after the complete JSON value; expected the"
                                        + " end of the text");
                            }
                            return out.toString();
                        }
                        state = afterMember();
                        break;
                    default:
                        throw new IllegalStateException("state " + state);
                }
            }
        }

        private int value() {
            int c = peek();
            switch (c) {
                case '{':
                    openContainer('{');
                    return KEY_OR_END;
                case '[':
                    openContainer('[');
                    return VALUE_OR_END;
                case '"':
                    string();
                    return AFTER_VALUE;
                case 't':
                    literal("true");
                    return AFTER_VALUE;
                case 'f':
                    literal("false");
                    return AFTER_VALUE;
                case 'n':
                    literal("null");
                    return AFTER_VALUE;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number();
                        return AFTER_VALUE;
                    }
                    throw error("found " + describe(pos) + "; expected a value (object, array, string, number, true,"
                            + " false or null)");
            }
        }

        private int key() {
            if (peek() != '"') {
                throw error("found " + describe(pos) + "; expected an object key (a string in double quotes)");
            }
            string();
            skipWhitespace();
            if (peek() != ':') {
                throw error("found " + describe(pos) + "; expected ':' after the object key");
            }
            out.append(':');
            pos++;
            return VALUE;
        }

        private int afterMember() {
            char container = containers.charAt(containers.length() - 1);
            char close = container == '{' ? '}' : ']';
            int c = peek();
            if (c == ',') {
                out.append(',');
                pos++;
                return container == '{' ? KEY : VALUE;
            }
            if (c == close) {
                closeContainer(close);
                return AFTER_VALUE;
            }
            throw error("found " + describe(pos) + "; expected ',' or '" + close + "' in the "
                    + (container == '{' ? "object" : "array"));
        }

        private void openContainer(char open) {
            containers.append(open);
            out.append(open);
            pos++;
        }

        private void closeContainer(char close) {
            containers.setLength(containers.length() - 1);
            out.append(close);
            pos++;
        }

        private void string() {
            int start = pos;
            pos++; // opening quote
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c == '"') {
                    pos++;
                    out.append(in, start, pos);
                    return;
                }
                if (c == '\\') {
                    escape();
                } else if (c < 0x20) {
                    throw error("found " + describe(pos) + " inside a string; expected control characters to be"
                            + " escaped (\\n, \\t, \\u0000)");
                } else if (Character.isHighSurrogate(c)) {
                    if (pos + 1 >= in.length() || !Character.isLowSurrogate(in.charAt(pos + 1))) {
                        throw error("found an unpaired UTF-16 surrogate " + describe(pos) + " inside a string;"
                                + " expected text that can be encoded as UTF-8");
                    }
                    pos += 2;
                } else if (Character.isLowSurrogate(c)) {
                    throw error("found an unpaired UTF-16 surrogate " + describe(pos) + " inside a string;"
                            + " expected text that can be encoded as UTF-8");
                } else {
                    pos++;
                }
            }
            throw error(start, "found a string that is never closed; expected a closing '\"'");
        }

        private void escape() {
            int start = pos;
            pos++;
            if (pos >= in.length()) {
                throw error(start, "found a '\\' at the end of the text; expected an escape sequence");
            }
            char e = in.charAt(pos);
            switch (e) {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                    pos++;
                    return;
                case 'u':
                    for (int i = 1; i <= 4; i++) {
                        if (pos + i >= in.length() || Character.digit(in.charAt(pos + i), 16) < 0) {
                            throw error(start, "found an incomplete \\u escape; expected four hexadecimal digits");
                        }
                    }
                    pos += 5;
                    return;
                default:
                    throw error(start, "found the escape '\\' + " + describe(pos) + "; expected one of \\\" \\\\ \\/"
                            + " \\b \\f \\n \\r \\t \\uXXXX");
            }
        }

        private void number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
                if (isDigit(peek())) {
                    throw error(start, "found a number with a leading zero; expected no leading zeros");
                }
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("found " + describe(pos) + " after '-'; expected a digit");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("found " + describe(pos) + " after a decimal point; expected a digit");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("found " + describe(pos) + " in an exponent; expected a digit");
                }
                digits();
            }
            out.append(in, start, pos);
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        private void literal(String word) {
            if (!in.startsWith(word, pos)) {
                throw error("found an unknown word; expected a value (" + word + "?)");
            }
            out.append(word);
            pos += word.length();
        }

        private void skipWhitespace() {
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return;
                }
                pos++;
            }
        }

        /** The character at the position, or -1 at the end. */
        private int peek() {
            return pos < in.length() ? in.charAt(pos) : -1;
        }

        private String describe(int at) {
            if (at >= in.length()) {
                return "the end of the text";
            }
            char c = in.charAt(at);
            if (c > ' ' && c < 0x7f) {
                return "'" + c + "'";
            }
            return String.format("U+%04X", (int) c);
        }

        private SnapConfigurationException error(String what) {
            return error(pos, what);
        }

        private SnapConfigurationException error(int at, String what) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < at && i < in.length(); i++) {
                if (in.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new SnapConfigurationException("invalid JSON at line " + line + ", column " + column
                    + " (offset " + at + "): " + what);
        }
    }
}
