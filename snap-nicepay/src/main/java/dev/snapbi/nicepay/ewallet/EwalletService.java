package dev.snapbi.nicepay.ewallet;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.nicepay.call.SnapCaller;
import dev.snapbi.nicepay.internal.ServiceCalls;

/**
 * NICEPAY e-wallet direct debit (SNAP-SPEC section 8): payment (host to host), status, refund. Get it from
 * {@code NicepayClient.ewallets()}.
 * <p>
 * {@link #pay} and {@link #refund} move money: they are never resent once they may have reached NICEPAY; an unknown
 * outcome is a {@link dev.snapbi.domain.error.SnapOutcomeUnknownException} carrying the business reference, to
 * reconcile with {@link #statusOf(String)}. The merchant id defaults to the client key. Thread-safe.
 */
public final class EwalletService {

    /** The name of the status call that reconciles an unknown outcome. */
    public static final String STATUS_CALL = "ewallets().status";

    private final ServiceCalls calls;

    private EwalletService(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The service over any {@link SnapCaller}, for merchant {@code merchant}. */
    public static EwalletService create(SnapCaller caller, ClientKey merchant) {
        return new EwalletService(new ServiceCalls(caller, merchant, "merchantId", STATUS_CALL));
    }

    /** Starts an e-wallet payment ({@code POST /debit/payment-host-to-host}, service 54); money-moving. */
    public EwalletPaymentResponse pay(EwalletPaymentRequest request) {
        return calls.moneyMoving("POST", "/debit/payment-host-to-host", request, request.partnerReferenceNo(),
                EwalletPaymentResponse.class);
    }

    /** The status of an e-wallet payment ({@code POST /debit/status}, service 55); retried when unavailable. */
    public EwalletStatusResponse status(EwalletStatusRequest request) {
        return calls.inquiry("/debit/status", request, EwalletStatusResponse.class);
    }

    /** The status of the payment with your {@code partnerReferenceNo}: the reconciliation of an unknown outcome. */
    public EwalletStatusResponse statusOf(String partnerReferenceNo) {
        return status(EwalletStatusRequest.builder().originalPartnerReferenceNo(partnerReferenceNo).build());
    }

    /** Refunds a paid e-wallet payment ({@code POST /debit/refund}, service 58); money-moving. */
    public EwalletRefundResponse refund(EwalletRefundRequest request) {
        return calls.moneyMoving("POST", "/debit/refund", request, request.partnerRefundNo(),
                EwalletRefundResponse.class);
    }

    @Override
    public String toString() {
        return calls.describe("EwalletService");
    }
}
