package dev.snapbi.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes allocated per operation, split between the sandbox's threads ({@code alloc.server.norm}: {@code snap-sandbox-*}
 * and the JDK HTTP server's {@code HTTP-Dispatcher}) and every other thread of the benchmark JVM
 * ({@code alloc.client.norm}: the benchmark's, the HTTP clients', JMH's). JMH's {@code -prof gc} reports the sum; when
 * the server runs in the same JVM it dilutes a comparison of clients, which this split undoes. Threads that end
 * within an iteration are not counted. JMH runs the trial's tear-down (which stops the sandbox and its threads) before
 * the profilers see the last iteration: a benchmark that stops threads there calls {@link #iterationEnded()} from an
 * {@code @TearDown(Level.Iteration)} method, whose snapshot then ends the iteration. Use with
 * {@code -prof dev.snapbi.benchmarks.ThreadAllocationProfiler}.
 */
public final class ThreadAllocationProfiler implements InternalProfiler {

    /** The snapshot taken at the end of the iteration by the benchmark, if it took one. */
    private static volatile Map<Long, long[]> ended;
    private Map<Long, long[]> before = Map.of();

    /** Called by the benchmark at the end of each iteration, before any thread is stopped. */
    public static void iterationEnded() {
        ended = snapshot();
    }

    @Override
    public String getDescription() {
        return "bytes allocated per operation by the sandbox's threads and by all others";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        ended = null;
        before = snapshot();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        Map<Long, long[]> marked = ended;
        ended = null;
        Map<Long, long[]> after = marked != null ? marked : snapshot();
        long server = 0;
        long client = 0;
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] then = before.get(e.getKey());
            long delta = e.getValue()[0] - (then == null ? 0 : then[0]);
            if (e.getValue()[1] == 1) {
                server += delta;
            } else {
                client += delta;
            }
        }
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("alloc.client.norm", ops == 0 ? Double.NaN : (double) client / ops, "B/op",
                        AggregationPolicy.AVG),
                new ScalarResult("alloc.server.norm", ops == 0 ? Double.NaN : (double) server / ops, "B/op",
                        AggregationPolicy.AVG));
    }

    /** Per live thread id: {allocated bytes, 1 if a server thread else 0}. */
    private static Map<Long, long[]> snapshot() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, long[]> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || bytes[i] < 0) {
                continue;
            }
            String name = infos[i].getThreadName();
            boolean server = name.startsWith("snap-sandbox") || name.startsWith("HTTP-Dispatcher");
            out.put(ids[i], new long[] {bytes[i], server ? 1 : 0});
        }
        return out;
    }
}
