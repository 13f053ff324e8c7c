package dev.snapbi.adapter.feign.internal;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One deadline for a piece of blocking I/O on the calling thread. When it passes before {@link #close()}, it closes
 * the stream it guards (which wakes a reader blocked on a socket) and interrupts the thread (which wakes a reader
 * blocked in a queue, as the JDK client's body stream and its {@code send} are). {@link #close()} clears the
 * interrupt it caused, exactly once, so the caller's interrupt status is its own again. The timer runs on the JDK's
 * shared delay thread: no executor of ours.
 */
public final class Deadline implements AutoCloseable {

    private final Thread owner;
    private final Duration duration;
    private final CompletableFuture<Void> timer;
    private Closeable guarded; // guarded by this
    private boolean finished; // guarded by this
    private boolean interrupted; // guarded by this
    private volatile boolean expired;

    private Deadline(Duration duration) {
        this.owner = Thread.currentThread();
        this.duration = duration;
        this.timer = CompletableFuture.runAsync(this::expire, CompletableFuture.delayedExecutor(
                Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS, Runnable::run));
    }

    /** Starts a deadline for the calling thread. */
    public static Deadline start(Duration duration) {
        return new Deadline(duration);
    }

    /** Also closes this stream when the deadline passes (at once if it already has). */
    public void guard(Closeable stream) {
        boolean closeNow;
        synchronized (this) {
            guarded = stream;
            closeNow = expired;
        }
        if (closeNow) {
            closeQuietly(stream);
        }
    }

    private void expire() {
        Closeable stream;
        synchronized (this) {
            if (finished) {
                return;
            }
            expired = true;
            interrupted = true;
            owner.interrupt();
            stream = guarded;
        }
        if (stream != null) {
            closeQuietly(stream);
        }
    }

    /** Whether the deadline passed (before {@link #close()}). */
    public boolean expired() {
        return expired;
    }

    /** The failure to report when it did. */
    public Bodies.BodyTimeoutException timeout() {
        return new Bodies.BodyTimeoutException(duration);
    }

    /** Stops the deadline; clears the interrupt it caused. Safe to call more than once. */
    @Override
    public void close() {
        timer.complete(null); // the pending timer then runs nothing; cancel(false) would make a CancellationException
        synchronized (this) {
            finished = true;
            if (interrupted) {
                interrupted = false;
                Thread.interrupted(); // ours, not the caller's
            }
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // the reader sees the failure
        }
    }
}
