package dev.snapbi.nicepay.model;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A SNAP money amount: a non-negative value with exactly two decimals and an ISO 4217 currency, written as
 * {@code {"value":"10000.00","currency":"IDR"}}. NICEPAY takes Indonesian rupiah ({@code IDR}).
 * <pre>{@code
 * Amount.idr("10000.00");   Amount.idr(10_000);   Amount.of(new BigDecimal("99.5"), "IDR")   // 99.50
 * }</pre>
 * Refuses a negative value, more than two decimals, and a currency that is not ISO 4217 (three capitals), with a
 * {@link SnapConfigurationException} naming what is wrong. Immutable.
 */
public final class Amount implements Comparable<Amount> {

    /** Indonesian rupiah, NICEPAY's currency. */
    public static final String IDR = "IDR";

    private static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    private final BigDecimal value;
    private final String currency;

    private Amount(BigDecimal value, String currency) {
        this.value = value;
        this.currency = currency;
    }

    /**
     * An amount.
     *
     * @param value    zero or more, at most two decimals (fewer are padded: {@code 99.5} is {@code 99.50})
     * @param currency an ISO 4217 code such as {@code IDR}
     * @throws SnapConfigurationException when the value or the currency is not acceptable
     */
    public static Amount of(BigDecimal value, String currency) {
        if (value == null) {
            throw new SnapConfigurationException("the amount value is missing");
        }
        if (value.signum() < 0) {
            throw new SnapConfigurationException("the amount must not be negative, got " + value.toPlainString());
        }
        if (value.scale() > 2) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > 2) {
                throw new SnapConfigurationException("the amount has more than two decimals: "
                        + value.toPlainString() + "; SNAP amounts are written like 10000.00");
            }
        }
        BigDecimal scaled = value.setScale(2, java.math.RoundingMode.UNNECESSARY);
        if (scaled.compareTo(MAX) > 0) {
            throw new SnapConfigurationException("the amount " + scaled.toPlainString() + " is too large (at most 16"
                    + " digits before the decimal point)");
        }
        return new Amount(scaled, validateCurrency(currency));
    }

    /**
     * An amount from its text, e.g. {@code "10000.00"}.
     *
     * @throws SnapConfigurationException when the text is not a plain decimal number or not acceptable
     */
    public static Amount of(String value, String currency) {
        return of(parseValue(value), currency);
    }

    /** Rupiah from text, e.g. {@code Amount.idr("10000.00")}. */
    public static Amount idr(String value) {
        return of(value, IDR);
    }

    /** Whole rupiah, e.g. {@code Amount.idr(10_000)} is {@code 10000.00}. */
    public static Amount idr(long rupiah) {
        return of(BigDecimal.valueOf(rupiah), IDR);
    }

    /** Rupiah. */
    public static Amount idr(BigDecimal value) {
        return of(value, IDR);
    }

    private static BigDecimal parseValue(String value) {
        if (value == null || value.isEmpty() || value.length() > 24) {
            throw new SnapConfigurationException("the amount value must be a decimal number such as 10000.00, got "
                    + (value == null ? "nothing" : "'" + shown(value) + "'"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' && i == 0)) {
                throw new SnapConfigurationException("the amount value must be a plain decimal number such as"
                        + " 10000.00, got '" + shown(value) + "'");
            }
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new SnapConfigurationException("the amount value must be a decimal number such as 10000.00, got '"
                    + shown(value) + "'");
        }
    }

    private static String validateCurrency(String currency) {
        if (currency == null || currency.length() != 3 || !currency.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new SnapConfigurationException("the currency must be an ISO 4217 code of three capitals such as"
                    + " IDR, got " + (currency == null ? "nothing" : "'" + shown(currency) + "'"));
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new SnapConfigurationException("the currency '" + currency + "' is not an ISO 4217 code; NICEPAY"
                    + " takes IDR");
        }
        return currency;
    }

    private static String shown(String text) {
        String s = text.length() > 30 ? text.substring(0, 30) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The value, with scale 2. */
    public BigDecimal value() {
        return value;
    }

    /** The value as SNAP writes it: {@code 10000.00}. */
    public String valueText() {
        return value.toPlainString();
    }

    /** The ISO 4217 currency code. */
    public String currency() {
        return currency;
    }

    /** Whether this is more than {@code other} (same currency). */
    public boolean isGreaterThan(Amount other) {
        return compareTo(other) > 0;
    }

    /**
     * Orders amounts of one currency.
     *
     * @throws SnapConfigurationException when the currencies differ
     */
    @Override
    public int compareTo(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new SnapConfigurationException("cannot compare " + this + " with " + other
                    + ": the currencies differ");
        }
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount a && a.value.equals(value) && a.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, currency);
    }

    /** {@code 10000.00 IDR}. */
    @Override
    public String toString() {
        return valueText() + " " + currency;
    }
}
