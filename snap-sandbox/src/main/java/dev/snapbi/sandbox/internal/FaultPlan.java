package dev.snapbi.sandbox.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults waiting for the next requests: a standing delay, a queue of counted faults consumed in the order they
 * were added, and an optional seeded random-failure mode that applies when the queue is empty. Thread-safe; one
 * request takes one decision.
 */
public final class FaultPlan {

    /** At most this many distinct queued entries, so that the admin endpoint cannot grow memory without bound. */
    public static final int MAX_QUEUED = 1000;
    /** The largest count of one entry. */
    public static final int MAX_COUNT = 1_000_000;
    /** The longest delay accepted. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private Duration standingDelay = Duration.ZERO;
    private RandomMode random;

    /** What to do with one request: wait {@code delay}, then answer with {@code fault} or, when null, normally. */
    public record Decision(Duration delay, Fault fault) {
    }

    private static final class Queued {
        final Fault fault;
        int remaining;

        Queued(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private record RandomMode(double probability, long seed, Duration delay, Random random) {
    }

    /** Every following request waits this long first ({@code ZERO} stops it). */
    public synchronized void standingDelay(Duration delay) {
        standingDelay = checkDelay(delay);
    }

    /** The next {@code count} requests (after those already queued) get this fault. */
    public synchronized void enqueue(Fault fault, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (fault instanceof Fault.Delay d) {
            checkDelay(d.duration());
        }
        if (queue.size() >= MAX_QUEUED) {
            throw new IllegalStateException("already " + MAX_QUEUED + " faults queued; clear them first");
        }
        queue.addLast(new Queued(fault, count));
    }

    /** With probability {@code p}, each request that finds the queue empty gets a random fault from a seeded Random. */
    public synchronized void random(double probability, long seed, Duration delay) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("the probability must be between 0 and 1, got " + probability);
        }
        checkDelay(delay);
        random = probability == 0.0 ? null : new RandomMode(probability, seed, delay, new Random(seed));
    }

    /** Forgets every fault. */
    public synchronized void clear() {
        queue.clear();
        standingDelay = Duration.ZERO;
        random = null;
    }

    /** How many queued fault answers remain (the random mode not included). */
    public synchronized int pending() {
        long sum = 0;
        for (Queued q : queue) {
            sum += q.remaining;
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** Takes the decision for one request. */
    public synchronized Decision next() {
        Duration delay = standingDelay;
        Fault fault = null;
        Queued head = queue.peekFirst();
        if (head != null) {
            fault = head.fault;
            if (--head.remaining == 0) {
                queue.removeFirst();
            }
        } else if (random != null && random.random.nextDouble() < random.probability) {
            fault = switch (random.random.nextInt(4)) {
                case 0 -> random.random.nextBoolean()
                        ? new Fault.Fail(500, "5007300", "General Error")
                        : new Fault.Fail(504, "5047300", "Timeout");
                case 1 -> Fault.Plain.DROP;
                case 2 -> new Fault.Delay(random.delay);
                default -> Fault.Plain.MALFORMED;
            };
        }
        if (fault instanceof Fault.Delay d) {
            return new Decision(delay.plus(d.duration()), null);
        }
        return new Decision(delay, fault);
    }

    /** The plan as JSON-ready values. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("delayMillis", standingDelay.toMillis());
        List<Object> queued = new ArrayList<>();
        for (Queued q : queue) {
            Map<String, Object> entry = q.fault.describe();
            entry.put("remaining", q.remaining);
            queued.add(entry);
        }
        out.put("queue", queued);
        if (random == null) {
            out.put("random", null);
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("probability", random.probability);
            r.put("seed", random.seed);
            r.put("delayMillis", random.delay.toMillis());
            out.put("random", r);
        }
        return out;
    }

    private static Duration checkDelay(Duration delay) {
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("a delay is between 0 and " + MAX_DELAY.toMinutes() + " minutes, got "
                    + delay);
        }
        return delay;
    }
}
