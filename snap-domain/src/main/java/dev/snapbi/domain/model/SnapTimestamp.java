package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.internal.Checks;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code X-TIMESTAMP} value: ISO-8601 local time with its offset, second precision, exactly
 * {@code yyyy-MM-dd'T'HH:mm:ssXXX} (e.g. {@code 2024-12-31T10:11:40+07:00}). Always formatted from a zoned clock, never
 * from local time with a hand-appended offset; take it once and use the same value in the header and the
 * string-to-sign.
 */
public final class SnapTimestamp {

    /** NICEPAY's zone: Asia/Jakarta (+07:00, no daylight saving). */
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})");

    private final OffsetDateTime dateTime;
    private final String value;

    private SnapTimestamp(OffsetDateTime dateTime) {
        this.dateTime = dateTime;
        this.value = FORMAT.format(dateTime);
    }

    /** Now, from one read of the clock, shown in the given zone. */
    public static SnapTimestamp now(Clock clock, ZoneId zone) {
        return of(clock.instant(), zone);
    }

    /** Now, from one read of the clock, shown in the clock's own zone. */
    public static SnapTimestamp now(Clock clock) {
        return of(clock.instant(), clock.getZone());
    }

    /** This instant (truncated to the second) shown in the given zone. */
    public static SnapTimestamp of(Instant instant, ZoneId zone) {
        OffsetDateTime local = OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone);
        if (local.getYear() < 0 || local.getYear() > 9999) {
            throw new SnapConfigurationException("X-TIMESTAMP needs a four-digit year, got " + local.getYear()
                    + "; check the clock");
        }
        return new SnapTimestamp(local);
    }

    /**
     * Parses a timestamp of exactly the SNAP shape that you supply (a setting, a command-line option, a test); for
     * text from outside (a header a server or a caller sent) use {@link #tryParse(String)}.
     *
     * @throws SnapConfigurationException for any other shape (fractions, missing offset, offset without colon, spaces)
     *                                    or an impossible date or time
     */
    public static SnapTimestamp parse(String text) {
        return tryParse(text).orElseThrow(() -> new SnapConfigurationException("X-TIMESTAMP must look like"
                + " 2024-12-31T10:11:40+07:00 (yyyy-MM-dd'T'HH:mm:ssXXX) and be a real date and time, got "
                + (text == null ? "nothing" : "'" + Checks.shown(text, 40) + "'")));
    }

    /**
     * Parses a timestamp of exactly the SNAP shape, or returns empty for anything else (any other shape, an
     * impossible date or time, {@code null}): the non-throwing path for text from outside.
     */
    public static Optional<SnapTimestamp> tryParse(String text) {
        if (text == null || text.length() > 25 || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SnapTimestamp(OffsetDateTime.parse(text, FORMAT)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The text as sent in {@code X-TIMESTAMP} and in the string-to-sign. */
    public String value() {
        return value;
    }

    /** The instant this timestamp names. */
    public Instant instant() {
        return dateTime.toInstant();
    }

    /** The date, time and offset. */
    public OffsetDateTime offsetDateTime() {
        return dateTime;
    }

    /** Whether this timestamp lies within {@code window} of {@code now}, either side. */
    public boolean isWithin(Duration window, Instant now) {
        Duration skew = Duration.between(now, instant()).abs();
        return skew.compareTo(window) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapTimestamp other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
