package dev.snapbi.nicepay.balance;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.ExtraFields;
import dev.snapbi.nicepay.internal.RequestFields;

import java.util.Map;

/**
 * A balance inquiry (NICEPAY {@code POST /api/v1.0/balance-inquiry}, service 11); {@code accountNo} defaults to
 * the client key.
 */
public record BalanceInquiryRequest(@JsonProperty("accountNo") String accountNo,
                                    @JsonProperty("additionalInfo") AdditionalInfo additionalInfo) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public BalanceInquiryRequest {
        RequestFields.maxLength(accountNo, 32, "balance inquiry request", "accountNo");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code additionalInfo} object: the fields NICEPAY documents, plus any other through {@code put}.
     */
    public record AdditionalInfo(@JsonProperty("msId") String msId,
                                 @JsonAnyGetter @JsonAnySetter Map<String, Object> otherFields) {

        /**
         * Checks the fields and copies the collections: the value never exists invalid.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public AdditionalInfo {
            otherFields = RequestFields.copy(otherFields);
        }

        /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AdditionalInfo}. */
        public static final class Builder {
            private String msId = "";
            private final ExtraFields otherFields = new ExtraFields("balance inquiry request additionalInfo");

            private Builder() {
            }

            /** the sub-merchant id (default empty). */
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
                return new AdditionalInfo(msId, otherFields.asMap());
            }
        }
    }

    /** Builds a {@link BalanceInquiryRequest}. */
    public static final class Builder {
        private String accountNo;
        private AdditionalInfo additionalInfo;

        private Builder() {
        }

        /** the account: the merchant id; default the client key (at most 32 characters). */
        public Builder accountNo(String value) {
            this.accountNo = value;
            return this;
        }

        /** the sub-merchant. */
        public Builder additionalInfo(AdditionalInfo value) {
            this.additionalInfo = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public BalanceInquiryRequest build() {
            return new BalanceInquiryRequest(accountNo, additionalInfo);
        }
    }
}
