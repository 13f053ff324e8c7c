package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Turns DER bytes into JDK RSA key objects in Bouncy Castle's three steps: {@link DerFraming} and {@link KeyShape}
 * classify (what is this?), {@link KeyConversions} converts (Bouncy Castle's {@code JcaPEMKeyConverter} and
 * decryptors), {@link KeyRefusals} explains every input that is not an RSA key of the kind asked for. Only this class
 * decides which step comes next.
 */
public final class KeyDecoder {

    private KeyDecoder() {
    }

    /**
     * An RSA private key from DER: PKCS#8, PKCS#1 or encrypted PKCS#8 (which needs {@code password}).
     *
     * @param container where the bytes were found, e.g. {@code "in a PEM 'PRIVATE KEY' block"}
     * @param password  the password for encrypted PKCS#8, or null; not wiped here
     */
    public static RSAPrivateKey privateKey(byte[] der, String container, char[] password, KeySource source) {
        ASN1Primitive asn1 = DerFraming.parse(der, container, source);
        KeyShape shape = KeyShape.of(asn1);
        switch (shape) {
            case PKCS8_PRIVATE:
            case PKCS1_RSA_PRIVATE:
                return fromPlain(shape, asn1, container, source, false);
            case PKCS8_ENCRYPTED:
                return fromEncryptedPkcs8(asn1, container, password, source);
            default:
                throw KeyRefusals.misplaced(shape, der.length, container, source);
        }
    }

    /**
     * An RSA private key from a legacy OpenSSL-encrypted PEM block ({@code Proc-Type: 4,ENCRYPTED} with
     * {@code DEK-Info}), which OpenSSL 1.x wrote for {@code openssl genrsa -aes256}.
     */
    public static RSAPrivateKey legacyEncrypted(PemText.Block block, char[] password, KeySource source) {
        String dekInfo = block.headers().get("DEK-Info");
        String container = "in " + block.describe();
        String found = KeyRefusals.legacyEncrypted(dekInfo, container);
        if (password == null) {
            throw KeyRefusals.noLegacyPassword(found, source);
        }
        int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
        if (comma < 0) {
            throw KeyRefusals.unusableDekInfo(found, source);
        }
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw KeyRefusals.ivNotHex(found, source);
        }
        byte[] encrypted = PemText.decodeBase64(block.base64(), block.describe(), source);
        byte[] plain;
        try {
            plain = KeyConversions.decryptLegacy(dekInfo.substring(0, comma), iv, encrypted, password);
        } catch (OperatorCreationException e) {
            throw KeyRefusals.unsupportedLegacyCipher(found, source);
        } catch (PEMException | RuntimeException e) {
            throw KeyRefusals.wrongPassword(found, source);
        }
        try {
            ASN1Primitive asn1 = DerFraming.parseQuietly(plain);
            KeyShape shape = asn1 == null ? KeyShape.UNKNOWN : KeyShape.of(asn1);
            switch (shape) {
                case PKCS1_RSA_PRIVATE:
                case PKCS8_PRIVATE:
                    return fromPlain(shape, asn1, container, source, true);
                case SEC1_EC_PRIVATE:
                case DSA_PRIVATE:
                    throw KeyRefusals.misplaced(shape, plain.length, container, source);
                default:
                    // a wrong password decrypts to garbage more often than it fails the padding check
                    throw KeyRefusals.wrongPassword(found, source);
            }
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** An RSA public key from DER: X.509 SubjectPublicKeyInfo, a certificate, or PKCS#1 RSAPublicKey. */
    public static RSAPublicKey publicKey(byte[] der, String container, KeySource source) {
        ASN1Primitive asn1 = DerFraming.parse(der, container, source);
        KeyShape shape = KeyShape.of(asn1);
        switch (shape) {
            case SPKI_PUBLIC:
                return fromSpki(SubjectPublicKeyInfo.getInstance(asn1), container, source);
            case CERTIFICATE:
                return fromCertificate(asn1, container, source);
            case PKCS1_RSA_PUBLIC:
                return fromPkcs1Public(asn1, container, source);
            default:
                throw KeyRefusals.misplaced(shape, der.length, container, source);
        }
    }

    /** The RSA public key of a DER certificate; anything else is refused. */
    public static RSAPublicKey publicKeyOfCertificate(byte[] der, String container, KeySource source) {
        ASN1Primitive asn1 = DerFraming.parse(der, container, source);
        KeyShape shape = KeyShape.of(asn1);
        if (shape != KeyShape.CERTIFICATE) {
            throw KeyRefusals.notCertificate(shape, der.length, container, source);
        }
        return fromCertificate(asn1, container, source);
    }

    // ---- private keys

    /** A private key from unencrypted PKCS#8 or PKCS#1 ({@code shape} says which). */
    private static RSAPrivateKey fromPlain(KeyShape shape, ASN1Primitive asn1, String container, KeySource source,
                                           boolean decrypted) {
        boolean pkcs1 = shape == KeyShape.PKCS1_RSA_PRIVATE;
        PrivateKeyInfo info;
        try {
            info = pkcs1 ? KeyConversions.pkcs8(asn1) : PrivateKeyInfo.getInstance(asn1);
        } catch (IOException | RuntimeException e) {
            throw pkcs1 ? KeyRefusals.notReencoded("a PKCS#1 RSA private key", container, source)
                    : KeyRefusals.unreadable("a PKCS#8 structure", container, source);
        }
        return rsaPrivate(info, container, source, decrypted);
    }

    private static RSAPrivateKey fromEncryptedPkcs8(ASN1Primitive asn1, String container, char[] password,
                                                    KeySource source) {
        PKCS8EncryptedPrivateKeyInfo encrypted;
        try {
            encrypted = new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(asn1));
        } catch (RuntimeException e) {
            throw KeyRefusals.unreadable("an encrypted PKCS#8 structure", container, source);
        }
        AlgorithmIdentifier encryption = encrypted.getEncryptionAlgorithm();
        String found = KeyRefusals.encryptedPkcs8(encryption, container);
        if (password == null) {
            throw KeyRefusals.noPassword(found, source);
        }
        KeyDerivationLimits.check(encryption, found, source);
        PrivateKeyInfo info;
        try {
            info = KeyConversions.decrypt(encrypted, password);
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw causedByUnsupportedAlgorithm(e) ? KeyRefusals.unsupportedScheme(found, source)
                    : KeyRefusals.wrongPassword(found, source);
        }
        try {
            return rsaPrivate(info, container, source, true);
        } catch (SnapConfigurationException refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            throw KeyRefusals.wrongPassword(found, source);
        }
    }

