package dev.snapbi.cli.internal;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people type them: {@code 500ms}, {@code 2s}, {@code 1m}, ISO-8601 {@code PT2S}, or a plain
 * number of seconds ({@code 5}).
 */
public final class Durations implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("([0-9]{1,9})(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** Parses one duration; positive only. */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                d = Duration.parse(value.trim());
            } catch (DateTimeParseException | NullPointerException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a duration; use e.g. 500ms, 2s (or 2), 1m or PT2S");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
        }
        return d;
    }
}
