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
     * @param requestsByPath   requests that reached each served path (sorted, unmodifiable)
     */
    public record Snapshot(long tokenRequests, long tokensIssued, long pingRequests, long vaRequests,
                           Map<String, Long> rejectionsByCode, Map<String, Long> requestsByPath) {

        /** Copies the maps, sorted by key. */
        public Snapshot {
            rejectionsByCode = Collections.unmodifiableMap(new TreeMap<>(rejectionsByCode));
            requestsByPath = Collections.unmodifiableMap(new TreeMap<>(requestsByPath));
        }
    }

    /** The path counted as {@code vaRequests}. */
    public static final String VA_CREATE_PATH = "/nicepay/api/v1.0/transfer-va/create-va";

    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();
    private final LongAdder pingRequests = new LongAdder();
    private final LongAdder vaRequests = new LongAdder();
    private final ConcurrentMap<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byPath = new ConcurrentHashMap<>();

    /** A request reached a served path (only the sandbox's own fixed paths are counted, so the map is bounded). */
    public void request(String path) {
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        if (VA_CREATE_PATH.equals(path)) {
            vaRequests.increment();
        }
    }

    /** A request reached the token path. */
    public void tokenRequest() {
        tokenRequests.increment();
        byPath.computeIfAbsent(B2bTokenEndpoint.PATH, p -> new LongAdder()).increment();
    }

    /** A token was issued. */
    public void tokenIssued() {
        tokensIssued.increment();
    }

    /** A request reached the ping path. */
    public void pingRequest() {
        pingRequests.increment();
        byPath.computeIfAbsent(PingEndpoint.PATH, p -> new LongAdder()).increment();
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
        Map<String, Long> paths = new TreeMap<>();
        byPath.forEach((path, count) -> {
            long n = count.sum();
            if (n > 0) {
                paths.put(path, n);
            }
        });
        return new Snapshot(tokenRequests.sum(), tokensIssued.sum(), pingRequests.sum(), vaRequests.sum(),
                byCode, paths);
    }

    /** Back to zero. */
    public void reset() {
        tokenRequests.reset();
        tokensIssued.reset();
        pingRequests.reset();
        vaRequests.reset();
        rejections.clear();
        byPath.clear();
    }
}
