package dev.snapbi.nicepay.qris;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * The answer to a QRIS generate: NICEPAY's reference and the QR code to show.
 */
public record QrisGenerateResponse(@JsonProperty("responseCode") String responseCode,
                                   @JsonProperty("responseMessage") String responseMessage,
                                   @JsonProperty("referenceNo") String referenceNo,
                                   @JsonProperty("partnerReferenceNo") String partnerReferenceNo,
                                   @JsonProperty("qrContent") String qrContent,
                                   @JsonProperty("qrUrl") String qrUrl,
                                   @JsonProperty("storeId") String storeId,
                                   @JsonProperty("amount") Amount amount,
                                   @JsonProperty("additionalInfo") Map<String, Object> additionalInfo,
                                   @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public QrisGenerateResponse {
        additionalInfo = RequestFields.copy(additionalInfo);
        otherFields = RequestFields.copy(otherFields);
    }
}
