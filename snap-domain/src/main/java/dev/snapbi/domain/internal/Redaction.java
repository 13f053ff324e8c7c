package dev.snapbi.domain.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Helpers that keep secrets and untrusted text out of messages and {@code toString()} output.
 * Internal: not part of the public API.
 */
public final class Redaction {
    private static final int MAX_SERVER_TEXT = 200;
    /** Any run of this many characters of a secret found in server text is masked. */
    public static final int SECRET_PIECE = 12;

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

    /**
     * The text with every secret this exchange sent (an access token, a signature) masked, wherever a server or a
     * gateway echoed it: whole, cut short, or in pieces. Any run of {@value #SECRET_PIECE} or more characters that
     * also occurs in one of the secrets becomes {@code ****}; a secret shorter than that is masked where it occurs
     * whole. Apply it before the text is shortened or reaches a message or a log.
     *
     * @param secrets the values sent; {@code null} or blank entries are ignored
     */
    public static String withoutSecrets(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty() || secrets == null || secrets.isEmpty()) {
            return text;
        }
        Set<String> pieces = new HashSet<>();
        Set<String> shortSecrets = new HashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            if (secret.length() < SECRET_PIECE) {
                if (secret.length() >= 4) {
                    shortSecrets.add(secret);
                }
                continue;
            }
            for (int i = 0; i + SECRET_PIECE <= secret.length(); i++) {
                pieces.add(secret.substring(i, i + SECRET_PIECE));
            }
        }
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (int i = 0; i + SECRET_PIECE <= text.length() && !pieces.isEmpty(); i++) {
            if (pieces.contains(text.substring(i, i + SECRET_PIECE))) {
                java.util.Arrays.fill(masked, i, i + SECRET_PIECE, true);
                any = true;
            }
        }
        for (String secret : shortSecrets) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                java.util.Arrays.fill(masked, at, at + secret.length(), true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append("****");
            }
        }
        return out.toString();
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
