package dev.snapbi.nicepay.model;

/**
 * The {@code latestTransactionStatus} of a QRIS or e-wallet payment (SNAP-SPEC section 8: 00 success, 01 initiated, 03 pending, 04 refunded, 05 cancelled, 06 failed).
 * A code NICEPAY adds later reads as {@link #UNKNOWN}; the raw code stays readable on the response.
 */
public enum PaymentStatus {
    /** 00: paid. */
    SUCCESS("00"),
    /** 01: initiated. */
    INITIATED("01"),
    /** 03: pending, not paid yet. */
    PENDING("03"),
    /** 04: refunded. */
    REFUNDED("04"),
    /** 05: cancelled. */
    CANCELLED("05"),
    /** 06: failed. */
    FAILED("06"),
    /** A code this version does not know (or none). */
    UNKNOWN("");

    private final String code;

    PaymentStatus(String code) {
        this.code = code;
    }

    /** The two-digit code, or empty for {@link #UNKNOWN}. */
    public String code() {
        return code;
    }

    /** Whether the status will not change any more by itself. */
    public boolean isFinal() {
        return switch (this) {
            case SUCCESS, REFUNDED, CANCELLED, FAILED -> true;
            default -> false;
        };
    }

    /** The status for a code as NICEPAY sent it; {@link #UNKNOWN} for anything else, never an exception. */
    public static PaymentStatus fromCode(String code) {
        return StatusCodes.find(values(), PaymentStatus::code, code, UNKNOWN);
    }
}
