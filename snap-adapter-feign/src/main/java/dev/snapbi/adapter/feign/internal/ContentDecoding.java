package dev.snapbi.adapter.feign.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a {@code Content-Encoding} of {@code gzip} or {@code deflate} on a body that is already wholly in memory:
 * decoding never waits for the network (so it cannot outlive the read deadline) and stops one byte past the size
 * limit (so a small compressed bomb cannot fill the heap).
 */
public final class ContentDecoding {

    private ContentDecoding() {
    }

    /** Whether this content coding is one {@link #decode} undoes. */
    public static boolean isSupported(String contentEncoding) {
        String coding = normalise(contentEncoding);
        return coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate");
    }

    /**
     * The decoded body.
     *
     * @return at most {@code limit + 1} decoded bytes ({@code limit + 1} meaning: longer than the limit)
     * @throws UndecodableBodyException when the body is not valid for its coding
     */
    public static byte[] decode(String contentEncoding, byte[] encoded, int limit) throws IOException {
        String coding = normalise(contentEncoding);
        if (encoded.length == 0) {
            return encoded;
        }
        try (InputStream in = coding.equals("deflate")
                ? new InflaterInputStream(new ByteArrayInputStream(encoded))
                : new GZIPInputStream(new ByteArrayInputStream(encoded))) {
            return Bodies.readAtMost(in, limit + 1);
        } catch (IOException e) {
            throw new UndecodableBodyException(coding, e);
        }
    }

    /** The body is not valid for the coding its {@code Content-Encoding} names. */
    public static final class UndecodableBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        UndecodableBodyException(String coding, IOException cause) {
            super("the answer body is not valid " + coding + " (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    private static String normalise(String contentEncoding) {
        return contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    }
}
