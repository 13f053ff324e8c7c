package dev.snapbi.nicepay.balance;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * One balance of the account ({@code accountInfos[]}).
 */
public record AccountInfo(@JsonProperty("balanceType") String balanceType,
                          @JsonProperty("availableBalance") Amount availableBalance,
                          @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public AccountInfo {
        otherFields = RequestFields.copy(otherFields);
    }
}
