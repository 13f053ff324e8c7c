package dev.snapbi.testing.internal;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenRequestSupplier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link TokenRequestSupplier} that keeps every request it hands out, so the contract can compare what the endpoint
 * asked for with what the sandbox received. Thread-safe.
 */
public final class RecordingRequests implements TokenRequestSupplier {

    private final TokenRequestSupplier delegate;
    private final List<TokenRequest> handedOut = new ArrayList<>();

    /** Records the requests of {@code delegate}. */
    public RecordingRequests(TokenRequestSupplier delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ClientKey clientKey() {
        return delegate.clientKey();
    }

    @Override
    public TokenRequest get() {
        TokenRequest request = delegate.get();
        synchronized (handedOut) {
            handedOut.add(request);
        }
        return request;
    }

    /** How often {@link #get()} was called. */
    public int count() {
        synchronized (handedOut) {
            return handedOut.size();
        }
    }

    /** The requests handed out so far, oldest first. */
    public List<TokenRequest> handedOut() {
        synchronized (handedOut) {
            return List.copyOf(handedOut);
        }
    }

    @Override
    public String toString() {
        return "RecordingRequests[" + delegate + ", " + count() + " handed out]";
    }
}
