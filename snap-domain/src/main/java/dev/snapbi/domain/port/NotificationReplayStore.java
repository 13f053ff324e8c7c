package dev.snapbi.domain.port;

import java.time.Instant;

/**
 * Outbound port: where accepted notifications are remembered, so that a captured one replayed within the timestamp
 * window is recognised (NICEPAY's notification signature covers {@code clientId|X-TIMESTAMP} only, so it verifies
 * again for as long as the timestamp is fresh). The in-memory {@code InMemoryNotificationReplayStore} serves one
 * instance; several instances behind a load balancer need a shared store, e.g. Redis {@code SET key 1 NX PXAT
 * forgetAfter}.
 * <p>
 * Keys are SHA-256 hashes (hex) of the client id, timestamp and signature: no signature is ever stored.
 */
@FunctionalInterface
public interface NotificationReplayStore {

    /**
     * Remembers {@code key} until at least {@code forgetAfter}, atomically with the check: {@code true} the first time
     * a key is offered, {@code false} when it was offered before and is still remembered. May throw when the store
     * cannot be reached; the verifier then answers {@code REPLAY_UNCHECKED} (answer the provider 5xx so it resends).
     *
     * @param key         64 lowercase hex characters
     * @param now         the verifier's clock reading
     * @param forgetAfter when the notification's timestamp leaves the window; remembering longer is harmless
     */
    boolean firstSighting(String key, Instant now, Instant forgetAfter);
}
