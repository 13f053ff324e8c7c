package dev.snapbi.domain.port;

import dev.snapbi.domain.model.TransactionHeaders;

/**
 * Inbound (driving) port: the use case "sign one attempt of a SNAP transactional call" (SNAP-SPEC section 5). HTTP
 * client adapters drive it (the Feign interceptor, the JDK transport, {@code NicepayClient}); the domain's
 * {@link dev.snapbi.domain.transaction.TransactionSigner} implements it. Implementations are thread-safe.
 */
public interface SignTransactionUseCase {

    /**
     * The headers of one attempt, with the current access token: sign after the body is serialised and send exactly
     * those bytes.
     *
     * @param method       the HTTP method, upper case ({@code POST})
     * @param pathAndQuery the request path as sent, with its raw query if any
     * @param body         exactly the body bytes sent; {@code null} or empty for none
     * @throws dev.snapbi.domain.error.SnapException typed by meaning; nothing should be sent then
     */
    TransactionHeaders sign(String method, String pathAndQuery, byte[] body);

    /**
     * After the server called a token dead ({@code 4017301}, {@code 4017303}): drops the current token if, and only
     * if, it is the one that was sent, so that the next {@link #sign} fetches a new one.
     *
     * @param sentAccessToken the token value the rejected request carried (without {@code Bearer })
     * @return whether the token was dropped
     */
    boolean invalidateIfCurrent(String sentAccessToken);
}
