/**
 * Transactional calls (SNAP-SPEC section 5), transport-neutral: {@link dev.snapbi.domain.transaction.TransactionSigner},
 * the implementation of the inbound port {@link dev.snapbi.domain.port.SignTransactionUseCase}, makes the bearer,
 * timestamp, HMAC signature, partner, external id and channel headers of each attempt (a
 * {@link dev.snapbi.domain.model.TransactionHeaders});
 * {@link dev.snapbi.domain.transaction.TimeOrderedExternalIdGenerator} is the default source of
 * {@code X-EXTERNAL-ID}s.
 */
package dev.snapbi.domain.transaction;
