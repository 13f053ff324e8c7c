package dev.snapbi.nicepay.ewallet;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;

import java.util.Map;

/**
 * The answer to an e-wallet status inquiry.
 */
public record EwalletStatusResponse(@JsonProperty("responseCode") String responseCode,
                                    @JsonProperty("responseMessage") String responseMessage,
                                    @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                    @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                    @JsonProperty("serviceCode") String serviceCode,
                                    @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                                    @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                                    @JsonProperty("transAmount") Amount transAmount,
                                    @JsonProperty("amount") Amount amount,
                                    @JsonProperty("paidTime") String paidTime,
                                    @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                    @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public EwalletStatusResponse {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed {@code latestTransactionStatus}. */
    public PaymentStatus status() {
        return PaymentStatus.fromCode(latestTransactionStatus);
    }
}
