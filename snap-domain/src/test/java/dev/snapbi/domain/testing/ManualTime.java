package dev.snapbi.domain.testing;

import dev.snapbi.domain.token.Ticker;

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
 */
public final class ManualTime extends Clock implements Ticker {

    private final AtomicReference<Instant> wall;
    private final AtomicLong nanos;
    private final ZoneId zone;

    private ManualTime(AtomicReference<Instant> wall, AtomicLong nanos, ZoneId zone) {
        this.wall = wall;
        this.nanos = nanos;
        this.zone = zone;
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
        return new ManualTime(wall, nanos, newZone);
    }

    @Override
    public Instant instant() {
        return wall.get();
    }
}
