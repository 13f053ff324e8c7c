package dev.snapbi.domain.port;

import dev.snapbi.domain.model.AccessToken;

/**
 * Inbound port: a usable B2B access token now. Implementations cache, refresh ahead of expiry and make one fetch at a
 * time; see {@code dev.snapbi.domain.token.AccessTokenService}.
 */
public interface AccessTokenProvider {

    /**
     * A token that is valid now. Fast when a cached token is fresh; otherwise waits (bounded) for the single fetch in
     * flight.
     *
     * @throws dev.snapbi.domain.error.SnapException typed by meaning when no usable token can be had
     */
    AccessToken accessToken();

    /**
     * Drops exactly this token, e.g. after the server answered {@code 4017301 Invalid Token} for it. If the token was
     * already replaced, nothing happens; the next {@link #accessToken()} fetches a new token only if needed.
     */
    void invalidate(AccessToken token);
}
