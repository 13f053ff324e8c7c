package dev.snapbi.nicepay.va;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.VirtualAccountStatus;

import java.util.Map;

/**
 * A virtual account as NICEPAY reports it ({@code virtualAccountData}). Fields NICEPAY did not send are {@code
 * null}; fields this version does not know are in {@code otherFields}.
 */
public record VirtualAccountData(@JsonProperty("partnerServiceId") String partnerServiceId,
                                 @JsonProperty("customerNo") String customerNo,
                                 @JsonProperty("virtualAccountNo") String virtualAccountNo,
                                 @JsonProperty("virtualAccountName") String virtualAccountName,
                                 @JsonProperty("trxId") String trxId,
                                 @JsonProperty("totalAmount") Amount totalAmount,
                                 @JsonProperty("inquiryRequestId") String inquiryRequestId,
                                 @JsonProperty("paidAmount") Amount paidAmount,
                                 @JsonProperty("transactionDate") String transactionDate,
                                 @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                                 @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                                 @JsonProperty("additionalInfo") AdditionalInfo additionalInfo,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public VirtualAccountData {
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed {@code latestTransactionStatus}; {@link VirtualAccountStatus#UNKNOWN} when absent or new. */
    public VirtualAccountStatus status() {
        return VirtualAccountStatus.fromCode(latestTransactionStatus);
    }

    /** NICEPAY's transaction id of the virtual account ({@code additionalInfo.tXidVA}), or {@code null}. */
    public String tXidVA() {
        return additionalInfo == null ? null : additionalInfo.tXidVA();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents; any other is in {@code otherFields}.
     */
    public record AdditionalInfo(@JsonProperty("bankCd") String bankCd,
                                 @JsonProperty("tXidVA") String tXidVA,
                                 @JsonProperty("goodsNm") String goodsNm,
                                 @JsonProperty("vacctValidDt") String vacctValidDt,
                                 @JsonProperty("vacctValidTm") String vacctValidTm,
                                 @JsonProperty("totalAmount") Amount totalAmount,
                                 @JsonProperty("cancelMessage") String cancelMessage,
                                 @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                                 @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /** Copies the collections: the value is immutable. */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
        }
    }
}
