package dev.snapbi.nicepay.ewallet;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;

import java.util.Map;

/**
 * The answer to an e-wallet payment: NICEPAY's reference and where to send the payer.
 */
public record EwalletPaymentResponse(@JsonProperty("responseCode") String responseCode,
                                     @JsonProperty("responseMessage") String responseMessage,
                                     @JsonProperty("referenceNo") String referenceNo,
                                     @JsonProperty("partnerReferenceNo") String partnerReferenceNo,
                                     @JsonProperty("webRedirectUrl") String webRedirectUrl,
                                     @JsonProperty("appRedirectUrl") String appRedirectUrl,
                                     @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                     @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public EwalletPaymentResponse {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }
}
