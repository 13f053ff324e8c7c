package dev.snapbi.nicepay.ewallet;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.List;
import java.util.Map;

/**
 * An e-wallet direct debit payment (NICEPAY {@code POST /api/v1.0/debit/payment-host-to-host}, service 54).
 * Money-moving: {@code partnerReferenceNo} is your business reference; {@code merchantId} defaults to the client
 * key.
 */
public record EwalletPaymentRequest(@JsonProperty("partnerReferenceNo") String partnerReferenceNo,
                                    @JsonProperty("merchantId") String merchantId,
                                    @JsonProperty("subMerchantId") String subMerchantId,
                                    @JsonProperty("externalStoreId") String externalStoreId,
                                    @JsonProperty("validUpTo") String validUpTo,
                                    @JsonProperty("pointOfInitiation") String pointOfInitiation,
                                    @JsonProperty("amount") Amount amount,
                                    @JsonProperty("urlParam") List<UrlParam> urlParam,
                                    @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public EwalletPaymentRequest {
        urlParam = RequestFields.copy(urlParam);
        RequestFields.required(partnerReferenceNo, 40, "e-wallet payment request", "partnerReferenceNo");
        RequestFields.merchantId(merchantId, "e-wallet payment request");
        RequestFields.maxLength(subMerchantId, 32, "e-wallet payment request", "subMerchantId");
        RequestFields.required(amount, "e-wallet payment request", "amount");
        RequestFields.required(additionalInfo, "e-wallet payment request", "additionalInfo");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("mitraCd") String mitraCd,
                                 @JsonProperty("goodsNm") String goodsNm,
                                 @JsonProperty("billingNm") String billingNm,
                                 @JsonProperty("billingPhone") String billingPhone,
                                 @JsonProperty("customerEmail") String customerEmail,
                                 @JsonProperty("cartData") String cartData,
                                 @JsonProperty("dbProcessUrl") String dbProcessUrl,
                                 @JsonProperty("callBackUrl") String callBackUrl,
                                 @JsonProperty("msId") String msId,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
            RequestFields.required(mitraCd, "e-wallet payment request additionalInfo", "mitraCd");
            RequestFields.oneOf(mitraCd, List.of("DANA", "OVOE", "ESHP", "LINK"),
                    "e-wallet payment request additionalInfo", "mitraCd");
            RequestFields.required(goodsNm, 255, "e-wallet payment request additionalInfo", "goodsNm");
            RequestFields.maxLength(billingNm, 50, "e-wallet payment request additionalInfo", "billingNm");
            RequestFields.maxLength(billingPhone, 20, "e-wallet payment request additionalInfo", "billingPhone");
            RequestFields.maxLength(customerEmail, 50, "e-wallet payment request additionalInfo", "customerEmail");
            RequestFields.maxLength(dbProcessUrl, 255, "e-wallet payment request additionalInfo", "dbProcessUrl");
            RequestFields.maxLength(callBackUrl, 255, "e-wallet payment request additionalInfo", "callBackUrl");
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private String mitraCd;
            private String goodsNm;
            private String billingNm;
            private String billingPhone;
            private String customerEmail;
            private String cartData;
            private String dbProcessUrl;
            private String callBackUrl;
            private String msId;
            private final ExtraFields otherFields = new ExtraFields("e-wallet payment request additionalInfo");

            private Builder() {
            }

            /** the e-wallet (mandatory; one of {@code DANA}, {@code OVOE}, {@code ESHP}, {@code LINK}). */
            public Builder mitraCd(String value) {
                this.mitraCd = value;
                return this;
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
            public Builder customerEmail(String value) {
                this.customerEmail = value;
                return this;
            }

            /** the cart, as NICEPAY wants it. */
            public Builder cartData(String value) {
                this.cartData = value;
                return this;
            }

            /** where NICEPAY sends the payment notification (at most 255 characters). */
            public Builder dbProcessUrl(String value) {
                this.dbProcessUrl = value;
                return this;
            }

            /** where the payer returns (at most 255 characters). */
            public Builder callBackUrl(String value) {
                this.callBackUrl = value;
                return this;
            }

            /** the sub-merchant id. */
            public Builder msId(String value) {
                this.msId = value;
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
                return new AdditionalInfo(mitraCd, goodsNm, billingNm, billingPhone, customerEmail, cartData, dbProcessUrl, callBackUrl, msId, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link EwalletPaymentRequest}. */
    public static final class Builder {
        private String partnerReferenceNo;
        private String merchantId;
        private String subMerchantId = "";
        private String externalStoreId = "";
        private String validUpTo = "";
        private String pointOfInitiation = "Mobile App";
        private Amount amount;
        private List<UrlParam> urlParam;
        private AdditionalInfo additionalInfo;

        private Builder() {
        }

        /** your business reference for this payment (mandatory; at most 40 characters). */
        public Builder partnerReferenceNo(String value) {
            this.partnerReferenceNo = value;
            return this;
        }

        /** the merchant id; default the client key (at most 32 characters). */
        public Builder merchantId(String value) {
            this.merchantId = value;
            return this;
        }

        /** the sub-merchant id (at most 32 characters; default empty). */
        public Builder subMerchantId(String value) {
            this.subMerchantId = value;
            return this;
        }

        /** the store id (default empty). */
        public Builder externalStoreId(String value) {
            this.externalStoreId = value;
            return this;
        }

        /** until when the payment can be made (default empty). */
        public Builder validUpTo(String value) {
            this.validUpTo = value;
            return this;
        }

        /** where the payment starts (default {@code Mobile App}). */
        public Builder pointOfInitiation(String value) {
            this.pointOfInitiation = value;
            return this;
        }

        /** the amount to pay (mandatory). */
        public Builder amount(Amount value) {
            this.amount = value;
            return this;
        }

        /** the notification and return URLs. */
        public Builder urlParam(List<UrlParam> value) {
            this.urlParam = value;
            return this;
        }

        /** the e-wallet, goods and payer (mandatory). */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public EwalletPaymentRequest build() {
            return new EwalletPaymentRequest(partnerReferenceNo, merchantId, subMerchantId, externalStoreId, validUpTo, pointOfInitiation, amount, urlParam, additionalInfo);
        }
    }
}
