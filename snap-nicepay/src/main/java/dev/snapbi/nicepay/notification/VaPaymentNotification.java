package dev.snapbi.nicepay.notification;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.model.VirtualAccountStatus;

import java.util.Map;

/**
 * NICEPAY's notification that a virtual account was paid ({@code [merchant]/api/v1.0/transfer-va/payment},
 * service 25). Fields this version does not know are in {@code otherFields}.
 */
public record VaPaymentNotification(@JsonProperty("partnerServiceId") String partnerServiceId,
                                    @JsonProperty("customerNo") String customerNo,
                                    @JsonProperty("virtualAccountNo") String virtualAccountNo,
                                    @JsonProperty("virtualAccountName") String virtualAccountName,
                                    @JsonProperty("trxId") String trxId,
                                    @JsonProperty("paymentRequestId") String paymentRequestId,
                                    @JsonProperty("paidAmount") Amount paidAmount,
                                    @JsonProperty("trxDateTime") String trxDateTime,
                                    @JsonProperty("additionalInfo") AdditionalInfo additionalInfo,
                                    @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /** Copies the collections: the value is immutable. */
    public VaPaymentNotification {
        otherFields = RequestFields.copy(otherFields);
    }

    /** The typed status ({@code additionalInfo.latestTransactionStatus}); {@code PAID} for a payment. */
    public VirtualAccountStatus status() {
        return VirtualAccountStatus.fromCode(additionalInfo == null ? null : additionalInfo.latestTransactionStatus());
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents; any other is in {@code otherFields}.
     */
    public record AdditionalInfo(@JsonProperty("tXidVA") String tXidVA,
                                 @JsonProperty("bankCd") String bankCd,
                                 @JsonProperty("totalAmount") Amount totalAmount,
                                 @JsonProperty("latestTransactionStatus") String latestTransactionStatus,
                                 @JsonProperty("transactionStatusDesc") String transactionStatusDesc,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /** Copies the collections: the value is immutable. */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
        }
    }
}
