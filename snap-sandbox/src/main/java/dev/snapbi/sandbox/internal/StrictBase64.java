package dev.snapbi.sandbox.internal;

import java.util.Base64;

/** The SNAP spec's encoding of signatures: standard alphabet, padded Base64, nothing else. */
public final class StrictBase64 {

    private StrictBase64() {
    }

    /** The decoded bytes, or {@code null} when the text is empty, longer than {@code maxChars} or not strict Base64. */
    public static byte[] decode(String text, int maxChars) {
        if (text == null || text.isEmpty() || text.length() > maxChars || text.length() % 4 != 0) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            boolean padding = c == '=' && i >= text.length() - 2;
            if (!alphabet && !padding) {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
