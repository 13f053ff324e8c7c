package dev.snapbi.crypto.pem;

import dev.snapbi.crypto.testing.OpenSslKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicKeysTest {

    @TempDir
    static Path dir;
    static OpenSslKeys keys;
    static RSAPrivateCrtKey privateKey;

    @BeforeAll
    static void makeKeys() {
        keys = new OpenSslKeys(dir);
        privateKey = (RSAPrivateCrtKey) PrivateKeys.read(keys.rsaPkcs1());
    }

    private static void assertMatchesPrivateKey(RSAPublicKey key) {
        assertThat(key.getModulus()).isEqualTo(privateKey.getModulus());
        assertThat(key.getPublicExponent()).isEqualTo(privateKey.getPublicExponent());
    }

    @Test
    void reads_x509_pem_bare_base64_pkcs1_pem_and_certificates_to_the_same_key() {
        assertMatchesPrivateKey(PublicKeys.parse(keys.text(keys.rsaPublic())));
        assertMatchesPrivateKey(PublicKeys.parse(keys.base64Body(keys.rsaPublic())));
        assertMatchesPrivateKey(PublicKeys.parse(keys.text(keys.rsaPublicPkcs1())));
        assertMatchesPrivateKey(PublicKeys.parse(keys.text(keys.certificate())));
        assertMatchesPrivateKey(PublicKeys.fromCertificate(keys.text(keys.certificate())));
        assertMatchesPrivateKey(PublicKeys.fromCertificate(keys.base64Body(keys.certificate())));
        assertMatchesPrivateKey(PublicKeys.read(keys.rsaPublic()));
        assertMatchesPrivateKey(PublicKeys.read(keys.certificate()));
    }

    @Test
    void picks_the_public_key_out_of_a_bundle_with_other_blocks() {
        String bundle = keys.text(keys.ecPkcs8()).replace("PRIVATE KEY", "EC STUFF") + keys.text(keys.rsaPublic());

        assertMatchesPrivateKey(PublicKeys.parse(bundle));
    }

    @Test
    void from_certificate_refuses_a_bare_public_key() {
        assertThatThrownBy(() -> PublicKeys.fromCertificate(keys.text(keys.rsaPublic())))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageStartingWith("public key from the given certificate: found a public key (X.509"
                        + " SubjectPublicKeyInfo) in a PEM 'PUBLIC KEY' block; expected an X.509 certificate")
                .hasMessageContaining("PublicKeys.parse");
    }

    @Test
    void refuses_an_openssh_public_key_with_a_conversion_hint() {
        assertThatThrownBy(() -> PublicKeys.parse("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host"))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("found an OpenSSH public key (ssh-...)")
                .hasMessageContaining("ssh-keygen -e -m PKCS8");
    }

    @Test
    void refuses_an_encrypted_private_key_where_a_public_key_belongs() {
        assertThatThrownBy(() -> PublicKeys.read(keys.rsaEncryptedPkcs8()))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("found an encrypted private key (PKCS#8) in a PEM 'ENCRYPTED PRIVATE KEY' block"
                        + " where a public key belongs");
    }

    @Test
    void refuses_mismatched_pem_labels() {
        String pem = keys.text(keys.rsaPublic()).replace("-----END PUBLIC KEY-----", "-----END CERTIFICATE-----");

        assertThatThrownBy(() -> PublicKeys.parse(pem)).isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("found a '-----BEGIN PUBLIC KEY-----' line closed by '-----END CERTIFICATE-----'");
    }
}
