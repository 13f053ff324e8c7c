package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Objects;

/**
 * The retryer of SNAP transactional calls. After a dead token ({@link TokenRejected}) it lets Feign replay the call
 * exactly once (the interceptor then signs with a new token, timestamp and external id); a second dead token is
 * surfaced as the {@link dev.snapbi.domain.error.SnapAuthenticationException}, never looped on. Every other
 * retryable failure is left to the user's retryer; when it gives up, an I/O failure is surfaced as a
 * {@link SnapUnavailableException} (without the Feign exception, which holds the signed request).
 * <p>
 * Feign clones the retryer for every call, so the one replay is per call.
 */
public final class TokenReplayRetryer implements Retryer {

    private final Retryer delegate;
    private boolean replayed;

    /** Wraps the builder's retryer. */
    public TokenReplayRetryer(Retryer delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (e instanceof TokenRejected rejected) {
            if (!replayed) {
                replayed = true;
                return; // replay now; the decoder already dropped the dead token
            }
            throw rejected.error();
        }
        try {
            delegate.continueOrPropagate(e);
        } catch (RetryableException giveUp) {
            throw translate(giveUp);
        }
    }

    /** The typed error for a failure the user's retryer gave up on, or the failure itself when it is not I/O. */
    static RuntimeException translate(RetryableException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof SnapException snap) {
            return snap;
        }
        if (!(cause instanceof IOException io)) {
            return failure;
        }
        Request request = failure.request();
        String method = request == null ? "?" : request.httpMethod().name();
        String path = request == null ? null : pathOf(request.url());
        String where = method + " " + (path == null ? "the provider" : path);
        ErrorContext context = path == null ? ErrorContext.NONE : ErrorContext.ofRequest(method, path);
        if (io instanceof InterruptedIOException && !(io instanceof SocketTimeoutException)
                && Thread.currentThread().isInterrupted()) {
            return new SnapUnavailableException(Reason.INTERRUPTED, "interrupted during " + where, context, null, io);
        }
        if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException) {
            return new SnapUnavailableException(Reason.TIMEOUT, "no answer from " + where + " within the timeout; the"
                    + " call may or may not have been carried out - check its status before sending it again", context,
                    null, io);
        }
        if (io instanceof UnknownHostException) {
            return new SnapUnavailableException(Reason.CONNECTION, "cannot resolve the host of " + where
                    + "; check the base URL and DNS", context, null, io);
        }
        if (io instanceof ConnectException) {
            return new SnapUnavailableException(Reason.CONNECTION, "cannot connect for " + where
                    + "; the host refused or is unreachable - retry later", context, null, io);
        }
        return new SnapUnavailableException(Reason.CONNECTION, "the connection for " + where + " failed or was dropped"
                + " (" + io.getClass().getSimpleName() + "); the call may or may not have been carried out - check its"
                + " status before sending it again", context, null, io);
    }

    private static String pathOf(String url) {
        try {
            return URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Retryer clone() {
        return new TokenReplayRetryer(delegate.clone());
    }
}
