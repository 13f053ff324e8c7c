package dev.snapbi.domain.token.internal;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapUnavailableException;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A refresh-ahead cell on a monotonic clock in nanoseconds (the token package's {@code Ticker}), in the spirit of
 * AWS SDK v2's {@code CachedSupplier}: it holds one value with three points in time (prefetch, stale, expiry) and
 * runs at most one refresh at a time.
 * <ul>
 *   <li>Before the prefetch point {@link #get()} is a volatile read and a ticker read.</li>
 *   <li>Between prefetch and stale point one refresh starts on the executor; callers keep the current value.</li>
 *   <li>From the stale point callers wait (bounded by {@code maxWait}) for the refresh; a failed or late refresh
 *   still yields the old value while it has not expired. A value is never handed out at or past its expiry.</li>
 *   <li>A refresh has a deadline: past it the refresh is abandoned (its thread interrupted), the slot freed, and a
 *   new refresh allowed after the back-off. An executor that throws or silently drops the task cannot wedge it.</li>
 *   <li>{@link #invalidate} is final: an invalidated value is never published again, even by a refresh that read
 *   it before the invalidation.</li>
 * </ul>
 * Not part of the API.
 *
 * @param <T> the value type
 */
public final class RefreshAheadCell<T> {

    /** A value with its decision points on the ticker; {@code prefetchAt <= staleAt <= expiresAt}. */
    public record Timed<T>(T value, long prefetchAt, long staleAt, long expiresAt) {

        /** Validates. */
        public Timed {
            Objects.requireNonNull(value, "value");
        }

        /** The same value with another prefetch point (clamped to the stale point). */
        public Timed<T> withPrefetchAt(long at) {
            return new Timed<>(value, at - staleAt < 0 ? at : staleAt, staleAt, expiresAt);
        }
    }

    /** Produces the next value; runs on the executor. Exceptions are turned into errors by the error mapper. */
    @FunctionalInterface
    public interface Refresher<T> {
        /** The next value, given the current one (may be null). */
        Timed<T> refresh(Timed<T> previous);
    }

    /** Settings of a cell. */
    public record Settings(Duration maxWait, Duration minBackoff, Duration fetchTimeout) {
    }

    private static final int REMEMBERED_INVALIDATIONS = 64;

    private final Refresher<T> refresher;
    private final LongSupplier ticker;
    private final Executor executor;
    private final long maxWaitNanos;
    private final long minBackoffNanos;
    private final long fetchTimeoutNanos;
    private final Duration maxWait;
    private final Function<Throwable, SnapException> errors;
    private final Supplier<String> subject;
    private final Supplier<RuntimeException> closedError;

    private volatile Timed<T> current;
    private volatile Failure lastFailure;
    private volatile boolean closed;
    private final AtomicReference<Flight<T>> inFlight = new AtomicReference<>();
    // guarded by this
    private final Set<T> invalidated = Collections.newSetFromMap(new LinkedHashMap<T, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
            return size() > REMEMBERED_INVALIDATIONS;
        }
    });

    /**
     * A cell.
     *
     * @param errors      maps an exception of the refresher (or the executor) to the typed error callers get
     * @param subject     names what is refreshed in messages, e.g. "an access token for client K"
     * @param closedError what callers get after {@link #close()} once they need a refresh
     */
    public RefreshAheadCell(Refresher<T> refresher, LongSupplier ticker, Executor executor, Settings settings,
                            Function<Throwable, SnapException> errors, Supplier<String> subject,
                            Supplier<RuntimeException> closedError) {
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxWait = settings.maxWait();
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.minBackoffNanos = settings.minBackoff().toNanos();
        this.fetchTimeoutNanos = settings.fetchTimeout().toNanos();
        this.errors = Objects.requireNonNull(errors, "errors");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.closedError = Objects.requireNonNull(closedError, "closedError");
    }

    /** The current value, refreshing as the points say. */
    public T get() {
        Timed<T> e = current;
        if (e != null && ticker.getAsLong() - e.prefetchAt() < 0) {
            return e.value();
        }
        return slowPath();
    }

    private T slowPath() {
        if (closed) {
            throw closedError.get();
        }
        long now = ticker.getAsLong();
        Timed<T> e = current;
        if (e != null && now - e.prefetchAt() < 0) {
            return e.value();
        }
        abandonIfOverdue(inFlight.get(), now);
        if (e != null && now - e.staleAt() < 0) {
            if (inFlight.get() == null && !inBackoff(now)) {
                start(e, now);
            }
            return e.value();
        }
        return awaitFresh(e);
    }

    private boolean inBackoff(long now) {
        Failure failure = lastFailure;
        return failure != null && now - failure.retryAt < 0;
    }

    private T awaitFresh(Timed<T> seen) {
        long waitEnd = System.nanoTime() + maxWaitNanos; // waiting is real time, whatever the ticker says
        while (true) {
            long now = ticker.getAsLong();
            Timed<T> e = current;
            if (e != null && e != seen && now - e.staleAt() < 0 && !isInvalidated(e.value())) {
                return e.value();
            }
            Flight<T> flight = inFlight.get();
            if (flight != null && abandonIfOverdue(flight, now)) {
                flight = null;
            }
            if (flight == null) {
                Failure failure = lastFailure;
                if (failure != null && now - failure.retryAt < 0) {
                    return usableOrThrow(e, now, failure.error);
                }
                flight = start(e, now);
            }
            long wait = Math.min(waitEnd - System.nanoTime(), flight.deadline - now);
            try {
                if (wait <= 0) {
                    throw new TimeoutException();
                }
                Timed<T> result = flight.result.get(wait, TimeUnit.NANOSECONDS);
                if (result != null && ticker.getAsLong() - result.expiresAt() < 0
                        && !isInvalidated(result.value())) {
                    return result.value();
                }
                // expired while this thread was not running, invalidated meanwhile, or superseded: look again
            } catch (ExecutionException ex) {
                if (closed) {
                    throw closedError.get(); // closed while this caller waited: the state, not a fetch failure
                }
                return usableOrThrow(e, ticker.getAsLong(), errors.apply(ex.getCause()));
            } catch (TimeoutException ex) {
                if (abandonIfOverdue(flight, ticker.getAsLong())) {
                    continue;
                }
                if (System.nanoTime() - waitEnd >= 0) {
                    return usableOrThrow(e, ticker.getAsLong(), new SnapUnavailableException(
                            SnapUnavailableException.Reason.TIMEOUT, "no " + subject.get() + " within " + maxWait
                            + "; the endpoint is slow or unreachable (the fetch goes on)", ex));
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED,
                        "interrupted while waiting for " + subject.get() + "; the fetch goes on for other callers",
                        ex);
            }
        }
    }

    private T usableOrThrow(Timed<T> previous, long now, SnapException error) {
        if (previous != null && now - previous.expiresAt() < 0 && !isInvalidated(previous.value())) {
            return previous.value(); // degraded: the old value has not expired yet
        }
        throw error;
    }

    /** Starts the single refresh, or joins the one in flight. */
    private Flight<T> start(Timed<T> seen, long now) {
        Flight<T> mine = new Flight<>(seen, now + fetchTimeoutNanos);
        while (!inFlight.compareAndSet(null, mine)) {
            Flight<T> other = inFlight.get();
            if (other != null) {
                return other;
            }
        }
        Timed<T> latest = current;
        if (latest != null && latest != seen && now - latest.staleAt() < 0) {
            succeed(mine, latest); // a refresh completed between the caller's look and our CAS
            return mine;
        }
        Failure failure = lastFailure;
        if (failure != null && now - failure.retryAt < 0) {
            release(mine);
            mine.result.completeExceptionally(failure.error);
            return mine;
        }
        Timed<T> basis = latest;
        try {
            executor.execute(() -> run(mine, basis));
        } catch (RuntimeException ex) { // RejectedExecutionException, IllegalStateException, anything
            fail(mine, new SnapUnavailableException(SnapUnavailableException.Reason.OTHER, "the fetch executor refused"
                    + " the task for " + subject.get() + " (" + ex.getClass().getSimpleName()
                    + "); is it shut down or full?", ex));
        }
        return mine;
    }

    private void run(Flight<T> mine, Timed<T> basis) {
        if (!mine.begin()) {
            return; // abandoned before it got a thread
        }
        try {
            Timed<T> next = refresher.refresh(basis);
            if (next == null) {
                throw new IllegalStateException("the refresher returned nothing");
            }
            if (isInvalidated(next.value())) {
                release(mine);
                mine.result.complete(null); // waiters look again and start a new refresh
                return;
            }
            succeed(mine, next);
        } catch (Throwable t) {
            fail(mine, errors.apply(t));
            if (t instanceof Error err && !(t instanceof StackOverflowError)) {
                throw err;
            }
        } finally {
            mine.end();
        }
    }

    private void succeed(Flight<T> mine, Timed<T> next) {
        if (inFlight.get() == mine) { // not abandoned: publish, unless invalidated meanwhile
            publish(next);
            lastFailure = null;
            release(mine);
        }
        mine.result.complete(next);
    }

    private void fail(Flight<T> mine, SnapException error) {
        if (inFlight.get() == mine) {
            lastFailure = new Failure(error, ticker.getAsLong() + minBackoffNanos);
            release(mine);
        }
        mine.result.completeExceptionally(error);
    }

    private void release(Flight<T> mine) {
        inFlight.compareAndSet(mine, null);
    }

    /** Abandons the flight if past its deadline; whether it was abandoned (now or before). */
    private boolean abandonIfOverdue(Flight<T> flight, long now) {
        if (flight == null || now - flight.deadline < 0) {
            return false;
        }
        if (inFlight.compareAndSet(flight, null)) {
            SnapUnavailableException error = new SnapUnavailableException(SnapUnavailableException.Reason.TIMEOUT,
                    "the fetch of " + subject.get() + " did not finish within its deadline of "
                            + Duration.ofNanos(fetchTimeoutNanos) + "; abandoned", null);
            lastFailure = new Failure(error, flight.deadline + minBackoffNanos);
            flight.abandon();
            flight.result.completeExceptionally(error);
        }
        return true;
    }

    /** Sets the current entry unless its value was invalidated; one monitor with the invalidations. */
    private synchronized void publish(Timed<T> next) {
        if (!invalidated.contains(next.value())) {
            current = next;
        }
    }

    /**
     * Drops exactly this value for good: it is remembered, so a refresh that read it before cannot publish it again.
     *
     * @return whether it was the current value
     */
    public synchronized boolean invalidate(T value) {
        invalidated.add(value);
        Timed<T> e = current;
        if (e != null && e.value().equals(value)) {
            current = null;
            return true;
        }
        return false;
    }

    /** Remembers the value as invalidated without dropping it yet (call before removing it from a shared store). */
    public synchronized void markInvalidated(T value) {
        invalidated.add(value);
    }

    /** Whether the value was invalidated (among the last few). */
    public synchronized boolean isInvalidated(T value) {
        return invalidated.contains(value);
    }

    /** The current entry, if any (for diagnostics). */
    public Timed<T> peek() {
        return current;
    }

    /** Whether a refresh is in flight. */
    public boolean isRefreshing() {
        return inFlight.get() != null;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Refuses further refreshes and abandons (interrupts) the one in flight. */
    public void close() {
        closed = true;
        Flight<T> flight = inFlight.getAndSet(null);
        if (flight != null) {
            flight.abandon();
            flight.result.completeExceptionally(closedError.get());
        }
    }

    private static final class Flight<T> {
        final CompletableFuture<Timed<T>> result = new CompletableFuture<>();
        final Timed<T> basis;
        final long deadline;
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private Thread runner; // guarded by this

        Flight(Timed<T> basis, long deadline) {
            this.basis = basis;
            this.deadline = deadline;
        }

        synchronized boolean begin() {
            if (abandoned.get()) {
                return false;
            }
            runner = Thread.currentThread();
            return true;
        }

        synchronized void end() {
            runner = null;
            if (abandoned.get()) {
                Thread.interrupted(); // our interrupt must not leak into the executor's next task
            }
        }

        synchronized void abandon() {
            abandoned.set(true);
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    private static final class Failure {
        final SnapException error;
        final long retryAt;

        Failure(SnapException error, long retryAt) {
            this.error = error;
            this.retryAt = retryAt;
        }
    }
}
