package dev.snapbi.crypto.internal;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Convert: the happy path, done by Bouncy Castle's own converters once {@link KeyShape} has said what a structure
 * is. {@link JcaPEMKeyConverter} and {@link JcaX509CertificateConverter} are left on the default JCA helper, so the
 * keys returned are built by the JDK's {@code KeyFactory} and no Bouncy Castle type escapes; only decryption uses
 * the module's private {@link BouncyCastle#provider()} instance (never registered with the JVM). Failures come out
 * as Bouncy Castle's checked exceptions, whose messages may quote structure contents: callers word them with
 * {@link KeyRefusals} and never pass them on.
 */
final class KeyConversions {

    private static final AlgorithmIdentifier RSA = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
            DERNull.INSTANCE);
    /** Stateless once built (the default helper is never changed), so one instance serves every thread. */
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();
    private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();

    private KeyConversions() {
    }

    /** Whether a key's algorithm is plain RSA (rsaEncryption), the only one SNAP signs with. */
    static boolean isRsa(AlgorithmIdentifier algorithm) {
        return algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption);
    }

    /** A PKCS#1 RSAPrivateKey wrapped in PKCS#8, as {@code PEMParser} does for an 'RSA PRIVATE KEY' block. */
    static PrivateKeyInfo pkcs8(ASN1Primitive pkcs1RsaPrivateKey) throws IOException {
        return new PrivateKeyInfo(RSA, pkcs1RsaPrivateKey);
    }

    /** A PKCS#1 RSAPublicKey wrapped in SubjectPublicKeyInfo, as {@code PEMParser} does for 'RSA PUBLIC KEY'. */
    static SubjectPublicKeyInfo spki(ASN1Primitive pkcs1RsaPublicKey) throws IOException {
        return new SubjectPublicKeyInfo(RSA, pkcs1RsaPublicKey);
    }

    /** The JDK private key of a PKCS#8 structure. */
    static PrivateKey privateKey(PrivateKeyInfo info) throws PEMException {
        return KEYS.getPrivateKey(info);
    }

    /** The JDK public key of a SubjectPublicKeyInfo. */
    static PublicKey publicKey(SubjectPublicKeyInfo spki) throws PEMException {
        return KEYS.getPublicKey(spki);
    }

    /** The JDK certificate of a DER certificate structure. */
    static X509Certificate certificate(ASN1Primitive certificate) throws CertificateException {
        return CERTIFICATES.getCertificate(new X509CertificateHolder(Certificate.getInstance(certificate)));
    }

    /** Decrypts encrypted PKCS#8 (PBES2 with PBKDF2 or scrypt, or PBES1) with {@code password}. */
    static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password)
            throws PKCSException, OperatorCreationException {
        return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(BouncyCastle.provider()).build(password));
    }

    /**
     * Decrypts the body of a legacy OpenSSL-encrypted PEM block ({@code DEK-Info: cipher,IV}) with {@code password};
     * the result is a DER structure when the password was right.
     */
    static byte[] decryptLegacy(String cipher, byte[] iv, byte[] encrypted, char[] password)
            throws OperatorCreationException, PEMException {
        return new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(password).get(cipher)
                .decrypt(encrypted, iv);
    }
}
