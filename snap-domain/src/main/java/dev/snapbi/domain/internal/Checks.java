package dev.snapbi.domain.internal;

import java.time.Duration;

/**
 * The checks that several domain types share, written once. They answer with a boolean or with the problem in words
 * ({@code null} when there is none) and never throw: the caller decides what a problem means, a
 * {@code SnapConfigurationException} for a local setting, a typed verdict or a protocol error for input from outside.
 * JDK only, so that every package of the domain may use it. Internal: not part of the public API.
 */
public final class Checks {

    private Checks() {
    }

    /** Whether {@code c} is visible ASCII ({@code !} to {@code ~}): no space, control or non-ASCII character. */
    public static boolean isVisibleAscii(char c) {
        return c > ' ' && c <= '~';
    }

    /** The position of the first character of {@code text} that is not visible ASCII, or -1 when there is none. */
    public static int firstNonVisibleAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isVisibleAscii(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code value} cannot be sent as the header {@code header} (1 to {@code maxLength} visible ASCII
     * characters), or {@code null} when it can. The answer never contains the value.
     */
    public static String headerTextProblem(String value, String header, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return header + " needs 1 to " + maxLength + " visible ASCII characters, got "
                    + (value == null ? "nothing" : value.length() + " characters");
        }
        int bad = firstNonVisibleAscii(value);
        return bad < 0 ? null : header + " may hold only visible ASCII characters; position " + bad + " does not";
    }

    /**
     * Why {@code value} is not a usable duration for the setting {@code name}, or {@code null} when it is: missing,
     * negative, or zero when {@code zeroAllowed} is false.
     */
    public static String durationProblem(Duration value, String name, boolean zeroAllowed) {
        if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
            return name + (zeroAllowed ? " must be zero or positive, got " : " must be positive, got ") + value;
        }
        return null;
    }

    /**
     * Untrusted text made safe to show in a message: cut to {@code maxLength} characters (then {@code ...}), every
     * character that is not printable ASCII replaced by {@code ?}.
     */
    public static String shown(String text, int maxLength) {
        String s = text.length() > maxLength ? text.substring(0, maxLength) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

}
