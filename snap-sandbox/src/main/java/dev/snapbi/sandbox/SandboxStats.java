package dev.snapbi.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of a sandbox's counters, to assert how many requests a client really made.
 *
 * @param tokenRequests     requests that reached the token path ({@code /nicepay/v1.0/access-token/b2b}), any method,
 *                          faulted or not
 * @param tokensIssued      tokens really issued (faulted answers issue none)
 * @param pingRequests      requests that reached the ping path ({@code /nicepay/api/v1.0/ping})
 * @param vaRequests        requests that reached the VA creation path
 *                          ({@code /nicepay/api/v1.0/transfer-va/create-va}), any method, accepted or not
 * @param rejectionsByCode  answers with a non-2xx status that carried a {@code responseCode}, by that code (including
 *                          injected failures such as {@code 4297300}); broken bodies, HTML pages and dropped
 *                          connections have no code and are not counted here; ordered by code
 * @param requestsByPath    requests that reached each served path (token, ping and every NICEPAY service, e.g.
 *                          {@code /nicepay/api/v1.0/qr/qr-mpm-refund}), any method, faulted or not, answered or
 *                          dropped; paths never reached are absent; ordered by path
 */
public record SandboxStats(long tokenRequests, long tokensIssued, long pingRequests, long vaRequests,
                           Map<String, Long> rejectionsByCode, Map<String, Long> requestsByPath) {

    /** Copies the maps (sorted, unmodifiable). */
    public SandboxStats {
        rejectionsByCode = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(rejectionsByCode,
                "rejectionsByCode")));
        requestsByPath = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(requestsByPath,
                "requestsByPath")));
    }

    /**
     * How many requests reached this path, e.g. {@code requests(SnapSandbox.VA_CREATE_PATH)}: the proof that a
     * money-moving call was sent exactly once.
     */
    public long requests(String path) {
        return requestsByPath.getOrDefault(path, 0L);
    }

    /** How many answers carried this response code (0 when none did). */
    public long rejections(String responseCode) {
        return rejectionsByCode.getOrDefault(responseCode, 0L);
    }

    /** All rejections, whatever their code. */
    public long totalRejections() {
        return rejectionsByCode.values().stream().mapToLong(Long::longValue).sum();
    }
}
