/**
 * Transactional calls (SNAP-SPEC section 5), transport-neutral: {@link dev.snapbi.domain.transaction.TransactionSigner}
 * makes the bearer, timestamp, HMAC signature, partner, external id and channel headers of each attempt;
 * {@link dev.snapbi.domain.transaction.TimeOrderedExternalIdGenerator} is the default source of
 * {@code X-EXTERNAL-ID}s.
 */
package dev.snapbi.domain.transaction;
