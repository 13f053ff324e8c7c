package dev.snapbi.nicepay.qris;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * The answer to a QRIS refund.
 */
public record QrisRefundResponse(@JsonProperty("responseCode") String responseCode,
                                 @JsonProperty("responseMessage") String responseMessage,
                                 @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                 @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                 @JsonProperty("referenceNo") String referenceNo,
                                 @JsonProperty("partnerRefundNo") String partnerRefundNo,
                                 @JsonProperty("refundAmount") Amount refundAmount,
                                 @JsonProperty("merchantId") String merchantId,
                                 @JsonProperty("externalStoreId") String externalStoreId,
                                 @JsonProperty("refundTime") String refundTime,
                                 @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public QrisRefundResponse {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }
}
