/**
 * Reading RSA keys from the shapes merchants actually have: PKCS#8 and PKCS#1 PEM, encrypted PKCS#8 (and legacy
 * OpenSSL-encrypted PKCS#1), bare Base64 DER, PEM mangled by environment variables, DER files, PKCS#12 keystores,
 * X.509 public keys and certificates. Every refusal is a
 * {@link dev.snapbi.domain.error.SnapConfigurationException} that says what was found and what was expected, and
 * never quotes key material.
 */
package dev.snapbi.crypto.pem;
