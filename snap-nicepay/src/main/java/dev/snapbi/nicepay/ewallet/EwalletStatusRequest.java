package dev.snapbi.nicepay.ewallet;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * An e-wallet status inquiry (NICEPAY {@code POST /api/v1.0/debit/status}, service 55), by NICEPAY's {@code
 * originalReferenceNo} or your {@code originalPartnerReferenceNo}.
 */
public record EwalletStatusRequest(@JsonProperty("merchantId") String merchantId,
                                   @JsonProperty("subMerchantId") String subMerchantId,
                                   @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                   @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                   @JsonProperty("serviceCode") String serviceCode,
                                   @JsonProperty("transactionDate") String transactionDate,
                                   @JsonProperty("amount") Amount amount,
                                   @JsonProperty("additionalInfo") Map<String, Object> additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public EwalletStatusRequest {
        additionalInfo = RequestFields.copy(additionalInfo);
        RequestFields.merchantId(merchantId, "e-wallet status request");
        RequestFields.originalTransaction(originalReferenceNo, originalPartnerReferenceNo, "e-wallet status request");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link EwalletStatusRequest}. */
    public static final class Builder {
        private String merchantId;
        private String subMerchantId = "";
        private String originalPartnerReferenceNo = "";
        private String originalReferenceNo = "";
        private String serviceCode = "54";
        private String transactionDate = "";
        private Amount amount;
        private Map<String, Object> additionalInfo = Map.of();

        private Builder() {
        }

        /** the merchant id; default the client key (at most 32 characters). */
        public Builder merchantId(String value) {
            this.merchantId = value;
            return this;
        }

        /** the sub-merchant id (default empty). */
        public Builder subMerchantId(String value) {
            this.subMerchantId = value;
            return this;
        }

        /** your business reference (at most 40 characters; default empty). */
        public Builder originalPartnerReferenceNo(String value) {
            this.originalPartnerReferenceNo = value;
            return this;
        }

        /** NICEPAY's reference (at most 40 characters; default empty). */
        public Builder originalReferenceNo(String value) {
            this.originalReferenceNo = value;
            return this;
        }

        /** the service of the payment (default {@code 54}). */
        public Builder serviceCode(String value) {
            this.serviceCode = value;
            return this;
        }

        /** when the payment was made (default empty). */
        public Builder transactionDate(String value) {
            this.transactionDate = value;
            return this;
        }

        /** the amount of the payment. */
        public Builder amount(Amount value) {
            this.amount = value;
            return this;
        }

        /** more fields, as NICEPAY documents them (default {@code Map.of()}). */
        public Builder additionalInfo(Map<String, Object> value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public EwalletStatusRequest build() {
            return new EwalletStatusRequest(merchantId, subMerchantId, originalPartnerReferenceNo, originalReferenceNo, serviceCode, transactionDate, amount, additionalInfo);
        }
    }
}
