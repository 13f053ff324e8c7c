/**
 * The ports of the hexagon, all in one place.
 * <ul>
 *   <li>Inbound: {@link dev.snapbi.domain.port.AccessTokenProvider}, what applications call for a usable token.</li>
 *   <li>Outbound: {@link dev.snapbi.domain.port.TokenEndpoint} (the provider's token endpoint over some transport),
 *   {@link dev.snapbi.domain.port.Signer} (asymmetric signatures), {@link dev.snapbi.domain.port.SymmetricSigner}
 *   (HMAC signatures of transactional calls), {@link dev.snapbi.domain.port.TokenCache}
 *   (where tokens are kept, compare-and-set so a distributed cache can implement it),
 *   {@link dev.snapbi.domain.port.CoordinatedTokenCache} (a fleet's shared token with a fenced fetch lease, so one
 *   replica fetches per expiry),
 *   {@link dev.snapbi.domain.port.ExternalIdGenerator} (the {@code X-EXTERNAL-ID} of each transactional attempt),
 *   {@link dev.snapbi.domain.port.SignatureVerifier} (checks the provider's signature on its notifications).</li>
 *   <li>Callback: {@link dev.snapbi.domain.port.TokenRequestSupplier}, handed to the endpoint so that every attempt
 *   is signed afresh.</li>
 * </ul>
 */
package dev.snapbi.domain.port;
