package dev.snapbi.nicepay.model;

/**
 * The {@code latestTransactionStatus} of a virtual account (SNAP-SPEC section 8: 00 paid, 01 reversal, 03 unpaid, 04 cancelled or expired).
 * A code NICEPAY adds later reads as {@link #UNKNOWN}; the raw code stays readable on the response.
 */
public enum VirtualAccountStatus {
    /** 00: paid. */
    PAID("00"),
    /** 01: reversed. */
    REVERSAL("01"),
    /** 03: created, not paid yet. */
    UNPAID("03"),
    /** 04: cancelled or expired. */
    CANCELLED("04"),
    /** A code this version does not know (or none). */
    UNKNOWN("");

    private final String code;

    VirtualAccountStatus(String code) {
        this.code = code;
    }

    /** The two-digit code, or empty for {@link #UNKNOWN}. */
    public String code() {
        return code;
    }

    /** Whether the status will not change any more by itself. */
    public boolean isFinal() {
        return switch (this) {
            case PAID, CANCELLED, REVERSAL -> true;
            default -> false;
        };
    }

    /** The status for a code as NICEPAY sent it; {@link #UNKNOWN} for anything else, never an exception. */
    public static VirtualAccountStatus fromCode(String code) {
        return StatusCodes.find(values(), VirtualAccountStatus::code, code, UNKNOWN);
    }
}
