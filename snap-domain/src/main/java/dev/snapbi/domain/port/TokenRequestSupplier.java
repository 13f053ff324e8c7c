package dev.snapbi.domain.port;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.TokenRequest;

import java.util.function.Supplier;

/**
 * Supplies a freshly signed token request: a new timestamp (one clock read, used for header and signature alike) and a
 * new signature on every call. A {@link TokenEndpoint} calls {@link #get()} once per attempt, so retries never resend
 * an old timestamp or signature.
 */
public interface TokenRequestSupplier extends Supplier<TokenRequest> {

    /** The client the requests are for. */
    ClientKey clientKey();

    /**
     * A new signed request, timestamped now.
     *
     * @throws dev.snapbi.domain.error.SnapConfigurationException when signing fails (never returns null)
     */
    @Override
    TokenRequest get();
}
