package dev.snapbi.adapter.feign.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private RetryAfter() {
    }

    /**
     * The delay the server asked for, or {@code null} when it sent none or an unreadable one. Dates in the past give
     * zero; anything longer than a day is clipped to a day (the retry policy caps it much further).
     */
    public static Duration parse(Map<String, Collection<String>> headers, Clock clock) {
        return parse(Exchange.header(headers, "Retry-After"), clock);
    }

    /** The delay in one header value, or {@code null} when unreadable. */
    public static Duration parse(String value, Clock clock) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (v.length() > 9) {
                return Duration.ofSeconds(MAX_SECONDS);
            }
            return Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_SECONDS));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            if (d.isNegative()) {
                return Duration.ZERO;
            }
            return d.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : d;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
