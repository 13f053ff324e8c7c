package dev.snapbi.domain.transaction;

import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.port.ExternalIdGenerator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link ExternalIdGenerator}: 32 ASCII digits, time-ordered, e.g.
 * {@code 20241231101140123000742918305561}:
 * <ul>
 *   <li>17 digits: the local time in the provider's zone, {@code yyyyMMddHHmmssSSS} (so the day a provider checks
 *   uniqueness against is visible in the id);</li>
 *   <li>4 digits: a sequence within that millisecond;</li>
 *   <li>11 digits: random, so that several generators (several instances of one merchant) do not collide.</li>
 * </ul>
 * One generator never repeats itself, under any concurrency and even if the clock steps back: the time and sequence
 * part only ever grows (it runs ahead of the clock for a moment when more than 10,000 ids are asked for in one
 * millisecond, or after a clock step back). Ids from one generator sort in the order they were made.
 */
public final class TimeOrderedExternalIdGenerator implements ExternalIdGenerator {

    /** The length of every id. */
    public static final int LENGTH = 32;

    private static final long PER_MILLI = 10_000L;
    private static final long RANDOM_BOUND = 100_000_000_000L; // 11 digits
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    private final Clock clock;
    private final ZoneId zone;
    // drawn once from a strong source: two generators started at the same moment still draw apart
    private final long salt = new SecureRandom().nextLong();
    // epoch milliseconds * PER_MILLI + sequence of the last id handed out
    private final AtomicLong last = new AtomicLong();
    // this generator's per-thread buffer for the digits (a year past 9999 makes the prefix longer than 14)
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[64]);
    private volatile LocalSecondDigits lastSecond;

    private TimeOrderedExternalIdGenerator(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Ids timestamped by the system clock in Jakarta time (NICEPAY's zone). */
    public static TimeOrderedExternalIdGenerator create() {
        return new TimeOrderedExternalIdGenerator(Clock.systemUTC(), SnapTimestamp.JAKARTA);
    }

    /** Ids timestamped by {@code clock}, shown in {@code zone} (the provider's, whose day counts). */
    public static TimeOrderedExternalIdGenerator create(Clock clock, ZoneId zone) {
        return new TimeOrderedExternalIdGenerator(clock, zone);
    }

    @Override
    public String nextId() {
        long now = clock.millis() * PER_MILLI;
        long previous;
        long stamp;
        do { // no lock on the hot path, and no lambda to allocate
            previous = last.get();
            stamp = Math.max(previous + 1, now);
        } while (!last.compareAndSet(previous, stamp));
        long millis = stamp / PER_MILLI;
        long noise = (ThreadLocalRandom.current().nextLong() ^ salt) & Long.MAX_VALUE;
        byte[] prefix = localSecond(Math.floorDiv(millis, 1000L));
        byte[] id = scratch.get();
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        int n = prefix.length;
        n = digits(Math.floorMod(millis, 1000L), 3, id, n);
        n = digits(stamp % PER_MILLI, 4, id, n);
        n = digits(noise % RANDOM_BOUND, 11, id, n);
        return new String(id, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** {@code yyyyMMddHHmmss} of this second in the zone, as ASCII; formatted once per second. */
    private byte[] localSecond(long epochSecond) {
        LocalSecondDigits cached = lastSecond;
        if (cached != null && cached.epochSecond == epochSecond) {
            return cached.text;
        }
        byte[] text = LOCAL.format(Instant.ofEpochSecond(epochSecond).atZone(zone))
                .getBytes(StandardCharsets.ISO_8859_1);
        lastSecond = new LocalSecondDigits(epochSecond, text);
        return text;
    }

    /** Writes {@code value} as exactly {@code count} digits, zero-padded (value is below 10^count). */
    private static int digits(long value, int count, byte[] out, int at) {
        long v = value;
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return at + count;
    }

    /** A formatted second; never modified after construction. */
    private record LocalSecondDigits(long epochSecond, byte[] text) {
    }

    @Override
    public String toString() {
        return "TimeOrderedExternalIdGenerator[" + zone + "]";
    }
}
