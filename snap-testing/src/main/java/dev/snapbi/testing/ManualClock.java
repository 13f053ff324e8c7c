package dev.snapbi.testing;

import dev.snapbi.domain.port.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Test time that moves only when told to: a wall {@link Clock} and a monotonic {@link Ticker} in one object, so one
 * instance can be the clock and the ticker of an {@code AccessTokenService}, the clock of a signer's timestamps and the
 * clock of a {@code SnapSandbox}. Thread-safe; {@link #withZone} views share the same time.
 * <ul>
 *   <li>{@link #advance(Duration)} moves wall clock and ticker together (time passes);</li>
 *   <li>{@link #jumpWallClock(Duration)} moves the wall clock only, forward or back (an NTP correction, a VM resume):
 *   the ticker does not notice;</li>
 *   <li>{@link #advancingOnEachReading(Duration)} makes every wall-clock reading move time on afterwards, so two
 *   requests never share a second-precision {@code X-TIMESTAMP}.</li>
 * </ul>
 * <pre>{@code
 * ManualClock time = ManualClock.create();            // 2024-12-31T03:11:40Z, 10:11:40 in Jakarta
 * AccessTokenService tokens = AccessTokenService.builder()...clock(time).ticker(time).build();
 * time.advance(Duration.ofMinutes(14));               // no sleeping for expiry
 * }</pre>
 */
public final class ManualClock extends Clock implements Ticker {

    /** The start of {@link #create()}: {@code 2024-12-31T03:11:40Z}, NICEPAY's documented sample in Jakarta time. */
    public static final Instant DEFAULT_START = Instant.parse("2024-12-31T03:11:40Z");

    private final Time time;
    private final ZoneId zone;

    private ManualClock(Time time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** A clock at {@link #DEFAULT_START}, in UTC. */
    public static ManualClock create() {
        return startingAt(DEFAULT_START);
    }

    /** A clock at {@code start}, in UTC; its ticker starts at an arbitrary positive value. */
    public static ManualClock startingAt(Instant start) {
        return new ManualClock(new Time(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * From now on, every {@link #instant()} reading moves time (wall clock and ticker) forward by {@code step} after
     * returning; {@link Duration#ZERO} stops it.
     *
     * @return this clock
     * @throws IllegalArgumentException when {@code step} is negative
     */
    public ManualClock advancingOnEachReading(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("the step must not be negative, got " + step);
        }
        synchronized (time) {
            time.step = step;
        }
        return this;
    }

    /**
     * Moves the wall clock and the ticker forward together.
     *
     * @return this clock
     * @throws IllegalArgumentException when {@code duration} is negative: time does not run backwards (use
     *                                  {@link #jumpWallClock(Duration)} for a wall clock set back)
     */
    public ManualClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("advance moves forward only, got " + duration
                    + "; jumpWallClock(Duration) sets the wall clock back");
        }
        synchronized (time) {
            time.move(duration);
        }
        return this;
    }

    /**
     * Moves only the wall clock, forward or back; the monotonic ticker does not notice.
     *
     * @return this clock
     */
    public ManualClock jumpWallClock(Duration jump) {
        Objects.requireNonNull(jump, "jump");
        synchronized (time) {
            time.wall = time.wall.plus(jump);
        }
        return this;
    }

    /** How many times {@link #instant()} (or {@link #millis()}) was read, over all zone views. */
    public long readings() {
        synchronized (time) {
            return time.readings;
        }
    }

    @Override
    public Instant instant() {
        synchronized (time) {
            Instant now = time.wall;
            time.readings++;
            if (!time.step.isZero()) {
                time.move(time.step);
            }
            return now;
        }
    }

    @Override
    public long nanoTime() {
        synchronized (time) {
            return time.nanos;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time (shared: advancing one view advances all) seen in another zone. */
    @Override
    public ManualClock withZone(ZoneId newZone) {
        return new ManualClock(time, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        synchronized (time) {
            return "ManualClock[" + time.wall + ", " + zone + ", ticker " + time.nanos + " ns"
                    + (time.step.isZero() ? "" : ", +" + time.step + " per reading") + "]";
        }
    }

    /** The state all zone views share; guarded by its own monitor. */
    private static final class Time {
        private Instant wall;
        private long nanos = 1_000_000_000L;
        private Duration step = Duration.ZERO;
        private long readings;

        private Time(Instant wall) {
            this.wall = wall;
        }

        private void move(Duration d) {
            wall = wall.plus(d);
            nanos += d.toNanos();
        }
    }
}
