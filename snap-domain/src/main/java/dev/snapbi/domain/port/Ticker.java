package dev.snapbi.domain.port;

/**
 * Outbound port: a monotonic time source in nanoseconds, for measuring how long a token has lived. Unlike the wall
 * clock it never jumps when the host's time is corrected, so a clock change cannot make an expired token look fresh.
 * Tests inject a manual one.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
