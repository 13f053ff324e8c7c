package dev.snapbi.nicepay.qris;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;

import java.util.Map;

/**
 * A QRIS status inquiry (NICEPAY {@code POST /api/v1.0/qr/qr-mpm-query}, service 51), by NICEPAY's {@code
 * originalReferenceNo} or your {@code originalPartnerReferenceNo}.
 */
public record QrisStatusRequest(@JsonProperty("merchantId") String merchantId,
                                @JsonProperty("externalStoreId") String externalStoreId,
                                @JsonProperty("originalReferenceNo") String originalReferenceNo,
                                @JsonProperty("originalPartnerReferenceNo") String originalPartnerReferenceNo,
                                @JsonProperty("serviceCode") String serviceCode,
                                @JsonProperty("additionalInfo") Map<String, Object> additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public QrisStatusRequest {
        additionalInfo = RequestFields.copy(additionalInfo);
        RequestFields.merchantId(merchantId, "QRIS status request");
        RequestFields.originalTransaction(originalReferenceNo, originalPartnerReferenceNo, "QRIS status request");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link QrisStatusRequest}. */
    public static final class Builder {
        private String merchantId;
        private String externalStoreId = "";
        private String originalReferenceNo = "";
        private String originalPartnerReferenceNo = "";
        private String serviceCode = "47";
        private Map<String, Object> additionalInfo = Map.of();

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

        /** NICEPAY's reference (at most 40 characters; default empty). */
        public Builder originalReferenceNo(String value) {
            this.originalReferenceNo = value;
            return this;
        }

        /** your business reference (at most 40 characters; default empty). */
        public Builder originalPartnerReferenceNo(String value) {
            this.originalPartnerReferenceNo = value;
            return this;
        }

        /** the service of the payment (default {@code 47}). */
        public Builder serviceCode(String value) {
            this.serviceCode = value;
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
        public QrisStatusRequest build() {
            return new QrisStatusRequest(merchantId, externalStoreId, originalReferenceNo, originalPartnerReferenceNo, serviceCode, additionalInfo);
        }
    }
}
