package dev.snapbi.nicepay.notification;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.PaymentStatus;

import java.util.Map;

/**
 * NICEPAY's notification about an e-wallet payment ({@code [merchant]/api/v1.0/debit/notify}, service 56).
 * Fields this version does not know are in {@code otherFields}.
 */
public record EwalletNotification(@JsonProperty("originalReferenceNo") String originalReferenceNo,
                                  @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                  @JsonProperty("merchantId") String merchantId,
                                  @JsonProperty("subMerchantId") String subMerchantId,
                                  @JsonProperty("externalStoreId") String externalStoreId,
                                  @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                                  @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                                  @JsonProperty("amount") Amount amount,
                                  @JsonProperty("paidTime") String paidTime,
                                  @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                  @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public EwalletNotification {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed {@code latestTransactionStatus}. */
    public PaymentStatus status() {
        return PaymentStatus.fromCode(latestTransactionStatus);
    }
}