    private static RSAPrivateKey rsaPrivate(PrivateKeyInfo info, String container, KeySource source,
                                            boolean decrypted) {
        return rsaKey(info.getPrivateKeyAlgorithm(), "private", RSAPrivateKey.class,
                () -> KeyConversions.privateKey(info), container, decrypted, source);
    }

    private static boolean causedByUnsupportedAlgorithm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OperatorCreationException || t instanceof NoSuchAlgorithmException) {
                return true;
            }
        }
        return false;
    }

    // ---- public keys

    private static RSAPublicKey fromSpki(SubjectPublicKeyInfo spki, String container, KeySource source) {
        return rsaKey(spki.getAlgorithm(), "public", RSAPublicKey.class, () -> KeyConversions.publicKey(spki),
                container, false, source);
    }

    private static RSAPublicKey fromCertificate(ASN1Primitive asn1, String container, KeySource source) {
        PublicKey key;
        try {
            key = KeyConversions.certificate(asn1).getPublicKey();
        } catch (CertificateException | RuntimeException e) {
            throw KeyRefusals.unreadable("a certificate", container, source);
        }
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        SubjectPublicKeyInfo spki = Certificate.getInstance(asn1).getSubjectPublicKeyInfo();
        throw KeyRefusals.algorithm(spki.getAlgorithm().getAlgorithm(), "certificate's public key", container,
                source);
    }

    private static RSAPublicKey fromPkcs1Public(ASN1Primitive asn1, String container, KeySource source) {
        SubjectPublicKeyInfo spki;
        try {
            spki = KeyConversions.spki(asn1);
        } catch (IOException e) {
            throw KeyRefusals.notReencoded("a PKCS#1 RSA public key", container, source);
        }
        return fromSpki(spki, container, source);
    }

    // ---- both

    /** One of {@link KeyConversions}' key conversions. */
    @FunctionalInterface
    private interface Conversion {
        Key convert() throws PEMException;
    }

    /**
     * A JDK RSA key of type {@code type} from a structure whose key algorithm is {@code algorithm}.
     *
     * @param role {@code "private"} or {@code "public"}
     */
    private static <K> K rsaKey(AlgorithmIdentifier algorithm, String role, Class<K> type, Conversion conversion,
                                String container, boolean decrypted, KeySource source) {
        if (!KeyConversions.isRsa(algorithm)) {
            throw KeyRefusals.algorithm(algorithm.getAlgorithm(), role + " key", container, source);
        }
        Key key;
        try {
            key = conversion.convert();
        } catch (PEMException e) {
            throw KeyRefusals.unreadableNumbers(role, container, decrypted, source);
        }
        if (type.isInstance(key)) {
            return type.cast(key);
        }
        throw KeyRefusals.notRsaKey(role, container, source);
    }
}
