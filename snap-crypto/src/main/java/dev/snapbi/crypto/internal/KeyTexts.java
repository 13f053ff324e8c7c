package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads key text and key files in every shape {@link PemText} recognises and hands the bytes to {@link KeyDecoder}.
 */
public final class KeyTexts {

    /** Files larger than this are refused: a 16384-bit RSA key in PEM is about 13 KB. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /**
     * How long a file that is not a regular file (a FIFO, {@code /dev/stdin}, a process substitution such as
     * {@code <(echo "$KEY")}) may take to deliver its bytes before it is refused.
     */
    public static final Duration SPECIAL_FILE_WAIT = Duration.ofSeconds(10);
    /** The most PBKDF2 (or PKCS#12 / PBES1) iterations an encrypted key may ask for: OpenSSL writes 2048. */
    public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    /** The most memory scrypt may need (128 * N * r bytes) to decrypt a key: OpenSSL's N=16384, r=8 need 16 MiB. */
    public static final long MAX_SCRYPT_MEMORY_BYTES = 64L << 20;
    /** The largest scrypt parallelization parameter p accepted. */
    public static final int MAX_SCRYPT_PARALLELISM = 16;

    private static final String BARE = "in Base64 text without a PEM header";

    private KeyTexts() {
    }

    /** An RSA private key from text; {@code password} may be null and is not wiped here. */
    public static RSAPrivateKey privateKey(String text, char[] password, KeySource source) {
        String t = normalized(text, source);
        if (PemText.hasPemMarker(t)) {
            List<PemText.Block> blocks = PemText.blocks(t, source);
            long privateBlocks = blocks.stream().filter(b -> b.label().endsWith("PRIVATE KEY")).count();
            if (privateBlocks > 1) {
                throw source.refuse(privateBlocks + " private key blocks", "exactly one private key",
                        "keep only the key to sign with");
            }
            PemText.Block block = pick(blocks, label -> label.endsWith("PRIVATE KEY"), source);
            if (block.isLegacyEncrypted()) {
                return KeyDecoder.legacyEncrypted(block, password, source);
            }
            refuseNonDerPem(block, source);
            byte[] der = PemText.decodeBase64(block.base64(), block.describe(), source);
            try {
                return KeyDecoder.privateKey(der, "in " + block.describe(), password, source);
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        byte[] der = bareBase64(t, source);
        try {
            return KeyDecoder.privateKey(der, BARE, password, source);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** An RSA public key from text: SubjectPublicKeyInfo, certificate or PKCS#1 public key. */
    public static RSAPublicKey publicKey(String text, KeySource source) {
        String t = normalized(text, source);
        if (PemText.hasPemMarker(t)) {
            PemText.Block block = pick(PemText.blocks(t, source),
                    label -> label.endsWith("PUBLIC KEY") || label.equals("CERTIFICATE"), source);
            if (block.isLegacyEncrypted()) {
                throw source.refuse("an encrypted private key in " + block.describe() + " where a public key"
                        + " belongs", "a verifier needs only the public key; derive it with"
                        + " 'openssl pkey -in private.pem -pubout -out public.pem'");
            }
            refuseNonDerPem(block, source);
            byte[] der = PemText.decodeBase64(block.base64(), block.describe(), source);
            return KeyDecoder.publicKey(der, "in " + block.describe(), source);
        }
        return KeyDecoder.publicKey(bareBase64(t, source), BARE, source);
    }

    /** The RSA public key of an X.509 certificate given as PEM or bare Base64. */
    public static RSAPublicKey certificateKey(String text, KeySource source) {
        String t = normalized(text, source);
        if (PemText.hasPemMarker(t)) {
            PemText.Block block = pick(PemText.blocks(t, source), label -> label.equals("CERTIFICATE"), source);
            byte[] der = PemText.decodeBase64(block.base64(), block.describe(), source);
            return KeyDecoder.publicKeyOfCertificate(der, "in " + block.describe(), source);
        }
        return KeyDecoder.publicKeyOfCertificate(bareBase64(t, source), BARE, source);
    }

    /** An RSA private key from a PEM, Base64 or DER file. */
    public static RSAPrivateKey privateKeyFile(Path file, char[] password, KeySource source) {
        byte[] bytes = read(file, source);
        try {
            if (isDer(bytes)) {
                return KeyDecoder.privateKey(bytes, "in a DER file", password, source);
            }
            return privateKey(new String(bytes, StandardCharsets.UTF_8), password, source);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** An RSA public key from a PEM, Base64 or DER file (public key or certificate). */
    public static RSAPublicKey publicKeyFile(Path file, KeySource source) {
        byte[] bytes = read(file, source);
        if (isDer(bytes)) {
            return KeyDecoder.publicKey(bytes, "in a DER file", source);
        }
        return publicKey(new String(bytes, StandardCharsets.UTF_8), source);
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

    private static String normalized(String text, KeySource source) {
        if (text == null) {
            throw source.refuse("nothing (null)", "if the key comes from an environment variable, check that it"
                    + " is set");
        }
        String t = PemText.normalize(text);
        if (t.isEmpty()) {
            throw source.refuse("an empty text", "if the key comes from an environment variable, check that it is set");
        }
        return t;
    }

    private static PemText.Block pick(List<PemText.Block> blocks, Predicate<String> wanted, KeySource source) {
        if (blocks.isEmpty()) {
            throw source.refuse("a '-----BEGIN' line that does not form a PEM header (labels are upper case, e.g."
                    + " '-----BEGIN PRIVATE KEY-----')", null);
        }
        return blocks.stream().filter(b -> wanted.test(b.label())).findFirst().orElse(blocks.get(0));
    }

    private static void refuseNonDerPem(PemText.Block block, KeySource source) {
        String label = block.label();
        if (label.startsWith("OPENSSH ")) {
            throw source.refuse("an OpenSSH key (" + block.describe() + ")", "convert it to PKCS#8 with"
                    + " 'ssh-keygen -p -m PKCS8 -f <file>' (this rewrites the file in place)");
        }
        if (label.startsWith("PGP ")) {
            throw source.refuse("an OpenPGP key (" + block.describe() + ")", "SNAP uses plain RSA keys, not PGP keys");
        }
    }

    private static byte[] bareBase64(String text, KeySource source) {
        if (text.startsWith("ssh-")) {
            throw source.refuse("an OpenSSH public key (ssh-...)", "convert it with 'ssh-keygen -e -m PKCS8 -f"
                    + " key.pub' and, for signing, use the private key instead");
        }
        String pathHint = looksLikePath(text) ? "it looks like a file path; read files with RsaSigner.fromFile(Path),"
                + " RsaVerifier.fromFile(Path), PrivateKeys.read(Path) or PublicKeys.read(Path)" : null;
        String base64 = PemText.withoutWhitespace(text);
        if (pathHint != null || base64.length() < 64) {
            throw source.refuse("a text of " + text.length() + " characters that is neither PEM nor Base64 DER"
                    + (pathHint == null ? " (too short to hold a key)" : ""), pathHint);
        }
        return PemText.decodeBase64(base64, "text without a PEM header", source);
    }

    private static boolean looksLikePath(String text) {
        if (text.length() > 4096 || text.indexOf('\n') >= 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean keyExtension = lower.endsWith(".pem") || lower.endsWith(".key") || lower.endsWith(".der")
                || lower.endsWith(".p8") || lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".crt")
                || lower.endsWith(".cer") || lower.endsWith(".pub");
        boolean pathStart = text.startsWith("/") || text.startsWith("~") || text.startsWith("./")
                || text.startsWith("../") || text.startsWith("\\") || (text.length() > 2 && text.charAt(1) == ':');
        return keyExtension || (pathStart && text.length() < 256 && text.indexOf(' ') < 0
                && (text.indexOf('.') >= 0 || text.indexOf('/', 1) >= 0));
    }
}
