package dev.snapbi.nicepay.va;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.VirtualAccountStatus;

import java.util.Map;

/**
 * The answer to a VA status inquiry.
 */
public record VaStatusResponse(@JsonProperty("responseCode") String responseCode,
                               @JsonProperty("responseMessage") String responseMessage,
                               @JsonProperty("virtualAccountData") VirtualAccountData virtualAccountData,
                               @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                               @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                               @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public VaStatusResponse {
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed status, from the top level or else from {@code virtualAccountData}. */
    public VirtualAccountStatus status() {
        String code = latestTransactionStatus != null ? latestTransactionStatus
                : virtualAccountData == null ? null : virtualAccountData.latestTransactionStatus();
        return VirtualAccountStatus.fromCode(code);
    }
}
