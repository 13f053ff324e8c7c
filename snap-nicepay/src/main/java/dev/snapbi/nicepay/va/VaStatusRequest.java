package dev.snapbi.nicepay.va;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * A VA status inquiry (NICEPAY {@code POST /api/v1.0/transfer-va/status}, service 26): finds the virtual account
 * by {@code virtualAccountNo}, {@code additionalInfo.trxId} or {@code additionalInfo.tXidVA}.
 */
public record VaStatusRequest(@JsonProperty("partnerServiceId") String partnerServiceId,
                              @JsonProperty("customerNo") String customerNo,
                              @JsonProperty("virtualAccountNo") String virtualAccountNo,
                              @JsonProperty("inquiryRequestId") String inquiryRequestId,
                              @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public VaStatusRequest {
        RequestFields.virtualAccountNumber(partnerServiceId, customerNo, virtualAccountNo, "VA status request");
        RequestFields.maxLength(inquiryRequestId, 128, "VA status request", "inquiryRequestId");
        RequestFields.anyOf("VA status request", "virtualAccountNo, additionalInfo.trxId, additionalInfo.tXidVA",
                virtualAccountNo, additionalInfo == null ? null : additionalInfo.trxId(),
                additionalInfo == null ? null : additionalInfo.tXidVA());
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("totalAmount") Amount totalAmount,
                                 @JsonProperty("trxId") String trxId,
                                 @JsonProperty("tXidVA") String tXidVA,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
            RequestFields.maxLength(trxId, 40, "VA status request additionalInfo", "trxId");
            RequestFields.maxLength(tXidVA, 40, "VA status request additionalInfo", "tXidVA");
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private Amount totalAmount;
            private String trxId;
            private String tXidVA;
            private final ExtraFields otherFields = new ExtraFields("VA status request additionalInfo");

            private Builder() {
            }

            /** the amount of the virtual account. */
            public Builder totalAmount(Amount value) {
                this.totalAmount = value;
                return this;
            }

            /** your business reference (at most 40 characters). */
            public Builder trxId(String value) {
                this.trxId = value;
                return this;
            }

            /** NICEPAY's transaction id (at most 40 characters). */
            public Builder tXidVA(String value) {
                this.tXidVA = value;
                return this;
            }

            /** A field this version has no method for, sent as given (e.g. one NICEPAY adds later). */
            public Builder put(String name, Object value) {
                otherFields.put(name, value);
                return this;
            }

            /**
             * The value.
             *
             * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
             */
            public AdditionalInfo build() {
                return new AdditionalInfo(totalAmount, trxId, tXidVA, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link VaStatusRequest}. */
    public static final class Builder {
        private String partnerServiceId = "";
        private String customerNo = "";
        private String virtualAccountNo = "";
        private String inquiryRequestId = "";
        private AdditionalInfo additionalInfo;

        private Builder() {
        }

        /** the bank prefix (at most 20 characters; default empty). */
        public Builder partnerServiceId(String value) {
            this.partnerServiceId = value;
            return this;
        }

        /** the customer number (at most 20 characters; default empty). */
        public Builder customerNo(String value) {
            this.customerNo = value;
            return this;
        }

        /** the virtual account number (at most 28 characters; default empty). */
        public Builder virtualAccountNo(String value) {
            this.virtualAccountNo = value;
            return this;
        }

        /** your id of this inquiry (at most 128 characters; default empty). */
        public Builder inquiryRequestId(String value) {
            this.inquiryRequestId = value;
            return this;
        }

        /** the transaction to look up. */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public VaStatusRequest build() {
            return new VaStatusRequest(partnerServiceId, customerNo, virtualAccountNo, inquiryRequestId, additionalInfo);
        }
    }
}
