package dev.snapbi.crypto.internal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.math.BigInteger;

/**
 * Refuses key-derivation parameters whose cost would exhaust the heap or the CPU before a single wrong password could
 * be reported (scrypt with N = 2^20 and r = 8 wants 1 GiB), far above what OpenSSL and Java write by default. Checked
 * before any decryption runs.
 */
final class KeyDerivationLimits {

    /** The most PBKDF2 (or PKCS#12 / PBES1) iterations an encrypted key may ask for: OpenSSL writes 2048. */
    static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    /** The most memory scrypt may need (128 * N * r bytes) to decrypt a key: OpenSSL's N=16384, r=8 need 16 MiB. */
    static final long MAX_SCRYPT_MEMORY_BYTES = 64L << 20;
    /** The largest scrypt parallelization parameter p accepted. */
    static final int MAX_SCRYPT_PARALLELISM = 16;

    private static final String PKCS12_PBE = "1.2.840.113549.1.12.1.";
    private static final String PBES1 = "1.2.840.113549.1.5.";

    private KeyDerivationLimits() {
    }

    /**
     * Refuses {@code algorithm} (an encrypted PKCS#8 key's encryption scheme) when its key derivation costs more than
     * the limits.
     *
     * @param found how the key is named in the refusal
     */
    static void check(AlgorithmIdentifier algorithm, String found, KeySource source) {
        try {
            ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
            if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
                KeyDerivationFunc kdf = PBES2Parameters.getInstance(algorithm.getParameters()).getKeyDerivationFunc();
                if (kdf.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                    checkIterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(), found, source);
                } else if (kdf.getAlgorithm().equals(MiscObjectIdentifiers.id_scrypt)) {
                    ScryptParams scrypt = ScryptParams.getInstance(kdf.getParameters());
                    BigInteger n = scrypt.getCostParameter();
                    BigInteger r = scrypt.getBlockSize();
                    BigInteger p = scrypt.getParallelizationParameter();
                    BigInteger memory = BigInteger.valueOf(128).multiply(n).multiply(r);
                    if (memory.compareTo(BigInteger.valueOf(MAX_SCRYPT_MEMORY_BYTES)) > 0
                            || p.compareTo(BigInteger.valueOf(MAX_SCRYPT_PARALLELISM)) > 0) {
                        throw KeyRefusals.scryptTooCostly(found, n, r, p, memory, MAX_SCRYPT_MEMORY_BYTES,
                                MAX_SCRYPT_PARALLELISM, source);
                    }
                }
            } else if (isPkcs12Pbe(oid)) {
                checkIterations(PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations(), found, source);
            } else if (isPbes1(oid)) {
                checkIterations(PBEParameter.getInstance(algorithm.getParameters()).getIterationCount(), found, source);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw KeyRefusals.unreadableEncryptionParameters(found, source);
        }
    }

    /** Whether {@code oid} is one of PKCS#12's password-based encryption schemes. */
    static boolean isPkcs12Pbe(ASN1ObjectIdentifier oid) {
        return oid.getId().startsWith(PKCS12_PBE);
    }

    /** Whether {@code oid} is one of PKCS#5's PBES1 schemes. */
    static boolean isPbes1(ASN1ObjectIdentifier oid) {
        return oid.getId().startsWith(PBES1);
    }

    private static void checkIterations(BigInteger iterations, String found, KeySource source) {
        if (iterations.compareTo(BigInteger.valueOf(MAX_PBKDF2_ITERATIONS)) > 0) {
            throw KeyRefusals.tooManyIterations(found, iterations, MAX_PBKDF2_ITERATIONS, source);
        }
    }
}
