package dev.snapbi.crypto.internal;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Classify: what a parsed DER structure is, told apart by its outline alone (the types and count of the outer
 * SEQUENCE's elements), before anything tries to turn it into a key. Every neighbouring format a user might paste is
 * recognised so that a refusal can name it.
 */
enum KeyShape {
    PKCS8_PRIVATE("a private key (PKCS#8)"),
    PKCS8_ENCRYPTED("an encrypted private key (PKCS#8)"),
    PKCS1_RSA_PRIVATE("an RSA private key (PKCS#1)"),
    PKCS1_RSA_PUBLIC("an RSA public key (PKCS#1)"),
    SPKI_PUBLIC("a public key (X.509 SubjectPublicKeyInfo)"),
    CERTIFICATE("a certificate"),
    PKCS12("a PKCS#12 keystore"),
    SEC1_EC_PRIVATE("an EC private key (SEC 1)"),
    DSA_PRIVATE("a DSA private key"),
    UNKNOWN(null);

    private final String description;

    KeyShape(String description) {
        this.description = description;
    }

    /** The shape of {@code asn1}; {@link #UNKNOWN} for anything that is not a key structure this library names. */
    static KeyShape of(ASN1Primitive asn1) {
        if (!(asn1 instanceof ASN1Sequence s) || s.size() < 2) {
            return UNKNOWN;
        }
        int n = s.size();
        ASN1Encodable e0 = s.getObjectAt(0);
        ASN1Encodable e1 = s.getObjectAt(1);
        if (e0 instanceof ASN1Integer version) {
            if (n >= 3 && e1 instanceof ASN1Sequence && s.getObjectAt(2) instanceof ASN1OctetString) {
                return PKCS8_PRIVATE;
            }
            if (n >= 9 && allIntegers(s, 9)) {
                return PKCS1_RSA_PRIVATE;
            }
            if (n == 6 && allIntegers(s, 6)) {
                return DSA_PRIVATE;
            }
            if (n == 2 && e1 instanceof ASN1Integer) {
                return PKCS1_RSA_PUBLIC;
            }
            if (version.hasValue(1) && e1 instanceof ASN1OctetString) {
                return SEC1_EC_PRIVATE;
            }
            if (version.hasValue(3) && e1 instanceof ASN1Sequence) {
                return PKCS12;
            }
            return UNKNOWN;
        }
        if (e0 instanceof ASN1Sequence) {
            if (n == 2 && e1 instanceof ASN1OctetString) {
                return PKCS8_ENCRYPTED;
            }
            if (n == 2 && e1 instanceof ASN1BitString) {
                return SPKI_PUBLIC;
            }
            if (n == 3 && e1 instanceof ASN1Sequence && s.getObjectAt(2) instanceof ASN1BitString) {
                return CERTIFICATE;
            }
        }
        return UNKNOWN;
    }

    /** How a structure of this shape, {@code length} bytes long, is named in messages. */
    String describe(int length) {
        return description != null ? description
                : length + " bytes of DER data that are not a key this library reads";
    }

    private static boolean allIntegers(ASN1Sequence s, int count) {
        for (int i = 0; i < count; i++) {
            if (!(s.getObjectAt(i) instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }
}
