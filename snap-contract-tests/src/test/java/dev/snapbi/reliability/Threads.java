package dev.snapbi.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Live-thread accounting for the leak checks. */
final class Threads {

    /**
     * Threads that the JVM or the test framework start once and keep: they are not owned by anything under test.
     * {@code CompletableFutureDelayScheduler} is the JDK's single delay thread behind
     * {@code CompletableFuture.delayedExecutor} (the adapter's body-deadline watchdog uses it).
     */
    private static final List<String> JVM_WIDE = List.of("CompletableFutureDelayScheduler",
            "ForkJoinPool.commonPool-worker-", "process reaper", "Attach Listener", "surefire-", "junit-",
            "JFR ", "Common-Cleaner", "Notification Thread", "Signal Dispatcher", "Finalizer", "Reference Handler");

    private Threads() {
    }

    /** The threads alive now. */
    static Set<Thread> live() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * Waits, at most {@code bound}, until every thread started after {@code before} has ended (JVM-wide ones
     * excepted), running the garbage collector meanwhile: the JDK's HTTP client stops its selector and worker threads
     * only once the client is unreachable. Returns the threads still alive at the end, with their stacks.
     */
    static String awaitNewThreadsEnded(Set<Thread> before, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Thread> left;
        do {
            System.gc();
            left = started(before);
            if (left.isEmpty()) {
                return "";
            }
            Thread.sleep(100);
        } while (System.nanoTime() - deadline < 0);
        return left.stream().map(t -> t.getName() + " " + t.getState() + "\n    at " + List.of(t.getStackTrace())
                        .stream().limit(8).map(String::valueOf).collect(Collectors.joining("\n    at ")))
                .collect(Collectors.joining("\n"));
    }

    private static List<Thread> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t != Thread.currentThread())
                .filter(t -> JVM_WIDE.stream().noneMatch(prefix -> t.getName().startsWith(prefix)))
                .collect(Collectors.toList());
    }
}
