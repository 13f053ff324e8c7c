package dev.snapbi.nicepay.qris;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;

import java.util.Map;

/**
 * The answer to a QRIS status inquiry.
 */
public record QrisStatusResponse(@JsonProperty("responseCode") String responseCode,
                                 @JsonProperty("responseMessage") String responseMessage,
                                 @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                 @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                 @JsonProperty("serviceCode") String serviceCode,
                                 @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                                 @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                                 @JsonProperty("paidTime") String paidTime,
                                 @JsonProperty("amount") Amount amount,
                                 @JsonProperty("externalStoreId") String externalStoreId,
                                 @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public QrisStatusResponse {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed {@code latestTransactionStatus}. */
    public PaymentStatus status() {
        return PaymentStatus.fromCode(latestTransactionStatus);
    }
}
