package dev.snapbi.crypto;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SunRsaSign caches RSA blinding parameters per modulus and reuses them for any key with the same modulus and private
 * exponent. A corrupt copy of a key (here: a wrong public exponent) loaded first poisons that cache for the good key.
 */
class CorruptSiblingKeyTest {

    @Test
    void a_good_key_still_signs_after_a_corrupt_sibling_with_the_same_modulus_was_refused() throws Exception {
        GeneratedKeyPair pair = RsaKeyPairs.generate();
        RSAPrivateCrtKey good = (RSAPrivateCrtKey) pair.privateKey();
        PrivateKey corrupt = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                good.getModulus(), BigInteger.valueOf(65539), good.getPrivateExponent(), good.getPrimeP(),
                good.getPrimeQ(), good.getPrimeExponentP(), good.getPrimeExponentQ(), good.getCrtCoefficient()));

        assertThatThrownBy(() -> RsaSigner.create(corrupt)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("CRT parameters do not match");

        RsaSigner signer = RsaSigner.create(good);
        StringToSign data = StringToSign.of("IONPAYTEST|2024-12-31T10:11:40+07:00");
        assertThat(RsaVerifier.create(pair.publicKey()).verify(data, signer.sign(data))).isTrue();
    }
}
