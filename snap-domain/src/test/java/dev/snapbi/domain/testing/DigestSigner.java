package dev.snapbi.domain.testing;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.Signer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic stand-in signer for domain tests (the domain cannot depend on snap-crypto): SHA-256 of the
 * string. Real RSA signing is tested in snap-crypto.
 */
public final class DigestSigner implements Signer {

    @Override
    public Base64Signature sign(StringToSign stringToSign) {
        try {
            return Base64Signature.ofBytes(MessageDigest.getInstance("SHA-256").digest(stringToSign.utf8()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
