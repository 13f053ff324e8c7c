package dev.snapbi.domain.testing;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** An executor that only queues; the test decides when background work runs. */
public final class QueueExecutor implements Executor {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

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
}
