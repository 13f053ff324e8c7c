package dev.snapbi.sandbox.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-JCA key chores: generating RSA key pairs and secrets, reading public keys, writing PEM. */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final int MAX_KEY_TEXT = 16 * 1024;

    private Keys() {
    }

    /** A fresh RSA key pair of the given size. */
    public static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
    }

    /** A random client secret: 32 random bytes, URL-safe Base64 without padding (43 characters). */
    public static String randomSecret() {
        return randomUrlSafe(32);
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding. */
    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Reads an RSA public key from {@code BEGIN PUBLIC KEY} PEM, a {@code BEGIN CERTIFICATE} PEM, or bare Base64 of
     * X.509 SubjectPublicKeyInfo DER.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static PublicKey parsePublicKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the public key is empty");
        }
        if (text.length() > MAX_KEY_TEXT) {
            throw new IllegalArgumentException("the public key text is longer than " + MAX_KEY_TEXT + " characters");
        }
        String normalized = text.replace("\\n", "\n").trim();
        Matcher pem = PEM.matcher(normalized);
        String type = null;
        String base64 = normalized;
        if (pem.find()) {
            type = pem.group(1);
            base64 = pem.group(2).trim();
            if (!type.equals("PUBLIC KEY") && !type.equals("CERTIFICATE")) {
                throw new IllegalArgumentException("expected a 'BEGIN PUBLIC KEY' or 'BEGIN CERTIFICATE' PEM, got '"
                        + type + "' (convert with: openssl pkey -pubout -in key.pem)");
            }
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            if ("CERTIFICATE".equals(type)) {
                return requireRsa(CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey());
            }
            return rsaFromSpki(der);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key: give X.509 SubjectPublicKeyInfo as"
                    + " 'BEGIN PUBLIC KEY' PEM, a certificate PEM or bare Base64 DER", e);
        }
    }

    private static PublicKey rsaFromSpki(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static PublicKey requireRsa(PublicKey key) {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("expected an RSA key, got " + key.getAlgorithm());
        }
        return key;
    }

    /** PKCS#8 {@code BEGIN PRIVATE KEY} PEM of a private key. */
    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** X.509 {@code BEGIN PUBLIC KEY} PEM of a public key. */
    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** A short description that shows no key material: {@code RSA 2048}. */
    public static String describe(java.security.Key key) {
        if (key == null) {
            return "none";
        }
        if (key instanceof RSAKey rsa) {
            return key.getAlgorithm() + " " + rsa.getModulus().bitLength();
        }
        return key.getAlgorithm();
    }
}
