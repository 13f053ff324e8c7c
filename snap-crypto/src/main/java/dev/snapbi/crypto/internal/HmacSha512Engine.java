package dev.snapbi.crypto.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA512 (RFC 2104) over the JDK's own SHA-512, computed into per-thread arrays so that signing a request
 * allocates nothing: {@code H((K ^ opad) || H((K ^ ipad) || message))}, a key longer than the 128-byte block hashed
 * first. {@code javax.crypto.Mac} computes the same value but allocates its inner digest on every call; the tests hold
 * this engine to {@code Mac} and to RFC 4231's known answers. Not API.
 */
public final class HmacSha512Engine {

    private static final int BLOCK = 128;
    private static final int LENGTH = 64;

    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final ThreadLocal<State> perThread = ThreadLocal.withInitial(State::new);

    /** An engine keyed by these bytes (not kept: the pads are derived and the hashed copy of a long key wiped). */
    public HmacSha512Engine(byte[] key) {
        byte[] k = key.length > BLOCK ? sha512().digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /**
     * The MAC of {@code length} bytes of {@code data} from {@code offset}, in this thread's 64-byte output array: read
     * it before this thread computes the next MAC with this engine.
     */
    public byte[] mac(byte[] data, int offset, int length) {
        State s = perThread.get();
        try {
            s.inner.update(innerPad);
            s.inner.update(data, offset, length);
            s.inner.digest(s.innerHash, 0, LENGTH);
            s.outer.update(outerPad);
            s.outer.update(s.innerHash);
            s.outer.digest(s.out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-512 gives " + LENGTH + " bytes", e);
        }
        return s.out;
    }

    /** {@code HmacSha512Engine}: never the pads. */
    @Override
    public String toString() {
        return "HmacSha512Engine";
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime offers SHA-512", e);
        }
    }

    /** One thread's digests and arrays. */
    private static final class State {
        final MessageDigest inner = sha512();
        final MessageDigest outer = sha512();
        final byte[] innerHash = new byte[LENGTH];
        final byte[] out = new byte[LENGTH];
    }
}
