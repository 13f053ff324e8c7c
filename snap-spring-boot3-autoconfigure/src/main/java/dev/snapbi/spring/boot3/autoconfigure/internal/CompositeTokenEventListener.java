package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TokenEventListener;

import java.util.List;
import java.util.function.Consumer;

/** Hands every event to several listeners; one that throws does not keep the others from hearing it. */
public final class CompositeTokenEventListener implements TokenEventListener {

    private final List<TokenEventListener> listeners;

    private CompositeTokenEventListener(List<TokenEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** One listener for all of them. */
    public static TokenEventListener of(List<TokenEventListener> listeners) {
        return new CompositeTokenEventListener(listeners);
    }

    private void each(Consumer<TokenEventListener> event) {
        for (TokenEventListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException ignored) {
                // a listener's failure must neither reach the token service nor silence the other listeners
            }
        }
    }

    @Override
    public void onTokenFetched(AccessToken token, TokenGrant grant) {
        each(l -> l.onTokenFetched(token, grant));
    }

    @Override
    public void onTokenAdopted(AccessToken token) {
        each(l -> l.onTokenAdopted(token));
    }

    @Override
    public void onFetchFailed(SnapException error) {
        each(l -> l.onFetchFailed(error));
    }

    @Override
    public void onTokenInvalidated(AccessToken token) {
        each(l -> l.onTokenInvalidated(token));
    }

    @Override
    public void onLeaseAcquired(long fence) {
        each(l -> l.onLeaseAcquired(fence));
    }

    @Override
    public void onLeaseDenied() {
        each(TokenEventListener::onLeaseDenied);
    }

    @Override
    public void onStoreUnavailable(String problem) {
        each(l -> l.onStoreUnavailable(problem));
    }

    @Override
    public void onStoreRecovered() {
        each(TokenEventListener::onStoreRecovered);
    }
}
