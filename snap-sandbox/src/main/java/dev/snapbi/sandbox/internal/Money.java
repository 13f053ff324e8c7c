package dev.snapbi.sandbox.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SNAP amount as the sandbox keeps it: a non-negative value with two decimals and a currency.
 *
 * @param value    the value, scale 2
 * @param currency three capital letters
 */
public record Money(BigDecimal value, String currency) {

    /** The value as SNAP prints it: {@code "10000.00"}. */
    public String text() {
        return value.setScale(2).toPlainString();
    }

    /** This amount as {@code {"value":..,"currency":..}}. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", text());
        out.put("currency", currency);
        return out;
    }

    /** The same currency with another value. */
    public Money withValue(BigDecimal other) {
        return new Money(other.setScale(2), currency);
    }
}
