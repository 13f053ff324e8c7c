package dev.snapbi.nicepay.ewallet;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * The answer to an e-wallet refund.
 */
public record EwalletRefundResponse(@JsonProperty("responseCode") String responseCode,
                                    @JsonProperty("responseMessage") String responseMessage,
                                    @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                    @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                    @JsonProperty("refundNo") String refundNo,
                                    @JsonProperty("partnerRefundNo") String partnerRefundNo,
                                    @JsonProperty("refundAmount") Amount refundAmount,
                                    @JsonProperty("refundTime") String refundTime,
                                    @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                    @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public EwalletRefundResponse {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }
}
