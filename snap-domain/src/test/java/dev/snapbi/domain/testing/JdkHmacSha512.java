package dev.snapbi.domain.testing;

import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.SymmetricSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * A real HMAC-SHA512 symmetric signer on the JDK's {@link Mac}, for the domain's own tests (the domain cannot depend
 * on snap-crypto, whose HmacSha512Signer is tested there). The known answers it is checked against come from
 * {@code openssl dgst -sha512 -hmac}.
 */
public final class JdkHmacSha512 implements SymmetricSigner {

    private final byte[] key;

    public JdkHmacSha512(String clientSecret) {
        this.key = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Base64Signature sign(StringToSign stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return Base64Signature.ofBytes(mac.doFinal(stringToSign.utf8()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
