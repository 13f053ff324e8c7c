package dev.snapbi.adapter.feign.transaction.internal;

import dev.snapbi.adapter.feign.internal.Bodies;
import dev.snapbi.adapter.feign.internal.ContentDecoding;
import dev.snapbi.domain.error.SnapException;
import feign.RetryableException;
import feign.Retryer;

import java.util.Objects;

/**
 * The retryer of SNAP transactional calls. After a dead token ({@link DeadTokenException}) it lets Feign replay the
 * call exactly once (the interceptor then signs with a new token, timestamp and external id); a second dead token is
 * surfaced as the {@link dev.snapbi.domain.error.SnapAuthenticationException}, never looped on. Every other
 * retryable failure is left to the user's retryer; when it gives up, an I/O failure is surfaced as a
 * {@link dev.snapbi.domain.error.SnapUnavailableException} (without the Feign exception, which holds the signed
 * request).
 * <p>
 * Feign clones the retryer for every call, so the one replay is per call.
 */
public final class ReplayOnceRetryer implements Retryer {

    private final Retryer delegate;
    private boolean replayed;

    /** Wraps the builder's retryer. */
    public ReplayOnceRetryer(Retryer delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (e instanceof DeadTokenException rejected) {
            if (!replayed) {
                replayed = true;
                return; // replay now; the decoder already dropped the dead token
            }
            throw rejected.error();
        }
        if (e.getCause() instanceof Bodies.BodyTooLargeException
                || e.getCause() instanceof ContentDecoding.UndecodableBodyException
                || e.getCause() instanceof SnapException) {
            // the answer came and broke the protocol: resending cannot help
            throw TypedInvocationHandlerFactory.typed(e);
        }
        try {
            delegate.continueOrPropagate(e);
        } catch (RetryableException giveUp) {
            throw TypedInvocationHandlerFactory.typed(giveUp);
        }
    }

    @Override
    public Retryer clone() {
        return new ReplayOnceRetryer(delegate.clone());
    }
}
