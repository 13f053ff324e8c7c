package dev.snapbi.domain.internal;

/**
 * Helpers that keep secrets and untrusted text out of messages and {@code toString()} output.
 * Internal: not part of the public API.
 */
public final class Redaction {
    private static final int MAX_SERVER_TEXT = 200;

    private Redaction() {
    }

    /**
     * A hint that lets a person correlate a secret without revealing it: the last four characters of values of
     * 24 characters or more, nothing at all for shorter ones.
     */
    public static String hint(String secret) {
        if (secret == null) {
            return "****";
        }
        if (secret.length() < 24) {
            return "****";
        }
        return "****" + secret.substring(secret.length() - 4);
    }

    /** Server-supplied text made safe for a message: control characters dropped, length bounded. */
    public static String serverText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SERVER_TEXT + 1));
        for (int i = 0; i < text.length() && out.length() < MAX_SERVER_TEXT; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > MAX_SERVER_TEXT) {
            out.append("...");
        }
        return out.toString().strip();
    }
}
