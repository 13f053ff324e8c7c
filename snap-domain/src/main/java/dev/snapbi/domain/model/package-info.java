/**
 * The SNAP value objects: immutable, validated in their factories, never existing invalid. Credentials and keys of
 * the exchange ({@link dev.snapbi.domain.model.ClientKey}, {@link dev.snapbi.domain.model.ClientSecret},
 * {@link dev.snapbi.domain.model.AccessToken}), what is signed and sent
 * ({@link dev.snapbi.domain.model.StringToSign}, {@link dev.snapbi.domain.model.Base64Signature},
 * {@link dev.snapbi.domain.model.SnapTimestamp}, {@link dev.snapbi.domain.model.TokenRequest},
 * {@link dev.snapbi.domain.model.TransactionHeaders}, {@link dev.snapbi.domain.model.SnapHeaders}), what comes back
 * ({@link dev.snapbi.domain.model.TokenGrant}, {@link dev.snapbi.domain.model.NotificationVerification}) and where
 * it goes ({@link dev.snapbi.domain.model.ProviderProfile}, {@link dev.snapbi.domain.model.TokenCacheKey}). Secrets
 * never show in {@code toString()}.
 */
package dev.snapbi.domain.model;
