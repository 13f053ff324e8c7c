package dev.snapbi.nicepay.qris;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.Map;

/**
 * A QRIS (MPM) payment to create (NICEPAY {@code POST /api/v1.0/qr/qr-mpm-generate}, service 47). Money-moving:
 * {@code partnerReferenceNo} is your business reference; {@code merchantId} defaults to the client key.
 */
public record QrisGenerateRequest(@JsonProperty("merchantId") String merchantId,
                                  @JsonProperty("partnerReferenceNo") String partnerReferenceNo,
                                  @JsonProperty("storeId") String storeId,
                                  @JsonProperty("validityPeriod") String validityPeriod,
                                  @JsonProperty("amount") Amount amount,
                                  @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public QrisGenerateRequest {
        RequestFields.merchantId(merchantId, "QRIS generate request");
        RequestFields.required(partnerReferenceNo, 40, "QRIS generate request", "partnerReferenceNo");
        RequestFields.maxLength(storeId, 32, "QRIS generate request", "storeId");
        RequestFields.maxLength(validityPeriod, 32, "QRIS generate request", "validityPeriod");
        RequestFields.required(amount, "QRIS generate request", "amount");
        RequestFields.required(additionalInfo, "QRIS generate request", "additionalInfo");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("goodsNm") String goodsNm,
                                 @JsonProperty("billingNm") String billingNm,
                                 @JsonProperty("billingPhone") String billingPhone,
                                 @JsonProperty("billingEmail") String billingEmail,
                                 @JsonProperty("billingCity") String billingCity,
                                 @JsonProperty("billingState") String billingState,
                                 @JsonProperty("billingPostCd") String billingPostCd,
                                 @JsonProperty("billingCountry") String billingCountry,
                                 @JsonProperty("callBackUrl") String callBackUrl,
                                 @JsonProperty("dbProcessUrl") String dbProcessUrl,
                                 @JsonProperty("billingAddr") String billingAddr,
                                 @JsonProperty("userIP") String userIP,
                                 @JsonProperty("cartData") String cartData,
                                 @JsonProperty("mitraCd") String mitraCd,
                                 @JsonProperty("msId") String msId,
                                 @JsonProperty("msfee") String msfee,
                                 @JsonProperty("msfeetype") String msfeetype,
                                 @JsonProperty("mbfee") String mbfee,
                                 @JsonProperty("mbfeetype") String mbfeetype,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
            RequestFields.required(goodsNm, 255, "QRIS generate request additionalInfo", "goodsNm");
            RequestFields.maxLength(billingNm, 50, "QRIS generate request additionalInfo", "billingNm");
            RequestFields.maxLength(billingPhone, 20, "QRIS generate request additionalInfo", "billingPhone");
            RequestFields.maxLength(billingEmail, 50, "QRIS generate request additionalInfo", "billingEmail");
            RequestFields.maxLength(callBackUrl, 255, "QRIS generate request additionalInfo", "callBackUrl");
            RequestFields.maxLength(dbProcessUrl, 255, "QRIS generate request additionalInfo", "dbProcessUrl");
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private String goodsNm;
            private String billingNm;
            private String billingPhone;
            private String billingEmail;
            private String billingCity;
            private String billingState;
            private String billingPostCd;
            private String billingCountry;
            private String callBackUrl;
            private String dbProcessUrl;
            private String billingAddr;
            private String userIP;
            private String cartData;
            private String mitraCd = "QSHP";
            private String msId;
            private String msfee;
            private String msfeetype;
            private String mbfee;
            private String mbfeetype;
            private final ExtraFields otherFields = new ExtraFields("QRIS generate request additionalInfo");

            private Builder() {
            }

            /** what is paid for (mandatory; at most 255 characters). */
            public Builder goodsNm(String value) {
                this.goodsNm = value;
                return this;
            }

            /** the payer's name (at most 50 characters). */
            public Builder billingNm(String value) {
                this.billingNm = value;
                return this;
            }

            /** the payer's phone (at most 20 characters). */
            public Builder billingPhone(String value) {
                this.billingPhone = value;
                return this;
            }

            /** the payer's e-mail (at most 50 characters). */
            public Builder billingEmail(String value) {
                this.billingEmail = value;
                return this;
            }

            /** the payer's city. */
            public Builder billingCity(String value) {
                this.billingCity = value;
                return this;
            }

            /** the payer's state. */
            public Builder billingState(String value) {
                this.billingState = value;
                return this;
            }

            /** the payer's postal code. */
            public Builder billingPostCd(String value) {
                this.billingPostCd = value;
                return this;
            }

            /** the payer's country. */
            public Builder billingCountry(String value) {
                this.billingCountry = value;
                return this;
            }

            /** where the payer returns (at most 255 characters). */
            public Builder callBackUrl(String value) {
                this.callBackUrl = value;
                return this;
            }

            /** where NICEPAY sends the payment notification (at most 255 characters). */
            public Builder dbProcessUrl(String value) {
                this.dbProcessUrl = value;
                return this;
            }

            /** the payer's address. */
            public Builder billingAddr(String value) {
                this.billingAddr = value;
                return this;
            }

            /** the payer's IP address. */
            public Builder userIP(String value) {
                this.userIP = value;
                return this;
            }

            /** the cart, as NICEPAY wants it. */
            public Builder cartData(String value) {
                this.cartData = value;
                return this;
            }

            /** the QRIS acquirer (default {@code QSHP}). */
            public Builder mitraCd(String value) {
                this.mitraCd = value;
                return this;
            }

            /** the sub-merchant id. */
            public Builder msId(String value) {
                this.msId = value;
                return this;
            }

            /** the sub-merchant fee (NICEPAY spells it in lower case here). */
            public Builder msfee(String value) {
                this.msfee = value;
                return this;
            }

            /** the sub-merchant fee type. */
            public Builder msfeetype(String value) {
                this.msfeetype = value;
                return this;
            }

            /** the bank fee. */
            public Builder mbfee(String value) {
                this.mbfee = value;
                return this;
            }

            /** the bank fee type. */
            public Builder mbfeetype(String value) {
                this.mbfeetype = value;
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
                return new AdditionalInfo(goodsNm, billingNm, billingPhone, billingEmail, billingCity, billingState, billingPostCd, billingCountry, callBackUrl, dbProcessUrl, billingAddr, userIP, cartData, mitraCd, msId, msfee, msfeetype, mbfee, mbfeetype, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link QrisGenerateRequest}. */
    public static final class Builder {
        private String merchantId;
        private String partnerReferenceNo;
        private String storeId = "";
        private String validityPeriod = "";
        private Amount amount;
        private AdditionalInfo additionalInfo;

        private Builder() {
        }

        /** the merchant id; default the client key (at most 32 characters). */
        public Builder merchantId(String value) {
            this.merchantId = value;
            return this;
        }

        /** your business reference for this payment (mandatory; at most 40 characters). */
        public Builder partnerReferenceNo(String value) {
            this.partnerReferenceNo = value;
            return this;
        }

        /** the store id (at most 32 characters; default empty). */
        public Builder storeId(String value) {
            this.storeId = value;
            return this;
        }

        /** until when the QR code is valid (at most 32 characters; default empty). */
        public Builder validityPeriod(String value) {
            this.validityPeriod = value;
            return this;
        }

        /** the amount to pay (mandatory). */
        public Builder amount(Amount value) {
            this.amount = value;
            return this;
        }

        /** goods, billing and notification URL (mandatory). */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public QrisGenerateRequest build() {
            return new QrisGenerateRequest(merchantId, partnerReferenceNo, storeId, validityPeriod, amount, additionalInfo);
        }
    }
}
