package dev.snapbi.cli.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the files the CLI is given with a size bound (an endless file such as {@code /dev/zero} is refused, not read
 * until the heap is gone) and, for FIFOs and devices, a time bound (a FIFO nobody writes to does not hang the CLI).
 */
public final class BoundedFiles {

    /** How long a file that is not a regular file may take to deliver its bytes. */
    public static final Duration SPECIAL_FILE_WAIT = Duration.ofSeconds(10);

    private BoundedFiles() {
    }

    /**
     * The UTF-8 text of the file, at most {@code max} bytes.
     *
     * @param option the option that named the file, for messages
     * @throws SnapConfigurationException when the file is missing, larger than {@code max}, not UTF-8, or delivers
     *                                    nothing within {@link #SPECIAL_FILE_WAIT}
     */
    public static String readString(Path file, long max, String option) throws IOException {
        return readString(file, max, option, SPECIAL_FILE_WAIT);
    }

    /** As {@link #readString(Path, long, String)}, with the given wait for FIFOs and devices. */
    public static String readString(Path file, long max, String option, Duration wait) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new SnapConfigurationException(option + " " + file + " is a directory; give a file");
        }
        byte[] bytes = Files.isRegularFile(file) ? read(file, max) : readWithin(file, max, wait, option);
        if (bytes.length > max) {
            throw new SnapConfigurationException(option + " " + file + " holds more than " + max + " bytes (an endless"
                    + " file such as /dev/zero?); give the file with the request body");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SnapConfigurationException(option + " " + file + " is not UTF-8 text; save the JSON body as"
                    + " UTF-8", e);
        }
    }

    private static byte[] read(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    private static byte[] readWithin(Path file, long max, Duration wait, String option) throws IOException {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(read(file, max));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "snap-cli-file-reader");
        reader.setDaemon(true); // a FIFO without a writer blocks in open(): the thread is left behind, not the CLI
        reader.start();
        try {
            return result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reader.interrupt();
            throw new SnapConfigurationException(option + " " + file + " delivered no data within "
                    + wait.toSeconds() + " s (a FIFO nobody writes to?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
