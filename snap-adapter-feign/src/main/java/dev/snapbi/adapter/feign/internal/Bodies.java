package dev.snapbi.adapter.feign.internal;

import feign.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads answer bodies without trusting the server: at most {@link #MAX_BODY_BYTES} + 1 bytes are buffered (one more
 * than allowed, to tell "exactly the limit" from "too long"), and a streaming body must arrive within a deadline.
 * The JDK client's request timeout stops at the response headers; without the deadline a server that stalls
 * mid-body would hold the fetch thread forever.
 */
public final class Bodies {

    /** The largest answer body accepted: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Bodies() {
    }

    /**
     * Reads the body: at most {@code MAX_BODY_BYTES + 1} bytes, nothing at all when its declared length is already
     * over the limit. Empty when there is no body.
     *
     * @param deadline how long the whole body may take to arrive
     * @throws BodyTimeoutException when the body did not arrive within the deadline
     * @throws IOException          when reading failed (connection dropped, truncated chunked body, ...)
     */
    public static Bounded readBounded(Response response, Duration deadline) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new Bounded(new byte[0], false);
        }
        if (isDeclaredOversized(response)) {
            return new Bounded(new byte[0], true); // do not read a byte of it
        }
        InputStream in = body.asInputStream();
        if (body.isRepeatable()) {
            return Bounded.of(readAtMost(in, MAX_BODY_BYTES + 1)); // already in memory
        }
        AtomicBoolean expired = new AtomicBoolean();
        // Closing the stream is what unblocks a reader stuck waiting for bytes; the close runs on the JDK's delay
        // thread, which is cheap and needs no executor of ours.
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            expired.set(true);
            closeQuietly(in);
        }, CompletableFuture.delayedExecutor(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS, Runnable::run));
        try {
            return Bounded.of(readAtMost(in, MAX_BODY_BYTES + 1));
        } catch (IOException e) {
            if (expired.get()) {
                throw new BodyTimeoutException(deadline);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Whether the body's declared length (Content-Length) is over the limit. */
    public static boolean isDeclaredOversized(Response response) {
        Integer declared = response.body() == null ? null : response.body().length();
        return declared != null && declared > MAX_BODY_BYTES;
    }

    /**
     * What was read of a body.
     *
     * @param bytes     the bytes read: the whole body, or {@code MAX_BODY_BYTES + 1} of a longer one, or none when the
     *                  declared length was already too large
     * @param oversized whether the body is longer than {@link #MAX_BODY_BYTES}
     */
    public record Bounded(byte[] bytes, boolean oversized) {

        static Bounded of(byte[] bytes) {
            return new Bounded(bytes, bytes.length > MAX_BODY_BYTES);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] buffer = new byte[Math.min(limit, 8192)];
        int size = 0;
        while (size < limit) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(limit, buffer.length * 2));
            }
            int n = in.read(buffer, size, buffer.length - size);
            if (n < 0) {
                break;
            }
            size += n;
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the reader sees the failure; nothing more to do here
        }
    }

    /** The body did not arrive within the read deadline. */
    public static final class BodyTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTimeoutException(Duration deadline) {
            super("the answer body did not arrive within " + deadline.toMillis() + " ms");
        }
    }
}
