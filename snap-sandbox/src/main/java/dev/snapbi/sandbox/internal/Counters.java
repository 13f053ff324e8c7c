package dev.snapbi.sandbox.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind the public {@code SandboxStats} (which is made from a {@link Snapshot}). */
public final class Counters {

    /**
     * The counters at one moment.
     *
     * @param tokenRequests    requests that reached the token path
     * @param tokensIssued     tokens issued
     * @param pingRequests     requests that reached the ping path
     * @param vaRequests       requests that reached the VA creation path
     * @param rejectionsByCode non-2xx answers with a response code, by that code (sorted, unmodifiable)
     */
    public record Snapshot(long tokenRequests, long tokensIssued, long pingRequests, long vaRequests,
                           Map<String, Long> rejectionsByCode) {

        /** Copies the map, sorted by code. */
        public Snapshot {
            rejectionsByCode = Collections.unmodifiableMap(new TreeMap<>(rejectionsByCode));
        }
    }

    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();
    private final LongAdder pingRequests = new LongAdder();
    private final LongAdder vaRequests = new LongAdder();
    private final ConcurrentMap<String, LongAdder> rejections = new ConcurrentHashMap<>();

    /** A request reached the token path. */
    public void tokenRequest() {
        tokenRequests.increment();
    }

    /** A token was issued. */
    public void tokenIssued() {
        tokensIssued.increment();
    }

    /** A request reached the ping path. */
    public void pingRequest() {
        pingRequests.increment();
    }

    /** A request reached the VA creation path. */
    public void vaRequest() {
        vaRequests.increment();
    }

    /** Counts the answer when it is a rejection with a code. */
    public void answered(Reply reply) {
        if (!reply.isDrop() && !reply.isSuccess() && reply.responseCode() != null) {
            // the code is bounded: it comes from the sandbox's own answers or a validated fault
            rejections.computeIfAbsent(reply.responseCode(), code -> new LongAdder()).increment();
        }
    }

    /** A snapshot. */
    public Snapshot snapshot() {
        Map<String, Long> byCode = new TreeMap<>();
        rejections.forEach((code, count) -> {
            long n = count.sum();
            if (n > 0) {
                byCode.put(code, n);
            }
        });
        return new Snapshot(tokenRequests.sum(), tokensIssued.sum(), pingRequests.sum(), vaRequests.sum(),
                byCode);
    }

    /** Back to zero. */
    public void reset() {
        tokenRequests.reset();
        tokensIssued.reset();
        pingRequests.reset();
        vaRequests.reset();
        rejections.clear();
    }
}
