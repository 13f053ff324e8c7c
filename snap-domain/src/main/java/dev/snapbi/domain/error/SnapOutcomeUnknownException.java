package dev.snapbi.domain.error;

import java.util.Optional;

/**
 * A money-moving call (create, pay, refund, cancel, payout) may have been processed by the provider, but no final
 * answer came back: a read timeout or a dropped connection after the request was sent, a 5xx, or a 202 "in progress"
 * ({@link SnapInProgressException}). Sending it again could pay or refund twice (SNAP-SPEC section 9), so this error is
 * never retried automatically and {@link #isRetryable()} is {@code false}.
 * <p>
 * What to do: call the status call named by {@link #statusCall()} with the same {@link #businessReference()} until it
 * reports a final state; only when the provider says the transaction does not exist ({@code 404xx01}) is it safe to
 * send the request again with the same business reference.
 * <p>
 * {@link #getCause()} holds what was seen (the {@link SnapUnavailableException} of the timeout or the 5xx), when
 * there was something.
 */
public sealed class SnapOutcomeUnknownException extends SnapException permits SnapInProgressException {

    private static final long serialVersionUID = 1L;

    private final String businessReference;
    private final String statusCall;

    /**
     * Creates the error.
     *
     * @param businessReference the business reference of the call ({@code partnerReferenceNo}, {@code trxId},
     *                          {@code partnerRefundNo}), or {@code null} when unknown (a raw call)
     * @param statusCall        the name of the call that reconciles it, e.g. {@code virtualAccounts().status}, or
     *                          {@code null} when none is known
     * @param cause             what was seen, or {@code null}
     */
    public SnapOutcomeUnknownException(String message, ErrorContext context, String businessReference,
                                       String statusCall, Throwable cause) {
        super(message, context, cause);
        this.businessReference = businessReference;
        this.statusCall = statusCall;
    }

    /** The business reference whose outcome is unknown; look it up with {@link #statusCall()}. */
    public Optional<String> businessReference() {
        return Optional.ofNullable(businessReference);
    }

    /** The name of the status call that reconciles this outcome, e.g. {@code virtualAccounts().status}. */
    public Optional<String> statusCall() {
        return Optional.ofNullable(statusCall);
    }

    /** Never: resending a money-moving call whose outcome is unknown could move the money twice. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
