package dev.snapbi.sandbox;

import dev.snapbi.sandbox.internal.Fault;
import dev.snapbi.sandbox.internal.FaultPlan;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults a {@link SnapSandbox} injects into its answers, to test how a client copes with a misbehaving provider.
 * Also reachable over HTTP under {@code /_sandbox/faults} (see the module README).
 *
 * <p>A sandbox has two independent plans: {@link SnapSandbox#faults()} for the token endpoint
 * ({@code POST /nicepay/v1.0/access-token/b2b}) and {@link SnapSandbox#transactionFaults()} for every NICEPAY service
 * under {@code /nicepay/api/v1.0} (VA, QRIS, e-wallet, payout, balance). The ping and admin endpoints are never
 * faulted, so a test can always check a token or read the stats. A faulted token answer never issues a token (except
 * {@link #processedThenDropNext(int)}); a faulted service answer never applies the request (except
 * {@link #processedThenDropNext(int)}, which is the point of it).
 *
 * <p>The {@code ...Next(count, ...)} faults queue up and are consumed in the order they were added, one per token
 * request: {@code failNext(1, ...).dropNext(1)} makes the next request fail and the one after that drop. The standing
 * {@link #delay(Duration)} comes on top of everything. The {@linkplain #randomFailures random mode} applies only while
 * the queue is empty. All methods are thread-safe and return this object for chaining.
 */
public final class Faults {

    private final FaultPlan plan;

    Faults(FaultPlan plan) {
        this.plan = plan;
    }

    /**
     * Every following request waits {@code d} before it is answered (normally or by a queued fault).
     * {@code Duration.ZERO} stops the delay.
     *
     * @throws IllegalArgumentException when negative or over 10 minutes
     */
    public Faults delay(Duration d) {
        plan.standingDelay(Objects.requireNonNull(d, "d"));
        return this;
    }

    /**
     * The next {@code count} requests wait {@code d}, then get their normal answer (a token when valid).
     *
     * @throws IllegalArgumentException when the count is not 1..1 000 000 or the delay is negative or over 10 minutes
     */
    public Faults delayNext(int count, Duration d) {
        plan.enqueue(new Fault.Delay(Objects.requireNonNull(d, "d")), count);
        return this;
    }

    /**
     * The next {@code count} requests are answered
     * {@code {"responseCode":responseCode,"responseMessage":responseMessage}} with {@code httpStatus}, e.g.
     * {@code failNext(1, 500, "5007300", "General Error")} or {@code failNext(2, 504, "5047300", "Timeout")}.
     *
     * @throws IllegalArgumentException when the status is not 200..599 (or is 204 or 304), or the code is not 1 to 64
     *                                  visible ASCII characters
     */
    public Faults failNext(int count, int httpStatus, String responseCode, String responseMessage) {
        plan.enqueue(new Fault.Fail(httpStatus, responseCode, responseMessage), count);
        return this;
    }

    /**
     * The next {@code count} requests are handled completely (a token issued, a VA created, a refund applied...), and
     * then the connection is closed without an answer: the client sees an I/O error after its request took effect,
     * the ambiguous outcome a money-moving call must reconcile with a status call instead of resending.
     */
    public Faults processedThenDropNext(int count) {
        plan.enqueue(Fault.Plain.ANSWER_LOST, count);
        return this;
    }

    /** The next {@code count} requests get no answer: the connection is closed, the client sees an I/O error. */
    public Faults dropNext(int count) {
        plan.enqueue(Fault.Plain.DROP, count);
        return this;
    }

    /** The next {@code count} requests get HTTP 200 with a JSON content type and a body that is not JSON. */
    public Faults malformedNext(int count) {
        plan.enqueue(Fault.Plain.MALFORMED, count);
        return this;
    }

    /**
     * The next {@code count} requests get HTTP 200 with a success body cut in the middle (the
     * {@code Content-Length} matches the cut body: the HTTP is fine, the JSON is not).
     */
    public Faults truncatedNext(int count) {
        plan.enqueue(Fault.Plain.TRUNCATED, count);
        return this;
    }

    /**
     * The next {@code count} requests get an HTML error page ({@code text/html}) with {@code httpStatus}, like
     * a proxy's {@code 502 Bad Gateway}.
     *
     * @throws IllegalArgumentException when the status is not 400..599
     */
    public Faults htmlErrorNext(int count, int httpStatus) {
        plan.enqueue(new Fault.Html(httpStatus), count);
        return this;
    }

    /**
     * The next {@code count} requests get HTTP 200 with a well-formed JSON body of more than 128 KiB, which a
     * careful client refuses to read past 64 KiB.
     */
    public Faults oversizedNext(int count) {
        plan.enqueue(Fault.Plain.OVERSIZED, count);
        return this;
    }

    /**
     * The next {@code count} requests get {@code 429 4297300 Too Many Requests} with
     * {@code Retry-After: retryAfterSeconds}.
     *
     * @throws IllegalArgumentException when the seconds are not 0..86400
     */
    public Faults tooManyRequestsNext(int count, int retryAfterSeconds) {
        plan.enqueue(new Fault.TooManyRequests(retryAfterSeconds), count);
        return this;
    }

    /**
     * With probability {@code probability}, each request that finds no queued fault gets one of, with equal
     * chances: a 5xx answer ({@code 500 5007300 General Error} or {@code 504 5047300 Timeout}), a dropped connection,
     * a delay of {@code delay} followed by the normal answer, or a malformed body. The choices come from
     * {@code new Random(seed)}, so the same seed and the same sequence of requests give the same faults.
     * Probability 0 turns the mode off.
     *
     * @throws IllegalArgumentException when the probability is not within 0..1 or the delay is negative or over 10
     *                                  minutes
     */
    public Faults randomFailures(double probability, long seed, Duration delay) {
        plan.random(probability, seed, Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /** How many queued fault answers are still waiting (the random mode not counted). */
    public int pending() {
        return plan.pending();
    }

    /** Forgets every fault: the queue, the standing delay and the random mode. */
    public void clear() {
        plan.clear();
    }
}
