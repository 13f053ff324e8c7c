package dev.snapbi.nicepay.qris;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.nicepay.call.SnapCaller;
import dev.snapbi.nicepay.internal.ServiceCalls;

/**
 * NICEPAY QRIS (MPM) payments (SNAP-SPEC section 8): generate, status, refund. Get it from
 * {@code NicepayClient.qris()}.
 * <p>
 * {@link #generate} and {@link #refund} move money: they are never resent once they may have reached NICEPAY; an
 * unknown outcome is a {@link dev.snapbi.domain.error.SnapOutcomeUnknownException} carrying the business reference,
 * to reconcile with {@link #statusOf(String)}. The merchant id defaults to the client key. Thread-safe.
 */
public final class QrisService {

    /** The name of the status call that reconciles an unknown outcome. */
    public static final String STATUS_CALL = "qris().status";

    private final ServiceCalls calls;

    private QrisService(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The service over any {@link SnapCaller}, for merchant {@code merchant}. */
    public static QrisService create(SnapCaller caller, ClientKey merchant) {
        return new QrisService(new ServiceCalls(caller, merchant, "merchantId", STATUS_CALL));
    }

    /** Creates a QRIS payment ({@code POST /qr/qr-mpm-generate}, service 47); money-moving. */
    public QrisGenerateResponse generate(QrisGenerateRequest request) {
        return calls.moneyMoving("POST", "/qr/qr-mpm-generate", request, request.partnerReferenceNo(),
                QrisGenerateResponse.class);
    }

    /** The status of a QRIS payment ({@code POST /qr/qr-mpm-query}, service 51); retried when unavailable. */
    public QrisStatusResponse status(QrisStatusRequest request) {
        return calls.inquiry("/qr/qr-mpm-query", request, QrisStatusResponse.class);
    }

    /** The status of the QRIS payment with your {@code partnerReferenceNo}: the reconciliation of an unknown outcome. */
    public QrisStatusResponse statusOf(String partnerReferenceNo) {
        return status(QrisStatusRequest.builder().originalPartnerReferenceNo(partnerReferenceNo).build());
    }

    /** Refunds a paid QRIS payment ({@code POST /qr/qr-mpm-refund}, service 78); money-moving. */
    public QrisRefundResponse refund(QrisRefundRequest request) {
        return calls.moneyMoving("POST", "/qr/qr-mpm-refund", request, request.partnerRefundNo(),
                QrisRefundResponse.class);
    }

    @Override
    public String toString() {
        return calls.describe("QrisService");
    }
}
