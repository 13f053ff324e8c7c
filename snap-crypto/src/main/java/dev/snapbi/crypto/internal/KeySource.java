package dev.snapbi.crypto.internal;

import dev.snapbi.domain.error.SnapConfigurationException;

/**
 * What is being read (a private or a public key) and from where, so that every refusal reads
 * "{@code private key from file /etc/snap/key.pem: found ...; expected ...}". Messages built here never contain key
 * material: callers describe what they found in words and sizes only.
 *
 * @param role     {@code "private key"} or {@code "public key"}
 * @param origin   where the text came from, e.g. {@code "the given text"} or {@code "file /etc/key.pem"}
 * @param expected what a valid input looks like
 */
public record KeySource(String role, String origin, String expected) {

    /** Expectation for private keys. */
    public static final String EXPECTED_PRIVATE = "an RSA private key as PEM (-----BEGIN PRIVATE KEY-----,"
            + " -----BEGIN RSA PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----) or as Base64 DER";

    /** Expectation for public keys. */
    public static final String EXPECTED_PUBLIC = "an RSA public key as PEM (-----BEGIN PUBLIC KEY----- or"
            + " -----BEGIN CERTIFICATE-----) or as Base64 DER";

    /** Reading a private key from {@code origin}. */
    public static KeySource privateKey(String origin) {
        return new KeySource("private key", origin, EXPECTED_PRIVATE);
    }

    /** Reading a public key from {@code origin}. */
    public static KeySource publicKey(String origin) {
        return new KeySource("public key", origin, EXPECTED_PUBLIC);
    }

    /** Whether a private key is being read. */
    public boolean wantsPrivate() {
        return role.equals("private key");
    }

    /** The refusal: found {@code found}, expected the usual format, then an optional hint on what to do. */
    public SnapConfigurationException refuse(String found, String hint) {
        return refuse(found, expected, hint);
    }

    /** The refusal with a specific expectation. */
    public SnapConfigurationException refuse(String found, String expectation, String hint) {
        return new SnapConfigurationException(message(found, expectation, hint));
    }

    /** {@code "an EC"}, {@code "a DSA"}, {@code "an RSA"}: the article that fits an algorithm name. */
    public static String withArticle(String name) {
        boolean vowelSound = !name.isEmpty() && ("AEIOUaeiouX".indexOf(name.charAt(0)) >= 0 || name.startsWith("RSA"));
        return (vowelSound ? "an " : "a ") + name;
    }

    /** The refusal text. */
    public String message(String found, String expectation, String hint) {
        return role + " from " + origin + ": found " + found + "; expected " + expectation
                + (hint == null || hint.isEmpty() ? "" : ". " + Character.toUpperCase(hint.charAt(0))
                + hint.substring(1));
    }
}
