package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads key files: refuses missing, oversized, endless and silent files with a message naming the path (the bounded
 * reading itself is {@link BoundedRead}'s), then hands binary DER to {@link KeyDecoder} and text to {@link KeyTexts}.
 */
public final class KeyFiles {

    /** Files larger than this are refused: a 16384-bit RSA key in PEM is about 13 KB. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /**
     * How long a file that is not a regular file (a FIFO, {@code /dev/stdin}, a process substitution such as
     * {@code <(echo "$KEY")}) may take to deliver its bytes before it is refused.
     */
    public static final Duration SPECIAL_FILE_WAIT = Duration.ofSeconds(10);

    private KeyFiles() {
    }

    /** An RSA private key from a PEM, Base64 or DER file. */
    public static RSAPrivateKey privateKey(Path file, char[] password, KeySource source) {
        byte[] bytes = read(file, source);
        try {
            if (isDer(bytes)) {
                return KeyDecoder.privateKey(bytes, "in a DER file", password, source);
            }
            return KeyTexts.privateKey(new String(bytes, StandardCharsets.UTF_8), password, source);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** An RSA public key from a PEM, Base64 or DER file (public key or certificate). */
    public static RSAPublicKey publicKey(Path file, KeySource source) {
        byte[] bytes = read(file, source);
        if (isDer(bytes)) {
            return KeyDecoder.publicKey(bytes, "in a DER file", source);
        }
        return KeyTexts.publicKey(new String(bytes, StandardCharsets.UTF_8), source);
    }

    /**
     * The bytes of a key file, refusing missing, oversized and unreadable files with a message naming the path.
     */
    public static byte[] read(Path file, KeySource source) {
        return read(file, source, SPECIAL_FILE_WAIT);
    }

    /**
     * As {@link #read(Path, KeySource)}, waiting at most {@code wait} for a file that is not a regular file. Never
     * reads more than {@link #MAX_FILE_BYTES} + 1 bytes, so an endless file ({@code /dev/zero}) is refused, not
     * swallowed.
     */
    public static byte[] read(Path file, KeySource source, Duration wait) {
        if (file == null) {
            throw source.refuse("no file (null path)", "a readable file holding " + source.expected(), null);
        }
        if (!Files.exists(file)) {
            throw source.refuse("no such file", "a readable file holding " + source.expected(),
                    "check the path (relative paths resolve against " + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw source.refuse("a directory", "a file holding " + source.expected(), null);
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw source.refuse("a file of " + size + " bytes, far larger than any key",
                        "a file holding " + source.expected(), null);
            }
            byte[] bytes = Files.isRegularFile(file) ? BoundedRead.read(file, MAX_FILE_BYTES)
                    : BoundedRead.readWithin(file, MAX_FILE_BYTES, wait);
            if (bytes == null) {
                throw source.refuse("a file that delivered no data within " + wait.toSeconds() + " s (a FIFO nobody"
                        + " writes to?)", "a file holding " + source.expected(), null);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                Arrays.fill(bytes, (byte) 0);
                throw source.refuse("more than " + MAX_FILE_BYTES + " bytes (an endless file such as /dev/zero?),"
                        + " far more than any key", "a file holding " + source.expected(), null);
            }
            return bytes;
        } catch (IOException e) {
            // file-system messages name the path, never the content
            throw new SnapConfigurationException(source.message("a file that could not be read ("
                    + e.getClass().getSimpleName() + ")", "a readable file holding " + source.expected(),
                    "check the file's permissions"), e);
        }
    }

    /** Binary DER starts with a SEQUENCE tag and a length byte that text never has. */
    private static boolean isDer(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0x30 && ((bytes[1] & 0xFF) >= 0x80 || (bytes[1] & 0xFF) < 0x20);
    }
}
