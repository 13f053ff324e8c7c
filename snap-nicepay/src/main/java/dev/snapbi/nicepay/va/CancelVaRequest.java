package dev.snapbi.nicepay.va;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * A virtual account to cancel (NICEPAY {@code DELETE /api/v1.0/transfer-va/delete-va} with a JSON body, service
 * 31); only an unpaid one can be. Money-moving: {@code trxId} is the business reference.
 */
public record CancelVaRequest(@JsonProperty("partnerServiceId") String partnerServiceId,
                              @JsonProperty("customerNo") String customerNo,
                              @JsonProperty("virtualAccountNo") String virtualAccountNo,
                              @JsonProperty("trxId") String trxId,
                              @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public CancelVaRequest {
        RequestFields.virtualAccountNumber(partnerServiceId, customerNo, virtualAccountNo, "VA cancel request");
        RequestFields.required(trxId, 40, "VA cancel request", "trxId");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("totalAmount") Amount totalAmount,
                                 @JsonProperty("tXidVA") String tXidVA,
                                 @JsonProperty("cancelMessage") String cancelMessage,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
            RequestFields.maxLength(tXidVA, 40, "VA cancel request additionalInfo", "tXidVA");
            RequestFields.maxLength(cancelMessage, 255, "VA cancel request additionalInfo", "cancelMessage");
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private Amount totalAmount;
            private String tXidVA;
            private String cancelMessage;
            private final ExtraFields otherFields = new ExtraFields("VA cancel request additionalInfo");

            private Builder() {
            }

            /** the amount of the virtual account. */
            public Builder totalAmount(Amount value) {
                this.totalAmount = value;
                return this;
            }

            /** NICEPAY's transaction id (at most 40 characters). */
            public Builder tXidVA(String value) {
                this.tXidVA = value;
                return this;
            }

            /** why it is cancelled (at most 255 characters). */
            public Builder cancelMessage(String value) {
                this.cancelMessage = value;
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
                return new AdditionalInfo(totalAmount, tXidVA, cancelMessage, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link CancelVaRequest}. */
    public static final class Builder {
        private String partnerServiceId = "";
        private String customerNo = "";
        private String virtualAccountNo = "";
        private String trxId;
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

        /** your business reference of the virtual account (mandatory; at most 40 characters). */
        public Builder trxId(String value) {
            this.trxId = value;
            return this;
        }

        /** NICEPAY's id, the amount and why. */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public CancelVaRequest build() {
            return new CancelVaRequest(partnerServiceId, customerNo, virtualAccountNo, trxId, additionalInfo);
        }
    }
}
