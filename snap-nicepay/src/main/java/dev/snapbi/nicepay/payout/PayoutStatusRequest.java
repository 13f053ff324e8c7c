package dev.snapbi.nicepay.payout;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;



/**
 * A payout status inquiry (NICEPAY {@code POST /api/v1.0/transfer/inquiry}), by NICEPAY's {@code
 * originalReferenceNo} or your {@code originalPartnerReferenceNo}.
 */
public record PayoutStatusRequest(@JsonProperty("merchantId") String merchantId,
                                  @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                  @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                  @JsonProperty("beneficiaryAccountNo") String beneficiaryAccountNo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public PayoutStatusRequest {
        RequestFields.merchantId(merchantId, "payout status request");
        RequestFields.originalTransaction(originalReferenceNo, originalPartnerReferenceNo, "payout status request");
        RequestFields.maxLength(beneficiaryAccountNo, 40, "payout status request", "beneficiaryAccountNo");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PayoutStatusRequest}. */
    public static final class Builder {
        private String merchantId;
        private String originalPartnerReferenceNo = "";
        private String originalReferenceNo = "";
        private String beneficiaryAccountNo = "";

        private Builder() {
        }

        /** the merchant id; default the client key (at most 32 characters). */
        public Builder merchantId(String value) {
            this.merchantId = value;
            return this;
        }

        /** your business reference of the payout (at most 40 characters; default empty). */
        public Builder originalPartnerReferenceNo(String value) {
            this.originalPartnerReferenceNo = value;
            return this;
        }

        /** NICEPAY's reference of the payout (at most 40 characters; default empty). */
        public Builder originalReferenceNo(String value) {
            this.originalReferenceNo = value;
            return this;
        }

        /** the beneficiary's account number (at most 40 characters; default empty). */
        public Builder beneficiaryAccountNo(String value) {
            this.beneficiaryAccountNo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public PayoutStatusRequest build() {
            return new PayoutStatusRequest(merchantId, originalPartnerReferenceNo, originalReferenceNo, beneficiaryAccountNo);
        }
    }
}
