package dev.snapbi.nicepay.ewallet;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.snapbi.nicepay.internal.RequestFields;

import java.util.List;

/**
 * One of the URLs of an e-wallet payment ({@code urlParam}).
 */
public record UrlParam(@JsonProperty("url") String url,
                       @JsonProperty("type") String type,
                       @JsonProperty("isDeeplink") String isDeeplink) {

    /**
     * Checks the fields and copies the collections: the value never exists invalid.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
     */
    public UrlParam {
        RequestFields.required(url, 255, "e-wallet urlParam", "url");
        RequestFields.required(type, "e-wallet urlParam", "type");
        RequestFields.oneOf(type, List.of("PAY_NOTIFY", "PAY_RETURN"), "e-wallet urlParam", "type");
        RequestFields.oneOf(isDeeplink, List.of("Y", "N"), "e-wallet urlParam", "isDeeplink");
    }

    /** A builder; the fields are checked by {@link Builder#build()}, before anything is sent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link UrlParam}. */
    public static final class Builder {
        private String url;
        private String type;
        private String isDeeplink = "N";

        private Builder() {
        }

        /** the URL (mandatory; at most 255 characters). */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /** what it is for (mandatory; one of {@code PAY_NOTIFY}, {@code PAY_RETURN}). */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** whether it is an app deep link (one of {@code Y}, {@code N}; default {@code N}). */
        public Builder isDeeplink(String value) {
            this.isDeeplink = value;
            return this;
        }

        /**
         * The value.
         *
         * @throws dev.snapbi.domain.error.SnapConfigurationException naming the field that is missing or wrong
         */
        public UrlParam build() {
            return new UrlParam(url, type, isDeeplink);
        }
    }
}
