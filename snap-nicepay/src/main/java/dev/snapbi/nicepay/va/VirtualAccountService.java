package dev.snapbi.nicepay.va;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.nicepay.call.SnapCaller;
import dev.snapbi.nicepay.internal.ServiceCalls;

/**
 * NICEPAY virtual accounts (SNAP-SPEC section 8): create, status, cancel. Get it from
 * {@code NicepayClient.virtualAccounts()}.
 * <p>
 * {@link #create} and {@link #cancel} move money: they are never resent once they may have reached NICEPAY. When
 * the outcome is unknown they throw {@link dev.snapbi.domain.error.SnapOutcomeUnknownException} carrying the
 * {@code trxId}; reconcile with {@link #statusOf(String)}. Thread-safe.
 */
public final class VirtualAccountService {

    /** The name of the status call that reconciles an unknown outcome. */
    public static final String STATUS_CALL = "virtualAccounts().status";

    private final ServiceCalls calls;

    private VirtualAccountService(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The service over any {@link SnapCaller}, for merchant {@code merchant}. */
    public static VirtualAccountService create(SnapCaller caller, ClientKey merchant) {
        return new VirtualAccountService(new ServiceCalls(caller, merchant, null, STATUS_CALL));
    }

    /**
     * Creates a virtual account ({@code POST /transfer-va/create-va}, service 27).
     *
     * @throws dev.snapbi.domain.error.SnapDuplicateReferenceException when the {@code trxId} already exists
     * @throws dev.snapbi.domain.error.SnapOutcomeUnknownException     when it may have been created: reconcile with
     *                                                                 {@link #statusOf(String)}
     * @throws dev.snapbi.domain.error.SnapException                   typed by meaning otherwise
     */
    public CreateVaResponse create(CreateVaRequest request) {
        return calls.moneyMoving("POST", "/transfer-va/create-va", request, request.trxId(), CreateVaResponse.class);
    }

    /** The status of a virtual account ({@code POST /transfer-va/status}, service 26); retried when unavailable. */
    public VaStatusResponse status(VaStatusRequest request) {
        return calls.inquiry("/transfer-va/status", request, VaStatusResponse.class);
    }

    /** The status of the virtual account with your {@code trxId}: the reconciliation of an unknown outcome. */
    public VaStatusResponse statusOf(String trxId) {
        return status(VaStatusRequest.builder()
                .additionalInfo(VaStatusRequest.AdditionalInfo.builder().trxId(trxId).build()).build());
    }

    /** The status of a virtual account just created, by its number, {@code trxId} and {@code tXidVA}. */
    public VaStatusResponse statusOf(CreateVaResponse created) {
        VirtualAccountData data = created.virtualAccountData();
        VaStatusRequest.Builder request = VaStatusRequest.builder();
        if (data != null) {
            request.partnerServiceId(data.partnerServiceId() == null ? "" : data.partnerServiceId())
                    .customerNo(data.customerNo() == null ? "" : data.customerNo())
                    .virtualAccountNo(data.virtualAccountNo() == null ? "" : data.virtualAccountNo())
                    .additionalInfo(VaStatusRequest.AdditionalInfo.builder().trxId(data.trxId())
                            .tXidVA(data.tXidVA()).totalAmount(data.totalAmount()).build());
        }
        return status(request.build());
    }

    /**
     * Cancels an unpaid virtual account ({@code DELETE /transfer-va/delete-va} with a body, service 31).
     *
     * @throws dev.snapbi.domain.error.SnapOutcomeUnknownException when it may have been cancelled: reconcile with
     *                                                             {@link #statusOf(String)}
     */
    public CancelVaResponse cancel(CancelVaRequest request) {
        return calls.moneyMoving("DELETE", "/transfer-va/delete-va", request, request.trxId(), CancelVaResponse.class);
    }

    @Override
    public String toString() {
        return calls.describe("VirtualAccountService");
    }
}
