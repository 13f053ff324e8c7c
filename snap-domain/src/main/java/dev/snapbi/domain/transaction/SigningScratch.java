package dev.snapbi.domain.transaction;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ProviderProfile;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One thread's reusable buffers for {@link TransactionSigner}: the symmetric string to sign
 * ({@code METHOD:path:token:hex(SHA-256(body)):timestamp}) written as its UTF-8 bytes straight into a byte array that
 * grows only when a longer one comes, with the body's SHA-256 computed into a reused array. The bytes are exactly
 * {@code StringToSign.symmetric(...).utf8()}: the same UTF-8 encoding as {@link String#getBytes}, an unpaired
 * surrogate included (written as {@code ?}). Never shared between threads; holds no configuration.
 */
final class SigningScratch {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] text = new byte[512];
    /** The last request path signed on this thread and its signing path: a client calls few paths, over and over. */
    private String lastPath;
    private String lastSigningPath;

    SigningScratch() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The signing path of {@code pathAndQuery}, remembered for the next call with the same path. */
    String signingPath(String pathAndQuery, ProviderProfile profile) {
        if (pathAndQuery != null && pathAndQuery.equals(lastPath)) {
            return lastSigningPath;
        }
        String signingPath = profile.signingPath(pathAndQuery);
        lastPath = pathAndQuery;
        lastSigningPath = signingPath;
        return signingPath;
    }

    /** The buffer {@link #write} filled; valid until the next call on this thread. */
    byte[] bytes() {
        return text;
    }

    /**
     * Writes the UTF-8 bytes of the symmetric string to sign into {@link #bytes()}, validating as
     * {@code StringToSign.symmetric} does (same messages).
     *
     * @return how many bytes were written
     */
    int write(String method, String signingPath, String accessToken, byte[] body, String timestamp) {
        String problem = AccessToken.problemWith(accessToken);
        if (problem != null) {
            throw new SnapConfigurationException("invalid access token for the symmetric signature: " + problem);
        }
        if (method == null || method.isEmpty() || !upperCaseLetters(method)) {
            throw new SnapConfigurationException("the HTTP method must be upper-case letters, got '" + method + "'");
        }
        if (signingPath == null || !signingPath.startsWith("/")) {
            throw new SnapConfigurationException("the path to sign must start with '/', got '" + signingPath + "'");
        }
        // at most 3 bytes per char (a surrogate pair: 4 bytes for 2 chars); method, token and timestamp are ASCII
        long most = method.length() + 3L * signingPath.length() + accessToken.length() + 64L + 3L * timestamp.length()
                + 4;
        if (most > text.length) {
            if (most > Integer.MAX_VALUE - 16) {
                throw new SnapConfigurationException("the path to sign is too long (" + signingPath.length()
                        + " characters)");
            }
            text = new byte[(int) Math.max(most, 2L * text.length)];
        }
        byte[] out = text;
        int n = ascii(method, out, 0);
        out[n++] = ':';
        n = utf8(signingPath, out, n);
        out[n++] = ':';
        n = ascii(accessToken, out, n);
        out[n++] = ':';
        n = sha256Hex(body, out, n);
        out[n++] = ':';
        return utf8(timestamp, out, n);
    }

    private static boolean upperCaseLetters(String method) {
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII only (checked by the caller). */
    private static int ascii(String s, byte[] out, int at) {
        int n = at;
        for (int i = 0; i < s.length(); i++) {
            out[n++] = (byte) s.charAt(i);
        }
        return n;
    }

    /** As {@code s.getBytes(UTF_8)}: an unpaired surrogate becomes {@code ?}. */
    static int utf8(String s, byte[] out, int at) {
        int n = at;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out[n++] = (byte) (0xF0 | (cp >> 18));
                    out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[n++] = '?';
                }
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    /** Lower-case hex of SHA-256 over the body (empty for none). */
    private int sha256Hex(byte[] body, byte[] out, int at) {
        if (body != null) {
            sha256.update(body);
        }
        try {
            sha256.digest(digest, 0, digest.length); // also resets it
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 gives 32 bytes", e);
        }
        int n = at;
        for (byte b : digest) {
            out[n++] = HEX[(b >> 4) & 0xF];
            out[n++] = HEX[b & 0xF];
        }
        return n;
    }
}
