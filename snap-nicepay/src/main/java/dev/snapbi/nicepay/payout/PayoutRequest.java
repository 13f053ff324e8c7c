package dev.snapbi.nicepay.payout;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;



/**
 * Names a registered payout for approve, cancel or reject (NICEPAY {@code
 * /api/v1.0/transfer/approve|cancel|reject}): by NICEPAY's {@code originalReferenceNo} or your {@code
 * originalPartnerReferenceNo}. Money-moving.
 */
public record PayoutRequest(@JsonProperty("merchantId") String merchantId,
                            @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                            @JsonProperty("originalReferenceNo") String originalReferenceNo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public PayoutRequest {
        RequestFields.merchantId(merchantId, "payout request");
        RequestFields.originalTransaction(originalReferenceNo, originalPartnerReferenceNo, "payout request");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PayoutRequest}. */
    public static final class Builder {
        private String merchantId;
        private String originalPartnerReferenceNo = "";
        private String originalReferenceNo = "";

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

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public PayoutRequest build() {
            return new PayoutRequest(merchantId, originalPartnerReferenceNo, originalReferenceNo);
        }
    }
}
