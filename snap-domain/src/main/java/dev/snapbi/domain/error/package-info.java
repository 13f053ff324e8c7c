/**
 * The error model: the sealed {@link dev.snapbi.domain.error.SnapException} family, one type per meaning, so that
 * callers catch by what to do ({@link dev.snapbi.domain.error.SnapConfigurationException}: a local setting is wrong,
 * found before anything was sent; {@link dev.snapbi.domain.error.SnapAuthenticationException},
 * {@link dev.snapbi.domain.error.SnapRejectedException}, {@link dev.snapbi.domain.error.SnapUnavailableException},
 * {@link dev.snapbi.domain.error.SnapOutcomeUnknownException}, {@link dev.snapbi.domain.error.SnapProtocolException}
 * and the others), with {@link dev.snapbi.domain.error.SnapErrors} to map an answer to its error. Response codes,
 * success ones included, are in {@code dev.snapbi.domain.response}.
 */
package dev.snapbi.domain.error;
