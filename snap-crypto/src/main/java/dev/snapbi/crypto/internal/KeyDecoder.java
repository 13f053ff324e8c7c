package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns DER bytes into JDK RSA key objects, recognising every neighbouring format well enough to say what it is
 * instead. Bouncy Castle is used for ASN.1 and for decrypting keys; the keys returned are built by the JDK's
 * {@link KeyFactory}, so no Bouncy Castle type escapes. Never passes Bouncy Castle messages on: they may quote
 * structure contents.
 */
public final class KeyDecoder {

    private static final String RSA_OID = PKCSObjectIdentifiers.rsaEncryption.getId();
    private static final String RSA_HINT = "generate an RSA key with 'openssl genpkey -algorithm RSA -pkeyopt"
            + " rsa_keygen_bits:2048 -out private.pem'";
    private static final String CUT_OFF = "the key text was cut off; copy the complete key";
    private static final long HEADER_CUT = -2;

    /** The DER structures this decoder tells apart. */
    enum Kind {
        PKCS8_PRIVATE, PKCS8_ENCRYPTED, PKCS1_RSA_PRIVATE, PKCS1_RSA_PUBLIC, SPKI_PUBLIC, CERTIFICATE, PKCS12,
        SEC1_EC_PRIVATE, DSA_PRIVATE, UNKNOWN
    }

    private KeyDecoder() {
    }

    /**
     * An RSA private key from DER: PKCS#8, PKCS#1 or encrypted PKCS#8 (which needs {@code password}).
     *
     * @param container where the bytes were found, e.g. {@code "in a PEM 'PRIVATE KEY' block"}
     * @param password  the password for encrypted PKCS#8, or null; not wiped here
     */
    public static RSAPrivateKey privateKey(byte[] der, String container, char[] password, KeySource source) {
        ASN1Primitive asn1 = parse(der, container, source);
        Kind kind = classify(asn1);
        switch (kind) {
            case PKCS8_PRIVATE:
                return rsaPrivateFromPkcs8(asn1, der, container, source, false);
            case PKCS1_RSA_PRIVATE:
                return rsaPrivateFromPkcs1(asn1, container, source, false);
            case PKCS8_ENCRYPTED:
                return decryptPkcs8(asn1, container, password, source);
            default:
                throw refuseOther(kind, asn1, der.length, container, source);
        }
    }

