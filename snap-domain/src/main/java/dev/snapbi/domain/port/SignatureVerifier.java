package dev.snapbi.domain.port;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;

/**
 * Outbound port: checks an asymmetric signature (SNAP: SHA256withRSA, PKCS#1 v1.5) over the UTF-8 bytes of a string
 * to sign, e.g. NICEPAY's signature on its notifications. snap-crypto's {@code RsaVerifier} implements it:
 * {@code SignatureVerifier nicepay = RsaVerifier.fromPem(nicepayPublicKey);}.
 * <p>
 * Implementations are thread-safe and answer {@code false}, never throw, for a signature that does not verify.
 */
@FunctionalInterface
public interface SignatureVerifier {

    /** Whether {@code signature} is a valid signature of the string's UTF-8 bytes by the key's owner. */
    boolean verify(StringToSign data, Base64Signature signature);
}
