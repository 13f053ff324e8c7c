package dev.snapbi.nicepay.model;

/**
 * The {@code latestTransactionStatus} of a payout (SNAP-SPEC section 8: 00 success, 03 pending approval, 04 cancelled, 05 rejected, 08 pending, 09 failed).
 * A code NICEPAY adds later reads as {@link #UNKNOWN}; the raw code stays readable on the response.
 */
public enum PayoutStatus {
    /** 00: paid out. */
    SUCCESS("00"),
    /** 03: registered, waiting for approval. */
    PENDING_APPROVAL("03"),
    /** 04: cancelled. */
    CANCELLED("04"),
    /** 05: rejected. */
    REJECTED("05"),
    /** 08: approved, being paid out. */
    PENDING("08"),
    /** 09: failed. */
    FAILED("09"),
    /** A code this version does not know (or none). */
    UNKNOWN("");

    private final String code;

    PayoutStatus(String code) {
        this.code = code;
    }

    /** The two-digit code, or empty for {@link #UNKNOWN}. */
    public String code() {
        return code;
    }

    /** Whether the status will not change any more by itself. */
    public boolean isFinal() {
        return switch (this) {
            case SUCCESS, CANCELLED, REJECTED, FAILED -> true;
            default -> false;
        };
    }

    /** The status for a code as NICEPAY sent it; {@link #UNKNOWN} for anything else, never an exception. */
    public static PayoutStatus fromCode(String code) {
        return StatusCodes.find(values(), PayoutStatus::code, code, UNKNOWN);
    }
}
