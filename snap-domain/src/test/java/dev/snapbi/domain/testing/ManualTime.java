package dev.snapbi.domain.testing;

import dev.snapbi.domain.port.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test time: a wall clock and a monotonic ticker that move together under {@link #advance(Duration)}; the wall clock
 * alone moves under {@link #jumpWallClock(Duration)} (an NTP correction, a VM resume). Thread-safe.
 * <p>
 * snap-testing's {@code dev.snapbi.testing.ManualClock} is the one manual clock of every other module's tests; it
 * cannot serve snap-domain's own tests (snap-testing depends on snap-domain, and Maven allows no cycle, not even in
 * test scope), so this is its twin for them, with the same methods.
 */
public final class ManualTime extends Clock implements Ticker {

    private final AtomicReference<Instant> wall;
    private final AtomicLong nanos;
    private final ZoneId zone;
    private final AtomicLong step;
    private final AtomicLong readings;

    private ManualTime(AtomicReference<Instant> wall, AtomicLong nanos, ZoneId zone) {
        this(wall, nanos, zone, new AtomicLong(), new AtomicLong());
    }

    private ManualTime(AtomicReference<Instant> wall, AtomicLong nanos, ZoneId zone, AtomicLong step,
                       AtomicLong readings) {
        this.wall = wall;
        this.nanos = nanos;
        this.zone = zone;
        this.step = step;
        this.readings = readings;
    }

    /** Starts at the given instant, UTC zone. */
    public static ManualTime startingAt(Instant start) {
        return new ManualTime(new AtomicReference<>(start), new AtomicLong(1_000_000_000L), ZoneOffset.UTC);
    }

    /** Starts at 2024-12-31T03:11:40Z (10:11:40 in Jakarta). */
    public static ManualTime create() {
        return startingAt(Instant.parse("2024-12-31T03:11:40Z"));
    }

    /** Moves wall clock and ticker forward together. */
    public void advance(Duration d) {
        wall.updateAndGet(i -> i.plus(d));
        nanos.addAndGet(d.toNanos());
    }

    /** Moves only the wall clock (forward or back); the monotonic ticker does not notice. */
    public void jumpWallClock(Duration d) {
        wall.updateAndGet(i -> i.plus(d));
    }

    /**
     * Every wall-clock reading from now on moves time (wall clock and ticker) forward by {@code step} after returning,
     * so two readings never agree; {@link Duration#ZERO} stops it.
     */
    public ManualTime advancingOnEachReading(Duration step) {
        this.step.set(step.toNanos());
        return this;
    }

    /** How many times the wall clock was read. */
    public long readings() {
        return readings.get();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualTime(wall, nanos, newZone, step, readings);
    }

    @Override
    public Instant instant() {
        readings.incrementAndGet();
        long by = step.get();
        if (by == 0) {
            return wall.get();
        }
        synchronized (wall) { // reading and moving on as one step (zone views share it): no two readers get one instant
            Instant now = wall.get();
            advance(Duration.ofNanos(by));
            return now;
        }
    }
}
