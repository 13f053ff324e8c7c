package dev.snapbi.contract.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one second forward on every reading. {@code X-TIMESTAMP} has second precision and RSA PKCS#1 v1.5
 * signatures are deterministic, so two attempts within one real second would carry the same timestamp and signature;
 * with this clock every attempt gets its own, and a reused one shows up as a repeat.
 */
public final class SteppingClock extends Clock {

    private final Instant start;
    private final AtomicLong readings;
    private final ZoneId zone;

    /** A clock in UTC whose first reading is {@code start}. */
    public SteppingClock(Instant start) {
        this(start, new AtomicLong(), ZoneOffset.UTC);
    }

    private SteppingClock(Instant start, AtomicLong readings, ZoneId zone) {
        this.start = start;
        this.readings = readings;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (sharing its readings) in another zone. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new SteppingClock(start, readings, newZone);
    }

    @Override
    public Instant instant() {
        return start.plusSeconds(readings.getAndIncrement());
    }

    @Override
    public String toString() {
        return "SteppingClock[from " + start + ", " + readings.get() + " readings]";
    }
}
