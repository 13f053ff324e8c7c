package dev.snapbi.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads a file with a size bound and, for FIFOs and devices, a time bound. Not API. */
final class BoundedRead {

    private BoundedRead() {
    }

    /** At most {@code max} + 1 bytes of the file: more than {@code max} means the file is too large. */
    static byte[] read(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    /**
     * As {@link #read}, on a daemon thread, waiting at most {@code wait}; {@code null} when the file delivered nothing
     * in time. Opening a FIFO blocks until a writer comes; such a thread is left blocked (it holds nothing but the
     * open call) rather than the caller.
     */
    static byte[] readWithin(Path file, long max, Duration wait) throws IOException {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(read(file, max));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "snapbi-key-file-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reader.interrupt();
            result.thenAccept(bytes -> Arrays.fill(bytes, (byte) 0));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
