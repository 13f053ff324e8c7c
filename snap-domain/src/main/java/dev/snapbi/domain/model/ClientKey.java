package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.internal.Checks;

/**
 * The client id sent as {@code X-CLIENT-KEY} (NICEPAY: the merchant id "iMid", e.g. {@code IONPAYTEST}).
 * Printable ASCII without spaces or {@code |} (it is the left half of the string-to-sign), 1 to 128 characters.
 * Not a secret.
 *
 * @param value the client key as sent on the wire
 */
public record ClientKey(String value) {

    /** Validates the components; prefer {@link #of(String)}. */
    public ClientKey {
        if (value == null || value.isEmpty()) {
            throw new SnapConfigurationException("the client key (X-CLIENT-KEY) is missing; NICEPAY's is the merchant"
                    + " id (iMid), e.g. IONPAYTEST");
        }
        if (value.length() > 128) {
            throw new SnapConfigurationException("the client key (X-CLIENT-KEY) has " + value.length()
                    + " characters; at most 128 are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Checks.isVisibleAscii(c) || c == '|') {
                throw new SnapConfigurationException("the client key (X-CLIENT-KEY) may hold only printable ASCII"
                        + " without spaces or '|'; found " + describe(c) + " at position " + i);
            }
        }
    }

    /**
     * The client key with this value.
     *
     * @throws SnapConfigurationException when blank, too long or holding spaces, control characters or {@code |}
     */
    public static ClientKey of(String value) {
        return new ClientKey(value);
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c == '|') {
            return "'|'";
        }
        return String.format("U+%04X", (int) c);
    }

    @Override
    public String toString() {
        return value;
    }
}
