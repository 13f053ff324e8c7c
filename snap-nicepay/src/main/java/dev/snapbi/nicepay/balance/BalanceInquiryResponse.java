package dev.snapbi.nicepay.balance;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a balance inquiry.
 */
public record BalanceInquiryResponse(@JsonProperty("responseCode") String responseCode,
                                     @JsonProperty("responseMessage") String responseMessage,
                                     @JsonProperty("accountNo") String accountNo,
                                     @JsonProperty("accountInfos") List<AccountInfo> accountInfos,
                                     @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public BalanceInquiryResponse {
        accountInfos = RequestFields.copy(accountInfos);
        otherFields = RequestFields.copy(otherFields);
    }

    /** The available balance of the first account info, when NICEPAY sent one. */
    public Optional<Amount> availableBalance() {
        return accountInfos == null || accountInfos.isEmpty() || accountInfos.get(0) == null ? Optional.empty()
                : Optional.ofNullable(accountInfos.get(0).availableBalance());
    }
}
