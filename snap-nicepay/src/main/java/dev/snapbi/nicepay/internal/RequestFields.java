package dev.snapbi.nicepay.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks of request fields, before anything is sent: each failure names the request and the field. */
public final class RequestFields {

    private RequestFields() {
    }

    /** A mandatory value: present and, for text, not blank. */
    public static void required(Object value, String request, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new SnapConfigurationException(request + ": " + field + " is missing; it is mandatory");
        }
    }

    /** Mandatory text, not blank and no longer than {@code max} characters. */
    public static void required(String value, int max, String request, String field) {
        required((Object) value, request, field);
        maxLength(value, max, request, field);
    }

    /** Text no longer than {@code max} characters, when present. */
    public static void maxLength(String value, int max, String request, String field) {
        if (value != null && value.length() > max) {
            throw new SnapConfigurationException(request + ": " + field + " has " + value.length()
                    + " characters; at most " + max + " are allowed");
        }
    }

    /** Text that is one of the allowed values, when present and not empty. */
    public static void oneOf(String value, List<String> allowed, String request, String field) {
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            throw new SnapConfigurationException(request + ": " + field + " must be one of " + allowed + ", got '"
                    + shown(value) + "'");
        }
    }

    /** Text of digits only, when present and not empty. */
    public static void digits(String value, String request, String field) {
        if (value != null && !value.isEmpty() && !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SnapConfigurationException(request + ": " + field + " must hold digits only, got '"
                    + shown(value) + "'");
        }
    }

    /** At least one of the values is present and not blank. */
    public static void anyOf(String request, String fields, String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return;
            }
        }
        throw new SnapConfigurationException(request + ": one of " + fields + " is needed to find the transaction");
    }

    /** The merchant id, when given (the client key fills it when absent): at most 32 characters. */
    public static void merchantId(String merchantId, String request) {
        maxLength(merchantId, 32, request, "merchantId");
    }

    /**
     * The earlier transaction that a status inquiry, a refund or a payout decision names: NICEPAY's
     * {@code originalReferenceNo} or your {@code originalPartnerReferenceNo}, each at most 40 characters, at least one
     * of them given.
     */
    public static void originalTransaction(String originalReferenceNo, String originalPartnerReferenceNo,
                                           String request) {
        maxLength(originalPartnerReferenceNo, 40, request, "originalPartnerReferenceNo");
        maxLength(originalReferenceNo, 40, request, "originalReferenceNo");
        anyOf(request, "originalReferenceNo, originalPartnerReferenceNo", originalReferenceNo,
                originalPartnerReferenceNo);
    }

    /**
     * What a refund asks for: your business reference of the refund ({@code partnerRefundNo}, mandatory, at most 40
     * characters), the amount (mandatory) and why (at most 255 characters).
     */
    public static void refund(String partnerRefundNo, Object refundAmount, String reason, String request) {
        required(partnerRefundNo, 40, request, "partnerRefundNo");
        required(refundAmount, request, "refundAmount");
        maxLength(reason, 255, request, "reason");
    }

    /**
     * The number of a virtual account, in its parts as far as they are given: {@code partnerServiceId} (the bank
     * prefix) and {@code customerNo}, at most 20 characters each, and {@code virtualAccountNo}, at most 28.
     */
    public static void virtualAccountNumber(String partnerServiceId, String customerNo, String virtualAccountNo,
                                            String request) {
        maxLength(partnerServiceId, 20, request, "partnerServiceId");
        maxLength(customerNo, 20, request, "customerNo");
        maxLength(virtualAccountNo, 28, request, "virtualAccountNo");
    }

    /** An unmodifiable copy that keeps {@code null} values and the order. */
    public static Map<String, Object> copy(Map<String, ?> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** An unmodifiable copy of a list, or {@code null}. */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    private static String shown(String text) {
        String s = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
