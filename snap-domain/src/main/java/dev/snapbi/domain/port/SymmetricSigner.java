package dev.snapbi.domain.port;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;

import java.nio.charset.StandardCharsets;

/**
 * Outbound port: the symmetric signature of transactional calls (SNAP: HMAC-SHA512 keyed by the client secret's UTF-8
 * bytes) over a {@link StringToSign#symmetric symmetric string to sign}. Thread-safe; never returns null.
 */
@FunctionalInterface
public interface SymmetricSigner {

    /** Signs the string's UTF-8 bytes. */
    Base64Signature sign(StringToSign stringToSign);

    /**
     * Signs {@code length} bytes of {@code utf8} from {@code offset}: the UTF-8 encoding of a string to sign, in a
     * buffer the caller reuses (an implementation must not keep it). The signature is the one {@link
     * #sign(StringToSign)} gives for the text these bytes encode, which is what this default does; an HMAC
     * implementation overrides it to feed the bytes to its MAC as they are, with no string and no copy in between.
     */
    default Base64Signature signUtf8(byte[] utf8, int offset, int length) {
        return sign(StringToSign.of(new String(utf8, offset, length, StandardCharsets.UTF_8)));
    }
}
