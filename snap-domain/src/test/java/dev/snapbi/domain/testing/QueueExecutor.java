package dev.snapbi.domain.testing;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An executor that only queues; the test decides when background work runs. */
public final class QueueExecutor implements Executor {

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    /** How many tasks wait. */
    public int pending() {
        return tasks.size();
    }

    /** Runs every waiting task on the calling thread; returns how many ran. */
    public int runAll() {
        int n = 0;
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }

    /**
     * Blocks until a task is queued (at most {@code safetyNet}), then runs it on the calling thread; whether one ran.
     * Lets a helper thread drive background work without spinning.
     */
    public boolean awaitAndRunOne(Duration safetyNet) throws InterruptedException {
        Runnable r = tasks.poll(safetyNet.toNanos(), TimeUnit.NANOSECONDS);
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }
}
