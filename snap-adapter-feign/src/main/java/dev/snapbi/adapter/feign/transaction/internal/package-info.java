/**
 * The wiring behind {@link dev.snapbi.adapter.feign.transaction.SnapTransactions}: the capability that wraps what the
 * Feign builder ends up with, the single replay after a dead token, the guarded decoders and the invocation handler
 * that lets no Feign exception out. Not part of the public API; anything here may change without notice.
 */
package dev.snapbi.adapter.feign.transaction.internal;
