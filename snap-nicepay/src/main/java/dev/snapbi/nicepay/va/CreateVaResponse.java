package dev.snapbi.nicepay.va;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;

import java.util.Map;

/**
 * The answer to a VA create: the virtual account to show the payer.
 */
public record CreateVaResponse(@JsonProperty("responseCode") String responseCode,
                               @JsonProperty("responseMessage") String responseMessage,
                               @JsonProperty("virtualAccountData") VirtualAccountData virtualAccountData,
                               @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public CreateVaResponse {
        otherFields = RequestFields.copy(otherFields);
    }
}
