package dev.snapbi.domain.port;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;

/**
 * Outbound port: the symmetric signature of transactional calls (SNAP: HMAC-SHA512 keyed by the client secret's UTF-8
 * bytes) over a {@link StringToSign#symmetric symmetric string to sign}. Thread-safe; never returns null.
 */
@FunctionalInterface
public interface SymmetricSigner {

    /** Signs the string's UTF-8 bytes. */
    Base64Signature sign(StringToSign stringToSign);
}
