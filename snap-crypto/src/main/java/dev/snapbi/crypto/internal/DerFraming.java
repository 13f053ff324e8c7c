package dev.snapbi.crypto.internal;

import org.bouncycastle.asn1.ASN1Primitive;

import java.io.IOException;

/**
 * Classify, first step: checks that bytes hold exactly one complete DER structure (not cut off, nothing after it)
 * before Bouncy Castle's ASN.1 parser reads them, so that a truncated copy is named as such instead of as garbage.
 */
final class DerFraming {

    /** {@link #declaredLength} when the bytes end inside the header. */
    private static final long HEADER_CUT = -2;

    private DerFraming() {
    }

    /** The one DER structure that {@code der} holds; refused (see {@link KeyRefusals}) when it holds anything else. */
    static ASN1Primitive parse(byte[] der, String container, KeySource source) {
        if (der.length == 0) {
            throw KeyRefusals.noKeyData(container, source);
        }
        if (der[0] == 0x30) {
            long declared = declaredLength(der);
            if (declared == HEADER_CUT) {
                throw KeyRefusals.headerCutOff(der.length, container, source);
            }
            if (declared > der.length) {
                throw KeyRefusals.cutOff(der.length, declared, container, source);
            }
            if (declared > 0 && declared < der.length) {
                throw KeyRefusals.trailingBytes(der.length - declared, container, source);
            }
        }
        ASN1Primitive asn1 = parseQuietly(der);
        if (asn1 == null) {
            throw KeyRefusals.notDer(der.length, container, source);
        }
        return asn1;
    }

    /** The DER structure in {@code der}, or null when Bouncy Castle cannot parse it. */
    static ASN1Primitive parseQuietly(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Total length (header + content) of the outer DER element; -1 for a length form DER does not use (the ASN.1
     * parser then says what it is), {@link #HEADER_CUT} when the bytes end inside the header.
     */
    private static long declaredLength(byte[] der) {
        if (der.length < 2) {
            return HEADER_CUT;
        }
        int first = der[1] & 0xFF;
        if (first < 0x80) {
            return 2L + first;
        }
        int count = first & 0x7F;
        if (count == 0 || count > 4) {
            return -1;
        }
        if (der.length < 2 + count) {
            return HEADER_CUT;
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[2 + i] & 0xFF);
        }
        return 2L + count + length;
    }
}
