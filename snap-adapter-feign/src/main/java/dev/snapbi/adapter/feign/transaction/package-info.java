/**
 * Signed SNAP transactional calls over Feign. {@link dev.snapbi.adapter.feign.transaction.SnapTransactions} makes your
 * own Feign interface a signed client (a Feign {@code Capability}) around the signing
 * {@link dev.snapbi.adapter.feign.transaction.SnapTransactionInterceptor};
 * {@link dev.snapbi.adapter.feign.transaction.FeignTransactionTransport} is the
 * {@link dev.snapbi.domain.port.TransactionTransport} port (one attempt, every answer returned).
 */
package dev.snapbi.adapter.feign.transaction;
