package dev.snapbi.nicepay.payout;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PayoutStatus;

import java.util.Map;

/**
 * The answer to a payout call (registration, approve, status, cancel, reject): the references, the beneficiary
 * echo and the status.
 */
public record PayoutResponse(@JsonProperty("responseCode") String responseCode,
                             @JsonProperty("responseMessage") String responseMessage,
                             @JsonProperty("originalReferenceNo") String originalReferenceNo,
                             @JsonProperty("partnerReferenceNo") String partnerReferenceNo,
                             @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                             @JsonProperty("beneficiaryAccountNo") String beneficiaryAccountNo,
                             @JsonProperty("beneficiaryName") String beneficiaryName,
                             @JsonProperty("beneficiaryBankCode") String beneficiaryBankCode,
                             @JsonProperty("beneficiaryCustomerResidence") String beneficiaryCustomerResidence,
                             @JsonProperty("beneficiaryCustomerType") String beneficiaryCustomerType,
                             @JsonProperty("payoutMethod") String payoutMethod,
                             @JsonProperty("amount") Amount amount,
                             @JsonProperty("transactionStatus") String transactionStatus,
                             @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                             @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                             @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public PayoutResponse {
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed status ({@code transactionStatus}, or {@code latestTransactionStatus}). */
    public PayoutStatus status() {
        return PayoutStatus.fromCode(transactionStatus != null ? transactionStatus : latestTransactionStatus);
    }

    /** Your business reference of the payout, whichever field carried it. */
    public String businessReference() {
        return partnerReferenceNo != null ? partnerReferenceNo : originalPartnerReferenceNo;
    }
}
