/**
 * Signing adapters for SNAP BI: {@link dev.snapbi.crypto.RsaSigner} (SHA256withRSA, the asymmetric signature of the
 * B2B access-token request), {@link dev.snapbi.crypto.RsaVerifier} (for notifications and the sandbox),
 * {@link dev.snapbi.crypto.HmacSha512Signer} (the symmetric signature of transactional calls, over the compact body
 * of {@link dev.snapbi.domain.json.CompactJson}) and
 * {@link dev.snapbi.crypto.RsaKeyPairs} (new key pairs). Keys are read by {@link dev.snapbi.crypto.pem}.
 * Every object here is immutable and thread-safe; none holds configuration in statics.
 */
package dev.snapbi.crypto;
