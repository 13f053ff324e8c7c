/**
 * The ports of the hexagon, all in one place: every interface through which the outside drives the domain or the
 * domain drives the outside. Adapters implement or call these and nothing else of the inside.
 * <ul>
 *   <li>Inbound (driving: applications and adapters call them, the domain implements them):
 *   {@link dev.snapbi.domain.port.AccessTokenProvider} (a usable access token; implemented by
 *   {@code AccessTokenService}), {@link dev.snapbi.domain.port.SignTransactionUseCase} (the headers of one
 *   transactional attempt; implemented by {@code TransactionSigner}),
 *   {@link dev.snapbi.domain.port.VerifyNotificationUseCase} (is a notification the provider's; implemented by
 *   {@code NotificationVerifier}).</li>
 *   <li>Outbound (driven: the domain calls them, adapters implement them):
 *   {@link dev.snapbi.domain.port.TokenEndpoint} (the provider's token endpoint over some transport),
 *   {@link dev.snapbi.domain.port.TransactionTransport} (sends a signed transactional call),
 *   {@link dev.snapbi.domain.port.Signer} (asymmetric signatures; snap-crypto's {@code RsaSigner}),
 *   {@link dev.snapbi.domain.port.SignatureVerifier} (checks the provider's signature on its notifications;
 *   snap-crypto's {@code RsaVerifier}), {@link dev.snapbi.domain.port.SymmetricSigner} (HMAC signatures of
 *   transactional calls; snap-crypto's {@code HmacSha512Signer}), {@link dev.snapbi.domain.port.TokenCache} (where
 *   tokens are kept, compare-and-set so a distributed cache can implement it),
 *   {@link dev.snapbi.domain.port.CoordinatedTokenCache} (a fleet's shared token with a fenced fetch lease, so one
 *   replica fetches per expiry; snap-cache-redis), {@link dev.snapbi.domain.port.ExternalIdGenerator} (the
 *   {@code X-EXTERNAL-ID} of each transactional attempt), {@link dev.snapbi.domain.port.NotificationReplayStore}
 *   (remembers accepted notifications, against replays), {@link dev.snapbi.domain.port.Ticker} (monotonic time for
 *   token lifetimes), {@link dev.snapbi.domain.port.TokenEventListener} (observes the token service: metrics,
 *   audit).</li>
 *   <li>Callback: {@link dev.snapbi.domain.port.TokenRequestSupplier}, handed to the token endpoint so that every
 *   attempt is signed afresh.</li>
 * </ul>
 */
package dev.snapbi.domain.port;
