package dev.snapbi.nicepay.balance;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.nicepay.call.SnapCaller;
import dev.snapbi.nicepay.internal.ServiceCalls;

/**
 * NICEPAY balance inquiry (SNAP-SPEC section 8, service 11). Get it from {@code NicepayClient.balances()}. An
 * inquiry: retried when unavailable. Thread-safe.
 */
public final class BalanceService {

    private final ServiceCalls calls;

    private BalanceService(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The service over any {@link SnapCaller}, for merchant {@code merchant}. */
    public static BalanceService create(SnapCaller caller, ClientKey merchant) {
        return new BalanceService(new ServiceCalls(caller, merchant, "accountNo", null));
    }

    /** The merchant's balance ({@code POST /balance-inquiry}); the account is the client key. */
    public BalanceInquiryResponse inquiry() {
        return inquiry(BalanceInquiryRequest.builder()
                .additionalInfo(BalanceInquiryRequest.AdditionalInfo.builder().build()).build());
    }

    /** A balance inquiry; {@code accountNo} defaults to the client key. */
    public BalanceInquiryResponse inquiry(BalanceInquiryRequest request) {
        return calls.inquiry("/balance-inquiry", request, BalanceInquiryResponse.class);
    }

    @Override
    public String toString() {
        return calls.describe("BalanceService");
    }
}
