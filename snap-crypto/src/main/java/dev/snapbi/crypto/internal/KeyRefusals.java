package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Explain: the wording of every refusal {@link KeyDecoder} gives, so that a user reads what was found, what belongs
 * there and what to run instead. Messages name formats, algorithms, sizes and positions only, never key material or
 * a Bouncy Castle message (those may quote structure contents).
 */
final class KeyRefusals {

    private static final String RSA_HINT = "generate an RSA key with 'openssl genpkey -algorithm RSA -pkeyopt"
            + " rsa_keygen_bits:2048 -out private.pem'";
    private static final String CUT_OFF = "the key text was cut off; copy the complete key";
    private static final String REENCRYPT = "re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in plain.pem"
            + " -out key.p8.pem'";

    private KeyRefusals() {
    }

    // ---- framing

    static SnapConfigurationException noKeyData(String container, KeySource source) {
        return source.refuse("no key data " + container, null);
    }

    static SnapConfigurationException headerCutOff(int length, String container, KeySource source) {
        return source.refuse("only the first " + length + " bytes of a DER structure " + container, CUT_OFF);
    }

    static SnapConfigurationException cutOff(int length, long declared, String container, KeySource source) {
        return source.refuse("only " + length + " of the " + declared + " bytes that the key's DER structure"
                + " declares " + container, CUT_OFF);
    }

    static SnapConfigurationException trailingBytes(long extra, String container, KeySource source) {
        return source.refuse(extra + " unexpected bytes after the key's DER structure " + container,
                "remove what follows the key (or copy exactly one key)");
    }

    static SnapConfigurationException notDer(int length, String container, KeySource source) {
        return source.refuse(length + " bytes " + container + " that do not hold a DER-encoded key", null);
    }

    // ---- a structure that is not what was asked for