    /**
     * An RSA private key from a legacy OpenSSL-encrypted PEM block ({@code Proc-Type: 4,ENCRYPTED} with
     * {@code DEK-Info}), which OpenSSL 1.x wrote for {@code openssl genrsa -aes256}.
     */
    public static RSAPrivateKey legacyEncrypted(PemText.Block block, char[] password, KeySource source) {
        String dekInfo = block.headers().get("DEK-Info");
        String container = "in " + block.describe();
        String found = "a legacy OpenSSL-encrypted key (Proc-Type: 4,ENCRYPTED" + (dekInfo == null ? ""
                : ", DEK-Info: " + cipherName(dekInfo)) + ") " + container;
        if (password == null) {
            throw source.refuse(found + " but no password", "the password it was encrypted with", "pass the key's"
                    + " password (RsaSigner.fromPem(text, password)), or convert it to encrypted PKCS#8 with"
                    + " 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key.p8.pem'");
        }
        int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
        if (comma < 0) {
            throw source.refuse(found + " without a usable DEK-Info header (cipher,IV)", null);
        }
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw source.refuse(found + " whose DEK-Info IV is not hexadecimal", null);
        }
        byte[] encrypted = PemText.decodeBase64(block.base64(), block.describe(), source);
        byte[] plain;
        try {
            PEMDecryptor decryptor = new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.provider())
                    .build(password).get(dekInfo.substring(0, comma));
            plain = decryptor.decrypt(encrypted, iv);
        } catch (OperatorCreationException e) {
            throw source.refuse(found + " with a cipher this library cannot use", "AES-128/192/256-CBC, DES-EDE3-CBC"
                    + " or encrypted PKCS#8", "convert it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem"
                    + " -out key.p8.pem'");
        } catch (PEMException | RuntimeException e) {
            throw wrongPassword(found, source);
        }
        try {
            ASN1Primitive asn1 = parseQuietly(plain);
            Kind kind = asn1 == null ? Kind.UNKNOWN : classify(asn1);
            switch (kind) {
                case PKCS1_RSA_PRIVATE:
                    return rsaPrivateFromPkcs1(asn1, container, source, true);
                case PKCS8_PRIVATE:
                    return rsaPrivateFromPkcs8(asn1, plain, container, source, true);
                case SEC1_EC_PRIVATE:
                case DSA_PRIVATE:
                    throw refuseOther(kind, asn1, plain.length, container, source);
                default:
                    throw wrongPassword(found, source);
            }
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** An RSA public key from DER: X.509 SubjectPublicKeyInfo, a certificate, or PKCS#1 RSAPublicKey. */
    public static RSAPublicKey publicKey(byte[] der, String container, KeySource source) {
        ASN1Primitive asn1 = parse(der, container, source);
        Kind kind = classify(asn1);
        switch (kind) {
            case SPKI_PUBLIC:
                return rsaPublicFromSpki(SubjectPublicKeyInfo.getInstance(asn1), der, container, source);
            case CERTIFICATE:
                return rsaPublicFromCertificate(asn1, der, container, source);
            case PKCS1_RSA_PUBLIC:
                return rsaPublicFromPkcs1(asn1, container, source);
            default:
                throw refuseOther(kind, asn1, der.length, container, source);
        }
    }

    /** The RSA public key of a DER certificate; anything else is refused. */
    public static RSAPublicKey publicKeyOfCertificate(byte[] der, String container, KeySource source) {
        ASN1Primitive asn1 = parse(der, container, source);
        Kind kind = classify(asn1);
        if (kind != Kind.CERTIFICATE) {
            throw source.refuse(describe(kind, asn1, der.length) + " " + container, "an X.509 certificate"
                    + " (-----BEGIN CERTIFICATE-----)", kind == Kind.SPKI_PUBLIC
                    ? "read a bare public key with PublicKeys.parse" : null);
        }
        return rsaPublicFromCertificate(asn1, der, container, source);
    }

    // ---- parsing and classification

    private static ASN1Primitive parse(byte[] der, String container, KeySource source) {
        if (der.length == 0) {
            throw source.refuse("no key data " + container, null);
        }
        if (der[0] == 0x30) {
            long declared = declaredLength(der);
            if (declared == HEADER_CUT) {
                throw source.refuse("only the first " + der.length + " bytes of a DER structure " + container,
                        CUT_OFF);
            }
            if (declared > der.length) {
                throw source.refuse("only " + der.length + " of the " + declared + " bytes that the key's DER"
                        + " structure declares " + container, CUT_OFF);
            }
            if (declared > 0 && declared < der.length) {
                throw source.refuse((der.length - declared) + " unexpected bytes after the key's DER structure "
                        + container, "remove what follows the key (or copy exactly one key)");
            }
        }
        ASN1Primitive asn1 = parseQuietly(der);
        if (asn1 == null) {
            throw source.refuse(der.length + " bytes " + container + " that do not hold a DER-encoded key", null);
        }
        return asn1;
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

    private static ASN1Primitive parseQuietly(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Kind classify(ASN1Primitive asn1) {
        if (!(asn1 instanceof ASN1Sequence s) || s.size() < 2) {
            return Kind.UNKNOWN;
        }
        int n = s.size();
        ASN1Encodable e0 = s.getObjectAt(0);
        ASN1Encodable e1 = s.getObjectAt(1);
        if (e0 instanceof ASN1Integer version) {
            if (n >= 3 && e1 instanceof ASN1Sequence && s.getObjectAt(2) instanceof ASN1OctetString) {
                return Kind.PKCS8_PRIVATE;
            }
            if (n >= 9 && allIntegers(s, 9)) {
                return Kind.PKCS1_RSA_PRIVATE;
            }
            if (n == 6 && allIntegers(s, 6)) {
                return Kind.DSA_PRIVATE;
            }
            if (n == 2 && e1 instanceof ASN1Integer) {
                return Kind.PKCS1_RSA_PUBLIC;
            }
            if (version.hasValue(1) && e1 instanceof ASN1OctetString) {
                return Kind.SEC1_EC_PRIVATE;
            }
            if (version.hasValue(3) && e1 instanceof ASN1Sequence) {
                return Kind.PKCS12;
            }
            return Kind.UNKNOWN;
        }
        if (e0 instanceof ASN1Sequence) {
            if (n == 2 && e1 instanceof ASN1OctetString) {
                return Kind.PKCS8_ENCRYPTED;
            }
            if (n == 2 && e1 instanceof ASN1BitString) {
                return Kind.SPKI_PUBLIC;
            }
            if (n == 3 && e1 instanceof ASN1Sequence && s.getObjectAt(2) instanceof ASN1BitString) {
                return Kind.CERTIFICATE;
            }
        }
        return Kind.UNKNOWN;
    }

    private static boolean allIntegers(ASN1Sequence s, int count) {
        for (int i = 0; i < count; i++) {
            if (!(s.getObjectAt(i) instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    // ---- private keys

    private static RSAPrivateKey rsaPrivateFromPkcs8(ASN1Primitive asn1, byte[] der, String container,
                                                     KeySource source, boolean decrypted) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(asn1);
        } catch (RuntimeException e) {
            throw source.refuse("a PKCS#8 structure " + container + " that could not be read", null);
        }
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (!oid.getId().equals(RSA_OID)) {
            throw refuseAlgorithm(oid, "private key", container, source);
        }
        return rsaPrivate(der, container, source, decrypted);
    }

    private static RSAPrivateKey rsaPrivateFromPkcs1(ASN1Primitive asn1, String container, KeySource source,
                                                     boolean decrypted) {
        byte[] pkcs8 = null;
        try {
            pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    asn1).getEncoded();
            return rsaPrivate(pkcs8, container, source, decrypted);
        } catch (IOException e) {
            throw source.refuse("a PKCS#1 RSA private key " + container + " that could not be re-encoded", null);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    private static RSAPrivateKey rsaPrivate(byte[] pkcs8, String container, KeySource source, boolean decrypted) {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (key instanceof RSAPrivateKey rsa) {
                return rsa;
            }
            throw source.refuse("an RSA private key " + container + " that the JDK did not turn into an RSA key",
                    null);
        } catch (GeneralSecurityException e) {
            throw source.refuse("an RSA private key " + container + " whose numbers could not be read"
                    + (decrypted ? " after decryption (wrong password or corrupt key)" : " (corrupt DER)"), null);
        }
    }

    private static RSAPrivateKey decryptPkcs8(ASN1Primitive asn1, String container, char[] password,
                                              KeySource source) {
        PKCS8EncryptedPrivateKeyInfo encrypted;
        try {
            encrypted = new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(asn1));
        } catch (RuntimeException e) {
            throw source.refuse("an encrypted PKCS#8 structure " + container + " that could not be read", null);
        }
        String found = "an encrypted private key (PKCS#8, " + encryptionName(encrypted.getEncryptionAlgorithm())
                + ") " + container;
        if (password == null) {
            throw source.refuse(found + " but no password", "the password it was encrypted with",
                    "pass the key's password: RsaSigner.fromPem(text, password) or RsaSigner.fromFile(path, password)");
        }
        refuseExcessiveCost(encrypted.getEncryptionAlgorithm(), found, source);
        PrivateKeyInfo info;
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(password);
            info = encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            if (causedByUnsupportedAlgorithm(e)) {
                throw source.refuse(found + " with an encryption scheme this library cannot use",
                        "PBES2 (PBKDF2 or scrypt) with AES or DES-EDE3", "re-encrypt it with"
                                + " 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in plain.pem -out key.p8.pem'");
            }
            throw wrongPassword(found, source);
        }
        byte[] plain = null;
        try {
            plain = info.getEncoded();
            ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
            if (!oid.getId().equals(RSA_OID)) {
                throw refuseAlgorithm(oid, "private key", container, source);
            }
            return rsaPrivate(plain, container, source, true);
        } catch (IOException | RuntimeException e) {
            throw e instanceof SnapConfigurationException refusal ? refusal : wrongPassword(found, source);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * Refuses key-derivation parameters whose cost would exhaust the heap or the CPU before a single wrong password
     * could be reported (scrypt with N = 2^20 and r = 8 wants 1 GiB): the limits are {@link KeyTexts#MAX_PBKDF2_ITERATIONS}
     * and {@link KeyTexts#MAX_SCRYPT_MEMORY_BYTES}, far above what OpenSSL and Java write by default.
     */
    private static void refuseExcessiveCost(AlgorithmIdentifier algorithm, String found, KeySource source) {
        String reencrypt = "re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in plain.pem -out key.p8.pem'"
                + " (PBKDF2, 2048 iterations by default)";
        try {
            ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
            if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
                KeyDerivationFunc kdf = PBES2Parameters.getInstance(algorithm.getParameters()).getKeyDerivationFunc();
                if (kdf.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                    refuseIterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(), found, source,
                            reencrypt);
                } else if (kdf.getAlgorithm().equals(MiscObjectIdentifiers.id_scrypt)) {
                    ScryptParams scrypt = ScryptParams.getInstance(kdf.getParameters());
                    BigInteger n = scrypt.getCostParameter();
                    BigInteger r = scrypt.getBlockSize();
                    BigInteger p = scrypt.getParallelizationParameter();
                    BigInteger memory = BigInteger.valueOf(128).multiply(n).multiply(r);
                    if (memory.compareTo(BigInteger.valueOf(KeyTexts.MAX_SCRYPT_MEMORY_BYTES)) > 0
                            || p.compareTo(BigInteger.valueOf(KeyTexts.MAX_SCRYPT_PARALLELISM)) > 0) {
                        throw source.refuse(found + " whose scrypt parameters (N=" + n + ", r=" + r + ", p=" + p
                                + ") need " + memory.shiftRight(20) + " MiB", "scrypt needing at most "
                                + (KeyTexts.MAX_SCRYPT_MEMORY_BYTES >> 20) + " MiB (128 * N * r) with p at most "
                                + KeyTexts.MAX_SCRYPT_PARALLELISM, reencrypt);
                    }
                }
            } else if (oid.getId().startsWith("1.2.840.113549.1.12.1.")) {
                refuseIterations(PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations(), found, source,
                        reencrypt);
            } else if (oid.getId().startsWith("1.2.840.113549.1.5.")) {
                refuseIterations(PBEParameter.getInstance(algorithm.getParameters()).getIterationCount(), found,
                        source, reencrypt);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw source.refuse(found + " whose encryption parameters could not be read", null);
        }
    }

    private static void refuseIterations(BigInteger iterations, String found, KeySource source, String hint) {
        if (iterations.compareTo(BigInteger.valueOf(KeyTexts.MAX_PBKDF2_ITERATIONS)) > 0) {
            throw source.refuse(found + " with " + iterations + " key-derivation iterations", "at most "
                    + KeyTexts.MAX_PBKDF2_ITERATIONS + " iterations", hint);
        }
    }

    private static boolean causedByUnsupportedAlgorithm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OperatorCreationException || t instanceof java.security.NoSuchAlgorithmException) {
                return true;
            }
        }
        return false;
    }

    private static SnapConfigurationException wrongPassword(String found, KeySource source) {
        return source.refuse(found + " that did not decrypt with the given password", "the password it was"
                + " encrypted with", "check the password (a wrong password and a damaged key look the same)");
    }

    // ---- public keys

    private static RSAPublicKey rsaPublicFromSpki(SubjectPublicKeyInfo spki, byte[] der, String container,
                                                  KeySource source) {
        ASN1ObjectIdentifier oid = spki.getAlgorithm().getAlgorithm();
        if (!oid.getId().equals(RSA_OID)) {
            throw refuseAlgorithm(oid, "public key", container, source);
        }
        return rsaPublic(der, container, source);
    }

    private static RSAPublicKey rsaPublicFromCertificate(ASN1Primitive asn1, byte[] der, String container,
                                                         KeySource source) {
        java.security.cert.Certificate certificate;
        try {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw source.refuse("a certificate " + container + " that could not be read", null);
        }
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        SubjectPublicKeyInfo spki = Certificate.getInstance(asn1).getSubjectPublicKeyInfo();
        throw refuseAlgorithm(spki.getAlgorithm().getAlgorithm(), "certificate's public key", container, source);
    }

    private static RSAPublicKey rsaPublicFromPkcs1(ASN1Primitive asn1, String container, KeySource source) {
        try {
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), asn1).getEncoded();
            return rsaPublic(spki, container, source);
        } catch (IOException e) {
            throw source.refuse("a PKCS#1 RSA public key " + container + " that could not be re-encoded", null);
        }
    }

    private static RSAPublicKey rsaPublic(byte[] spki, String container, KeySource source) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
            if (key instanceof RSAPublicKey rsa) {
                return rsa;
            }
            throw source.refuse("an RSA public key " + container + " that the JDK did not turn into an RSA key",
                    null);
        } catch (GeneralSecurityException e) {
            throw source.refuse("an RSA public key " + container + " whose numbers could not be read (corrupt DER)",
                    null);
        }
    }

    // ---- refusals

    private static SnapConfigurationException refuseOther(Kind kind, ASN1Primitive asn1, int length,
                                                          String container, KeySource source) {
        String found = describe(kind, asn1, length) + " " + container;
        boolean wantsPrivate = source.wantsPrivate();
        switch (kind) {
            case SPKI_PUBLIC:
            case PKCS1_RSA_PUBLIC:
                return wantsPrivate
                        ? source.refuse(found + " where a private key belongs", "the public key is the half you"
                        + " register with the provider; the signer needs the matching private key")
                        : source.refuse(found, null);
            case CERTIFICATE:
                return wantsPrivate
                        ? source.refuse(found + " where a private key belongs", "a certificate holds only a public"
                        + " key; the signer needs the matching private key")
                        : source.refuse(found, null);
            case PKCS8_PRIVATE:
            case PKCS1_RSA_PRIVATE:
            case PKCS8_ENCRYPTED:
                return source.refuse(found + " where a public key belongs", "a verifier needs only the public key;"
                        + " keep the private key secret and derive the public one with"
                        + " 'openssl pkey -in private.pem -pubout -out public.pem'");
            case SEC1_EC_PRIVATE:
            case DSA_PRIVATE:
                return wantsPrivate
                        ? source.refuse(found, "an RSA private key (SNAP signs with SHA256withRSA)", RSA_HINT)
                        : source.refuse(found + " where a public key belongs", "an RSA public key", null);
            case PKCS12:
                return source.refuse(found, "read keystore entries with PrivateKeys.fromPkcs12(keystore,"
                        + " storePassword, alias, keyPassword)");
            default:
                return source.refuse(found, null);
        }
    }

    private static String describe(Kind kind, ASN1Primitive asn1, int length) {
        switch (kind) {
            case PKCS8_PRIVATE:
                return "a private key (PKCS#8)";
            case PKCS8_ENCRYPTED:
                return "an encrypted private key (PKCS#8)";
            case PKCS1_RSA_PRIVATE:
                return "an RSA private key (PKCS#1)";
            case PKCS1_RSA_PUBLIC:
                return "an RSA public key (PKCS#1)";
            case SPKI_PUBLIC:
                return "a public key (X.509 SubjectPublicKeyInfo)";
            case CERTIFICATE:
                return "a certificate";
            case PKCS12:
                return "a PKCS#12 keystore";
            case SEC1_EC_PRIVATE:
                return "an EC private key (SEC 1)";
            case DSA_PRIVATE:
                return "a DSA private key";
            default:
                return length + " bytes of DER data that are not a key this library reads";
        }
    }

    private static SnapConfigurationException refuseAlgorithm(ASN1ObjectIdentifier oid, String what,
                                                              String container, KeySource source) {
        String name = algorithmName(oid);
        String found = KeySource.withArticle(name) + " " + what + " " + container;
        if (name.equals("RSASSA-PSS")) {
            return source.refuse(found, "an RSA key (rsaEncryption)", "SNAP uses PKCS#1 v1.5 signatures; generate"
                    + " the key with '-algorithm RSA', not RSA-PSS");
        }
        return source.refuse(found, "an RSA " + (source.wantsPrivate() ? "private key" : "public key")
                + " (SNAP signs with SHA256withRSA)", source.wantsPrivate() ? RSA_HINT : null);
    }

    /** A readable name for a key algorithm OID (public information: algorithms, not keys). */
    static String algorithmName(ASN1ObjectIdentifier oid) {
        switch (oid.getId()) {
            case "1.2.840.113549.1.1.1":
                return "RSA";
            case "1.2.840.113549.1.1.10":
                return "RSASSA-PSS";
            case "1.2.840.10045.2.1":
                return "EC";
            case "1.2.840.10040.4.1":
                return "DSA";
            case "1.3.101.112":
                return "Ed25519";
            case "1.3.101.113":
                return "Ed448";
            case "1.3.101.110":
                return "X25519";
            case "1.3.101.111":
                return "X448";
            case "1.2.840.113549.1.3.1":
            case "1.2.840.10046.2.1":
                return "DH";
            default:
                return "algorithm " + oid.getId();
        }
    }

    private static String encryptionName(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            return "PBES2";
        }
        if (oid.getId().startsWith("1.2.840.113549.1.12.1.") || oid.getId().startsWith("1.2.840.113549.1.5.")) {
            return "PBES1";
        }
        return "encryption " + oid.getId();
    }

    private static String cipherName(String dekInfo) {
        int comma = dekInfo.indexOf(',');
        String name = comma < 0 ? dekInfo : dekInfo.substring(0, comma);
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
    }
}
