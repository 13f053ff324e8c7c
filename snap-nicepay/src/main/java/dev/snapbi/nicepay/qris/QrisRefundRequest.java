package dev.snapbi.nicepay.qris;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;
import dev.snapbi.nicepay.model.Amount;

import java.util.List;
import java.util.Map;

/**
 * A refund of a paid QRIS payment (NICEPAY {@code POST /api/v1.0/qr/qr-mpm-refund}, service 78), never above the
 * paid amount. Money-moving: {@code partnerRefundNo} is your business reference.
 */
public record QrisRefundRequest(@JsonProperty("merchantId") String merchantId,
                                @JsonProperty("externalStoreId") String externalStoreId,
                                @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                @JsonProperty("partnerRefundNo") String partnerRefundNo,
                                @JsonProperty("refundAmount") Amount refundAmount,
                                @JsonProperty("reason") String reason,
                                @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public QrisRefundRequest {
        RequestFields.merchantId(merchantId, "QRIS refund request");
        RequestFields.originalTransaction(originalReferenceNo, originalPartnerReferenceNo, "QRIS refund request");
        RequestFields.refund(partnerRefundNo, refundAmount, reason, "QRIS refund request");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("cancelType") String cancelType,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
            RequestFields.oneOf(cancelType, List.of("1", "2"), "QRIS refund request additionalInfo", "cancelType");
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private String cancelType = "1";
            private final ExtraFields otherFields = new ExtraFields("QRIS refund request additionalInfo");

            private Builder() {
            }

            /** 1 full, 2 partial (one of {@code 1}, {@code 2}; default {@code 1}). */
            public Builder cancelType(String value) {
                this.cancelType = value;
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
                return new AdditionalInfo(cancelType, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link QrisRefundRequest}. */
    public static final class Builder {
        private String merchantId;
        private String externalStoreId = "";
        private String originalReferenceNo = "";
        private String originalPartnerReferenceNo = "";
        private String partnerRefundNo;
        private Amount refundAmount;
        private String reason = "";
        private AdditionalInfo additionalInfo;

        private Builder() {
        }

        /** the merchant id; default the client key (at most 32 characters). */
        public Builder merchantId(String value) {
            this.merchantId = value;
            return this;
        }

        /** the store id (default empty). */
        public Builder externalStoreId(String value) {
            this.externalStoreId = value;
            return this;
        }

        /** NICEPAY's reference of the payment (at most 40 characters; default empty). */
        public Builder originalReferenceNo(String value) {
            this.originalReferenceNo = value;
            return this;
        }

        /** your business reference of the payment (at most 40 characters; default empty). */
        public Builder originalPartnerReferenceNo(String value) {
            this.originalPartnerReferenceNo = value;
            return this;
        }

        /** your business reference for this refund (mandatory; at most 40 characters). */
        public Builder partnerRefundNo(String value) {
            this.partnerRefundNo = value;
            return this;
        }

        /** the amount to refund (mandatory). */
        public Builder refundAmount(Amount value) {
            this.refundAmount = value;
            return this;
        }

        /** why (at most 255 characters; default empty). */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /** the kind of refund. */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public QrisRefundRequest build() {
            return new QrisRefundRequest(merchantId, externalStoreId, originalReferenceNo, originalPartnerReferenceNo, partnerRefundNo, refundAmount, reason, additionalInfo);
        }
    }
}