    /** A recognised structure in the wrong place: a public key given to a signer, a private key to a verifier... */
    static SnapConfigurationException misplaced(KeyShape shape, int length, String container, KeySource source) {
        String found = shape.describe(length) + " " + container;
        boolean wantsPrivate = source.wantsPrivate();
        switch (shape) {
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

    /** Something other than a certificate where only a certificate belongs. */
    static SnapConfigurationException notCertificate(KeyShape shape, int length, String container, KeySource source) {
        return source.refuse(shape.describe(length) + " " + container, "an X.509 certificate"
                + " (-----BEGIN CERTIFICATE-----)", shape == KeyShape.SPKI_PUBLIC
                ? "read a bare public key with PublicKeys.parse" : null);
    }

    /** A key of another algorithm than RSA; {@code what} is e.g. {@code "private key"}. */
    static SnapConfigurationException algorithm(ASN1ObjectIdentifier oid, String what, String container,
                                                KeySource source) {
        String name = algorithmName(oid);
        String found = KeySource.withArticle(name) + " " + what + " " + container;
        if (name.equals("RSASSA-PSS")) {
            return source.refuse(found, "an RSA key (rsaEncryption)", "SNAP uses PKCS#1 v1.5 signatures; generate"
                    + " the key with '-algorithm RSA', not RSA-PSS");
        }
        return source.refuse(found, "an RSA " + (source.wantsPrivate() ? "private key" : "public key")
                + " (SNAP signs with SHA256withRSA)", source.wantsPrivate() ? RSA_HINT : null);
    }

    // ---- a structure of the right shape that does not convert

    /** {@code structure} is named with its article, e.g. {@code "a PKCS#8 structure"}. */
    static SnapConfigurationException unreadable(String structure, String container, KeySource source) {
        return source.refuse(structure + " " + container + " that could not be read", null);
    }

    static SnapConfigurationException notReencoded(String structure, String container, KeySource source) {
        return source.refuse(structure + " " + container + " that could not be re-encoded", null);
    }

    /** The JDK's KeyFactory returned a key of another type; {@code role} is {@code "private"} or {@code "public"}. */
    static SnapConfigurationException notRsaKey(String role, String container, KeySource source) {
        return source.refuse("an RSA " + role + " key " + container + " that the JDK did not turn into an RSA key",
                null);
    }

    static SnapConfigurationException unreadableNumbers(String role, String container, boolean decrypted,
                                                        KeySource source) {
        return source.refuse("an RSA " + role + " key " + container + " whose numbers could not be read"
                + (decrypted ? " after decryption (wrong password or corrupt key)" : " (corrupt DER)"), null);
    }

    // ---- encrypted keys

    /** How an encrypted PKCS#8 key is named: {@code an encrypted private key (PKCS#8, PBES2) in ...}. */
    static String encryptedPkcs8(AlgorithmIdentifier encryption, String container) {
        return "an encrypted private key (PKCS#8, " + encryptionName(encryption) + ") " + container;
    }

    /** How a legacy OpenSSL-encrypted key is named, with the cipher of its DEK-Info header when it has one. */
    static String legacyEncrypted(String dekInfo, String container) {
        return "a legacy OpenSSL-encrypted key (Proc-Type: 4,ENCRYPTED" + (dekInfo == null ? ""
                : ", DEK-Info: " + cipherName(dekInfo)) + ") " + container;
    }

    static SnapConfigurationException noPassword(String found, KeySource source) {
        return source.refuse(found + " but no password", "the password it was encrypted with",
                "pass the key's password: RsaSigner.fromPem(text, password) or RsaSigner.fromFile(path, password)");
    }

    static SnapConfigurationException noLegacyPassword(String found, KeySource source) {
        return source.refuse(found + " but no password", "the password it was encrypted with", "pass the key's"
                + " password (RsaSigner.fromPem(text, password)), or convert it to encrypted PKCS#8 with"
                + " 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key.p8.pem'");
    }

    static SnapConfigurationException wrongPassword(String found, KeySource source) {
        return source.refuse(found + " that did not decrypt with the given password", "the password it was"
                + " encrypted with", "check the password (a wrong password and a damaged key look the same)");
    }

    static SnapConfigurationException unsupportedScheme(String found, KeySource source) {
        return source.refuse(found + " with an encryption scheme this library cannot use",
                "PBES2 (PBKDF2 or scrypt) with AES or DES-EDE3", REENCRYPT);
    }

    static SnapConfigurationException unusableDekInfo(String found, KeySource source) {
        return source.refuse(found + " without a usable DEK-Info header (cipher,IV)", null);
    }

    static SnapConfigurationException ivNotHex(String found, KeySource source) {
        return source.refuse(found + " whose DEK-Info IV is not hexadecimal", null);
    }

    static SnapConfigurationException unsupportedLegacyCipher(String found, KeySource source) {
        return source.refuse(found + " with a cipher this library cannot use", "AES-128/192/256-CBC, DES-EDE3-CBC"
                + " or encrypted PKCS#8", "convert it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem"
                + " -out key.p8.pem'");
    }

    // ---- key-derivation cost (see KeyDerivationLimits)

    static SnapConfigurationException tooManyIterations(String found, BigInteger iterations, int max,
                                                        KeySource source) {
        return source.refuse(found + " with " + iterations + " key-derivation iterations", "at most " + max
                + " iterations", costHint());
    }

    static SnapConfigurationException scryptTooCostly(String found, BigInteger n, BigInteger r, BigInteger p,
                                                      BigInteger memory, long maxMemory, int maxParallelism,
                                                      KeySource source) {
        return source.refuse(found + " whose scrypt parameters (N=" + n + ", r=" + r + ", p=" + p + ") need "
                + memory.shiftRight(20) + " MiB", "scrypt needing at most " + (maxMemory >> 20)
                + " MiB (128 * N * r) with p at most " + maxParallelism, costHint());
    }

    static SnapConfigurationException unreadableEncryptionParameters(String found, KeySource source) {
        return source.refuse(found + " whose encryption parameters could not be read", null);
    }

    private static String costHint() {
        return REENCRYPT + " (PBKDF2, 2048 iterations by default)";
    }

    // ---- names (public information: algorithms, not keys)

    /** A readable name for a key algorithm OID. */
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
        if (KeyDerivationLimits.isPkcs12Pbe(oid) || KeyDerivationLimits.isPbes1(oid)) {
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
