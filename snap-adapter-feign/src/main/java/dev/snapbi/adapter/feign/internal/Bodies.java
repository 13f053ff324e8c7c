package dev.snapbi.adapter.feign.internal;

import feign.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads answer bodies without trusting the server: at most a limit + 1 bytes are buffered (one more than allowed, to
 * tell "exactly the limit" from "too long"), and a streaming body must arrive within one deadline for all of it. The
 * JDK client's request timeout stops at the response headers; without the deadline a server that drips its body, or
 * streams it without end, would hold the calling thread forever.
 * <p>
 * The deadline is kept by a watchdog on the JDK's shared delay thread that closes the stream (which wakes a blocked
 * reader) and interrupts the reading thread (which wakes a reader blocked in a queue, as the JDK client's stream is);
 * the interrupt is cleared again before this method returns, so the caller's interrupt status is untouched unless it
 * was interrupted by someone else.
 */
public final class Bodies {

    /** The largest token answer body accepted by default: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Bodies() {
    }

    /**
     * Reads the body within {@code deadline}, at most {@link #MAX_BODY_BYTES}: see
     * {@link #readBounded(Response, Duration, int)}.
     */
    public static Bounded readBounded(Response response, Duration deadline) throws IOException {
        return readBounded(response, deadline, MAX_BODY_BYTES);
    }

    /**
     * Reads the body: at most {@code limit + 1} bytes, nothing at all when its declared length is already over the
     * limit. Empty when there is no body.
     *
     * @param deadline how long the whole body may take to arrive
     * @throws BodyTimeoutException when the body did not arrive within the deadline
     * @throws IOException          when reading failed (connection dropped, truncated chunked body, ...)
     */
    public static Bounded readBounded(Response response, Duration deadline, int limit) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new Bounded(new byte[0], false);
        }
        if (isDeclaredOversized(response, limit)) {
            return new Bounded(new byte[0], true); // do not read a byte of it
        }
        InputStream in = body.asInputStream();
        long declared = body.length() == null ? -1 : body.length();
        if (body.isRepeatable()) {
            return Bounded.of(readAtMost(in, limit + 1, declared), limit); // already in memory
        }
        return Bounded.of(readWithin(in, deadline, limit + 1, declared), limit);
    }

    /**
     * Reads at most {@code max} bytes of {@code in}, all within {@code deadline}, then closes it.
     *
     * @throws BodyTimeoutException when the deadline passed first
     */
    public static byte[] readWithin(InputStream in, Duration deadline, int max) throws IOException {
        return readWithin(in, deadline, max, -1);
    }

    /**
     * As {@link #readWithin(InputStream, Duration, int)}, the buffer sized from the declared length when there is one
     * ({@code Content-Length}; -1 for none): a body of that length is read into one array of exactly its size.
     */
    public static byte[] readWithin(InputStream in, Duration deadline, int max, long declaredLength)
            throws IOException {
        Deadline watchdog = Deadline.start(deadline);
        watchdog.guard(in);
        try {
            byte[] bytes = readAtMost(in, max, declaredLength);
            if (watchdog.expired()) {
                throw watchdog.timeout(); // a closed stream may end early instead of failing
            }
            return bytes;
        } catch (IOException e) {
            if (watchdog.expired()) {
                throw watchdog.timeout();
            }
            throw e;
        } finally {
            watchdog.close();
            closeQuietly(in);
        }
    }

    /** Whether the body's declared length (Content-Length) is over the default limit. */
    public static boolean isDeclaredOversized(Response response) {
        return isDeclaredOversized(response, MAX_BODY_BYTES);
    }

    /** Whether the body's declared length (Content-Length) is over {@code limit}. */
    public static boolean isDeclaredOversized(Response response, int limit) {
        Integer declared = response.body() == null ? null : response.body().length();
        return declared != null && declared > limit;
    }

    /**
     * What was read of a body.
     *
     * @param bytes     the bytes read: the whole body, or one byte more than the limit of a longer one, or none when
     *                  the declared length was already too large
     * @param oversized whether the body is longer than the limit
     */
    public record Bounded(byte[] bytes, boolean oversized) {

        static Bounded of(byte[] bytes, int limit) {
            return new Bounded(bytes, bytes.length > limit);
        }
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return readAtMost(in, limit, -1);
    }

    /**
     * Reads at most {@code limit} bytes. With a declared length within the limit the buffer has exactly that size
     * and, when the stream ends there, is returned as it is (one probe read tells the end; a body longer than it said
     * is still read on, up to the limit); without one it starts at 8 KiB (or the limit) and doubles.
     */
    static byte[] readAtMost(InputStream in, int limit, long declaredLength) throws IOException {
        boolean declared = declaredLength >= 0 && declaredLength <= limit;
        byte[] buffer = new byte[declared ? (int) declaredLength : Math.max(1, Math.min(limit, 8192))];
        int size = 0;
        while (size < limit) {
            if (size == buffer.length) {
                int next = declared ? in.read() : -2; // the declared length is reached: does the body end here?
                if (next == -1) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(64, buffer.length * 2L)));
                if (next >= 0) {
                    buffer[size++] = (byte) next;
                    declared = false;
                    continue;
                }
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

        /** The body took longer than {@code deadline}. */
        public BodyTimeoutException(Duration deadline) {
            super("the answer body did not arrive within " + deadline.toMillis() + " ms");
        }
    }

    /** The body is longer than the size limit. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        /** A body over {@code limit} bytes. */
        public BodyTooLargeException(int limit) {
            super("the answer body is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        /** The limit in bytes. */
        public int limit() {
            return limit;
        }
    }
}
