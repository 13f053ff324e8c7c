package dev.snapbi.sandbox.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sandbox's own reading of {@code X-TIMESTAMP}: exactly {@code yyyy-MM-dd'T'HH:mm:ssXXX} (ASCII digits, second
 * precision, {@code Z} or a {@code +hh:mm} offset), and a real date and time. Written independently of the client
 * library so that a bug there is not mirrored here.
 */
public final class StrictTimestamp {

    private static final int MAX_LENGTH = 25;
    // \d is ASCII-only without UNICODE_CHARACTER_CLASS, which is what we want
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private StrictTimestamp() {
    }

    /** The instant the text names, or empty when its shape or its date and time are wrong. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, FORMAT).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code instant} lies within {@code window} of {@code now}, either side, bounds included. */
    public static boolean isFresh(Instant instant, Instant now, Duration window) {
        return Duration.between(now, instant).abs().compareTo(window) <= 0;
    }
}
