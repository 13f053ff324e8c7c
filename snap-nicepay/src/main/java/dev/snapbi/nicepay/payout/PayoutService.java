package dev.snapbi.nicepay.payout;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.nicepay.call.SnapCaller;
import dev.snapbi.nicepay.internal.ServiceCalls;

/**
 * NICEPAY payouts (SNAP-SPEC section 8): registration, then approve (or cancel, or reject while pending), and status.
 * Get it from {@code NicepayClient.payouts()}.
 * <p>
 * Every call but {@link #status} moves money: never resent once it may have reached NICEPAY; an unknown outcome is a
 * {@link dev.snapbi.domain.error.SnapOutcomeUnknownException} carrying the business reference, to reconcile with
 * {@link #statusOf(String)}. The merchant id defaults to the client key. Thread-safe.
 */
public final class PayoutService {

    /** The name of the status call that reconciles an unknown outcome. */
    public static final String STATUS_CALL = "payouts().status";

    private final ServiceCalls calls;

    private PayoutService(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The service over any {@link SnapCaller}, for merchant {@code merchant}. */
    public static PayoutService create(SnapCaller caller, ClientKey merchant) {
        return new PayoutService(new ServiceCalls(caller, merchant, "merchantId", STATUS_CALL));
    }

    /** Registers a payout ({@code POST /transfer/registration}); it waits for approval. Money-moving. */
    public PayoutResponse register(PayoutRegistrationRequest request) {
        return calls.moneyMoving("POST", "/transfer/registration", request, request.partnerReferenceNo(),
                PayoutResponse.class);
    }

    /** Approves a registered payout ({@code POST /transfer/approve}): the money leaves. Money-moving. */
    public PayoutResponse approve(PayoutRequest request) {
        return decide("/transfer/approve", request);
    }

    /** Cancels a payout while it is pending ({@code POST /transfer/cancel}). Money-moving. */
    public PayoutResponse cancel(PayoutRequest request) {
        return decide("/transfer/cancel", request);
    }

    /** Rejects a payout while it waits for approval ({@code POST /transfer/reject}). Money-moving. */
    public PayoutResponse reject(PayoutRequest request) {
        return decide("/transfer/reject", request);
    }

    private PayoutResponse decide(String path, PayoutRequest request) {
        String reference = request.originalPartnerReferenceNo() == null || request.originalPartnerReferenceNo()
                .isEmpty() ? request.originalReferenceNo() : request.originalPartnerReferenceNo();
        return calls.moneyMoving("POST", path, request, reference, PayoutResponse.class);
    }

    /** The status of a payout ({@code POST /transfer/inquiry}); retried when unavailable. */
    public PayoutResponse status(PayoutStatusRequest request) {
        return calls.inquiry("/transfer/inquiry", request, PayoutResponse.class);
    }

    /** The status of the payout with your {@code partnerReferenceNo}: the reconciliation of an unknown outcome. */
    public PayoutResponse statusOf(String partnerReferenceNo) {
        return status(PayoutStatusRequest.builder().originalPartnerReferenceNo(partnerReferenceNo).build());
    }

    @Override
    public String toString() {
        return calls.describe("PayoutService");
    }
}
