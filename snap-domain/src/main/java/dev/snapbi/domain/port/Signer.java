package dev.snapbi.domain.port;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;

/**
 * Outbound port: an asymmetric signature (SNAP: SHA256withRSA, PKCS#1 v1.5) over the UTF-8 bytes of a string to sign.
 * Implementations are thread-safe and never return null: a signing failure is thrown as
 * {@link dev.snapbi.domain.error.SnapConfigurationException}.
 */
@FunctionalInterface
public interface Signer {

    /** Signs the string's UTF-8 bytes. */
    Base64Signature sign(StringToSign stringToSign);
}
