package dev.snapbi.domain.port;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;

/**
 * Outbound port: observes an {@link dev.snapbi.domain.token.AccessTokenService}, for metrics, audit logs or tests.
 * Methods run on the thread that did the work and must be quick; exceptions they throw are logged and ignored.
 */
public interface TokenEventListener {

    /** A listener that does nothing. */
    TokenEventListener NONE = new TokenEventListener() {
    };

    /** A new token was fetched from the endpoint. */
    default void onTokenFetched(AccessToken token, TokenGrant grant) {
    }

    /** A token stored by another service instance was adopted from the shared cache instead of fetching. */
    default void onTokenAdopted(AccessToken token) {
    }

    /** A fetch failed; the service keeps serving a still-valid token if it has one. */
    default void onFetchFailed(SnapException error) {
    }

    /** A token was invalidated by a caller (and it was the current one). */
    default void onTokenInvalidated(AccessToken token) {
    }

    /** This instance took the fleet's fetch lease (it fetches for every replica); {@code fence} orders its write. */
    default void onLeaseAcquired(long fence) {
    }

    /** Another replica holds the fetch lease: this instance waits for its token instead of fetching. */
    default void onLeaseDenied() {
    }

    /**
     * The shared token store failed (unreachable, slow, garbage): the service fetches for itself meanwhile. Called
     * once per outage, with a short description that holds no secret.
     */
    default void onStoreUnavailable(String problem) {
    }

    /** The shared token store answers again after an outage. */
    default void onStoreRecovered() {
    }
}
