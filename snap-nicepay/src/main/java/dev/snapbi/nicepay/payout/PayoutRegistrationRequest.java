package dev.snapbi.nicepay.payout;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.List;
import java.util.Map;

/**
 * A payout to register (NICEPAY {@code POST /api/v1.0/transfer/registration}); it waits for {@link
 * PayoutService#approve}. Money-moving: {@code partnerReferenceNo} is your business reference; {@code
 * merchantId} defaults to the client key.
 */
public record PayoutRegistrationRequest(@JsonProperty("merchantId") String merchantId,
                                        @JsonProperty("msId") String msId,
                                        @JsonProperty("partnerReferenceNo") String partnerReferenceNo,
                                        @JsonProperty("beneficiaryAccountNo") String beneficiaryAccountNo,
                                        @JsonProperty("beneficiaryName") String beneficiaryName,
                                        @JsonProperty("beneficiaryBankCode") String beneficiaryBankCode,
                                        @JsonProperty("beneficiaryPhone") String beneficiaryPhone,
                                        @JsonProperty("beneficiaryCustomerResidence") String beneficiaryCustomerResidence,
                                        @JsonProperty("beneficiaryCustomerType") String beneficiaryCustomerType,
                                        @JsonProperty("beneficiaryPostalCode") String beneficiaryPostalCode,
                                        @JsonProperty("beneficiaryPOE") String beneficiaryPOE,
                                        @JsonProperty("beneficiaryDOE") String beneficiaryDOE,
                                        @JsonProperty("beneficiaryCoNo") String beneficiaryCoNo,
                                        @JsonProperty("beneficiaryAddress") String beneficiaryAddress,
                                        @JsonProperty("beneficiaryAuthPhoneNumber") String beneficiaryAuthPhoneNumber,
                                        @JsonProperty("beneficiaryMerCategory") String beneficiaryMerCategory,
                                        @JsonProperty("beneficiaryCoMgmtName") String beneficiaryCoMgmtName,
                                        @JsonProperty("beneficiaryCoShName") String beneficiaryCoShName,
                                        @JsonProperty("payoutMethod") String payoutMethod,
                                        @JsonProperty("reservedDt") String reservedDt,
                                        @JsonProperty("reservedTm") String reservedTm,
                                        @JsonProperty("deliveryId") String deliveryId,
                                        @JsonProperty("deliveryNm") String deliveryNm,
                                        @JsonProperty("amount") Amount amount,
                                        @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public PayoutRegistrationRequest {
        otherFields = RequestFields.copy(otherFields);
        RequestFields.merchantId(merchantId, "payout registration request");
        RequestFields.required(partnerReferenceNo, 40, "payout registration request", "partnerReferenceNo");
        RequestFields.required(beneficiaryAccountNo, 40, "payout registration request", "beneficiaryAccountNo");
        RequestFields.digits(beneficiaryAccountNo, "payout registration request", "beneficiaryAccountNo");
        RequestFields.required(beneficiaryName, 100, "payout registration request", "beneficiaryName");
        RequestFields.required(beneficiaryBankCode, 8, "payout registration request", "beneficiaryBankCode");
        RequestFields.oneOf(payoutMethod, List.of("0", "1", "2", "3", "4"), "payout registration request",
                "payoutMethod");
        RequestFields.maxLength(reservedDt, 8, "payout registration request", "reservedDt");
        RequestFields.digits(reservedDt, "payout registration request", "reservedDt");
        RequestFields.maxLength(reservedTm, 6, "payout registration request", "reservedTm");
        RequestFields.digits(reservedTm, "payout registration request", "reservedTm");
        RequestFields.required(amount, "payout registration request", "amount");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PayoutRegistrationRequest}. */
    public static final class Builder {
        private String merchantId;
        private String msId = "";
        private String partnerReferenceNo;
        private String beneficiaryAccountNo;
        private String beneficiaryName;
        private String beneficiaryBankCode;
        private String beneficiaryPhone = "";
        private String beneficiaryCustomerResidence = "";
        private String beneficiaryCustomerType = "";
        private String beneficiaryPostalCode = "";
        private String beneficiaryPOE = "";
        private String beneficiaryDOE = "";
        private String beneficiaryCoNo = "";
        private String beneficiaryAddress = "";
        private String beneficiaryAuthPhoneNumber = "";
        private String beneficiaryMerCategory = "";
        private String beneficiaryCoMgmtName = "";
        private String beneficiaryCoShName = "";
        private String payoutMethod = "0";
        private String reservedDt = "";
        private String reservedTm = "";
        private String deliveryId = "";
        private String deliveryNm = "";
        private Amount amount;
        private final ExtraFields otherFields = new ExtraFields("payout registration request");

        private Builder() {
        }

        /** the merchant id; default the client key (at most 32 characters). */
        public Builder merchantId(String value) {
            this.merchantId = value;
            return this;
        }

        /** the sub-merchant id (default empty). */
        public Builder msId(String value) {
            this.msId = value;
            return this;
        }

        /** your business reference for this payout (mandatory; at most 40 characters). */
        public Builder partnerReferenceNo(String value) {
            this.partnerReferenceNo = value;
            return this;
        }

        /** the beneficiary's account number (mandatory; at most 40 characters). */
        public Builder beneficiaryAccountNo(String value) {
            this.beneficiaryAccountNo = value;
            return this;
        }

        /** the beneficiary's name (mandatory; at most 100 characters). */
        public Builder beneficiaryName(String value) {
            this.beneficiaryName = value;
            return this;
        }

        /** the beneficiary's bank code (mandatory; at most 8 characters). */
        public Builder beneficiaryBankCode(String value) {
            this.beneficiaryBankCode = value;
            return this;
        }

        /** {@code beneficiaryPhone} (default empty). */
        public Builder beneficiaryPhone(String value) {
            this.beneficiaryPhone = value;
            return this;
        }

        /** {@code beneficiaryCustomerResidence} (default empty). */
        public Builder beneficiaryCustomerResidence(String value) {
            this.beneficiaryCustomerResidence = value;
            return this;
        }

        /** {@code beneficiaryCustomerType} (default empty). */
        public Builder beneficiaryCustomerType(String value) {
            this.beneficiaryCustomerType = value;
            return this;
        }

        /** {@code beneficiaryPostalCode} (default empty). */
        public Builder beneficiaryPostalCode(String value) {
            this.beneficiaryPostalCode = value;
            return this;
        }

        /** {@code beneficiaryPOE} (default empty). */
        public Builder beneficiaryPOE(String value) {
            this.beneficiaryPOE = value;
            return this;
        }

        /** {@code beneficiaryDOE} (default empty). */
        public Builder beneficiaryDOE(String value) {
            this.beneficiaryDOE = value;
            return this;
        }

        /** {@code beneficiaryCoNo} (default empty). */
        public Builder beneficiaryCoNo(String value) {
            this.beneficiaryCoNo = value;
            return this;
        }

        /** {@code beneficiaryAddress} (default empty). */
        public Builder beneficiaryAddress(String value) {
            this.beneficiaryAddress = value;
            return this;
        }

        /** {@code beneficiaryAuthPhoneNumber} (default empty). */
        public Builder beneficiaryAuthPhoneNumber(String value) {
            this.beneficiaryAuthPhoneNumber = value;
            return this;
        }

        /** {@code beneficiaryMerCategory} (default empty). */
        public Builder beneficiaryMerCategory(String value) {
            this.beneficiaryMerCategory = value;
            return this;
        }

        /** {@code beneficiaryCoMgmtName} (default empty). */
        public Builder beneficiaryCoMgmtName(String value) {
            this.beneficiaryCoMgmtName = value;
            return this;
        }

        /** {@code beneficiaryCoShName} (default empty). */
        public Builder beneficiaryCoShName(String value) {
            this.beneficiaryCoShName = value;
            return this;
        }

        /** 0 overbooking, 1 online, 2 SKN, 3 RTGS, 4 cash-out (one of {@code 0}, {@code 1}, {@code 2}, {@code 3}, {@code 4}; default {@code 0}). */
        public Builder payoutMethod(String value) {
            this.payoutMethod = value;
            return this;
        }

        /** the day to pay out, {@code yyyyMMdd} (at most 8 characters; default empty). */
        public Builder reservedDt(String value) {
            this.reservedDt = value;
            return this;
        }

        /** the time to pay out, {@code HHmmss} (at most 6 characters; default empty). */
        public Builder reservedTm(String value) {
            this.reservedTm = value;
            return this;
        }

        /** {@code deliveryId} (default empty). */
        public Builder deliveryId(String value) {
            this.deliveryId = value;
            return this;
        }

        /** {@code deliveryNm} (default empty). */
        public Builder deliveryNm(String value) {
            this.deliveryNm = value;
            return this;
        }

        /** the amount to pay out (mandatory). */
        public Builder amount(Amount value) {
            this.amount = value;
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
        public PayoutRegistrationRequest build() {
            return new PayoutRegistrationRequest(merchantId, msId, partnerReferenceNo, beneficiaryAccountNo, beneficiaryName, beneficiaryBankCode, beneficiaryPhone, beneficiaryCustomerResidence, beneficiaryCustomerType, beneficiaryPostalCode, beneficiaryPOE, beneficiaryDOE, beneficiaryCoNo, beneficiaryAddress, beneficiaryAuthPhoneNumber, beneficiaryMerCategory, beneficiaryCoMgmtName, beneficiaryCoShName, payoutMethod, reservedDt, reservedTm, deliveryId, deliveryNm, amount, otherFields.asMap());
        }
    }
}
