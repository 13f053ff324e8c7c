package dev.snapbi.nicepay.va;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * A virtual account to create (NICEPAY {@code POST /api/v1.0/transfer-va/create-va}, service 27). Money-moving:
 * {@code trxId} is your business reference, never regenerated; reconcile an unknown outcome with {@link
 * VirtualAccountService#status}.
 */
public record CreateVaRequest(@JsonProperty("partnerServiceId") String partnerServiceId,
                              @JsonProperty("customerNo") String customerNo,
                              @JsonProperty("virtualAccountNo") String virtualAccountNo,
                              @JsonProperty("virtualAccountName") String virtualAccountName,
                              @JsonProperty("trxId") String trxId,
                              @JsonProperty("totalAmount") Amount totalAmount,
                              @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public CreateVaRequest {
        RequestFields.virtualAccountNumber(partnerServiceId, customerNo, virtualAccountNo, "VA create request");
        RequestFields.required(virtualAccountName, 255, "VA create request", "virtualAccountName");
        RequestFields.required(trxId, 40, "VA create request", "trxId");
        RequestFields.required(totalAmount, "VA create request", "totalAmount");
        RequestFields.required(additionalInfo, "VA create request", "additionalInfo");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("bankCd") String bankCd,
                                 @JsonProperty("goodsNm") String goodsNm,
                                 @JsonProperty("dbProcessUrl") String dbProcessUrl,
                                 @JsonProperty("vacctValidDt") String vacctValidDt,
                                 @JsonProperty("vacctValidTm") String vacctValidTm,
                                 @JsonProperty("msId") String msId,
                                 @JsonProperty("msFee") String msFee,
                                 @JsonProperty("msFeeType") String msFeeType,
                                 @JsonProperty("mbFee") String mbFee,
                                 @JsonProperty("mbFeeType") String mbFeeType,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
            RequestFields.required(bankCd, 4, "VA create request additionalInfo", "bankCd");
            RequestFields.required(goodsNm, 255, "VA create request additionalInfo", "goodsNm");
            RequestFields.required(dbProcessUrl, 255, "VA create request additionalInfo", "dbProcessUrl");
            RequestFields.maxLength(vacctValidDt, 8, "VA create request additionalInfo", "vacctValidDt");
            RequestFields.digits(vacctValidDt, "VA create request additionalInfo", "vacctValidDt");
            RequestFields.maxLength(vacctValidTm, 6, "VA create request additionalInfo", "vacctValidTm");
            RequestFields.digits(vacctValidTm, "VA create request additionalInfo", "vacctValidTm");
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private String bankCd;
            private String goodsNm;
            private String dbProcessUrl;
            private String vacctValidDt = "";
            private String vacctValidTm = "";
            private String msId = "";
            private String msFee = "";
            private String msFeeType = "";
            private String mbFee = "";
            private String mbFeeType = "";
            private final ExtraFields otherFields = new ExtraFields("VA create request additionalInfo");

            private Builder() {
            }

            /** the bank code, e.g. {@code BMRI} (mandatory; at most 4 characters). */
            public Builder bankCd(String value) {
                this.bankCd = value;
                return this;
            }

            /** what is paid for (mandatory; at most 255 characters). */
            public Builder goodsNm(String value) {
                this.goodsNm = value;
                return this;
            }

            /** where NICEPAY sends the payment notification (mandatory; at most 255 characters). */
            public Builder dbProcessUrl(String value) {
                this.dbProcessUrl = value;
                return this;
            }

            /** last valid day, {@code yyyyMMdd} (at most 8 characters; default empty). */
            public Builder vacctValidDt(String value) {
                this.vacctValidDt = value;
                return this;
            }

            /** last valid time, {@code HHmmss} (at most 6 characters; default empty). */
            public Builder vacctValidTm(String value) {
                this.vacctValidTm = value;
                return this;
            }

            /** the sub-merchant id (default empty). */
            public Builder msId(String value) {
                this.msId = value;
                return this;
            }

            /** the sub-merchant fee (default empty). */
            public Builder msFee(String value) {
                this.msFee = value;
                return this;
            }

            /** the sub-merchant fee type (default empty). */
            public Builder msFeeType(String value) {
                this.msFeeType = value;
                return this;
            }

            /** the bank fee (default empty). */
            public Builder mbFee(String value) {
                this.mbFee = value;
                return this;
            }

            /** the bank fee type (default empty). */
            public Builder mbFeeType(String value) {
                this.mbFeeType = value;
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
                return new AdditionalInfo(bankCd, goodsNm, dbProcessUrl, vacctValidDt, vacctValidTm, msId, msFee, msFeeType, mbFee, mbFeeType, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link CreateVaRequest}. */
    public static final class Builder {
        private String partnerServiceId = "";
        private String customerNo = "";
        private String virtualAccountNo = "";
        private String virtualAccountName;
        private String trxId;
        private Amount totalAmount;
        private AdditionalInfo additionalInfo;

        private Builder() {
        }

        /** the bank prefix ({@code partnerServiceId}) (at most 20 characters; default empty). */
        public Builder partnerServiceId(String value) {
            this.partnerServiceId = value;
            return this;
        }

        /** the customer number (at most 20 characters; default empty). */
        public Builder customerNo(String value) {
            this.customerNo = value;
            return this;
        }

        /** a fixed virtual account number, or empty to let NICEPAY make one (at most 28 characters; default empty). */
        public Builder virtualAccountNo(String value) {
            this.virtualAccountNo = value;
            return this;
        }

        /** the name shown to the payer (mandatory; at most 255 characters). */
        public Builder virtualAccountName(String value) {
            this.virtualAccountName = value;
            return this;
        }

        /** your business reference for this payment (mandatory; at most 40 characters). */
        public Builder trxId(String value) {
            this.trxId = value;
            return this;
        }

        /** the amount to pay (mandatory). */
        public Builder totalAmount(Amount value) {
            this.totalAmount = value;
            return this;
        }

        /** the bank, goods and notification URL (mandatory). */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public CreateVaRequest build() {
            return new CreateVaRequest(partnerServiceId, customerNo, virtualAccountNo, virtualAccountName, trxId, totalAmount, additionalInfo);
        }
    }
}
