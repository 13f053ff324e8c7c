package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import feign.FeignException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Maps whatever one attempt threw to the domain's typed error, so that no Feign, Jackson or transport exception
 * leaves the port. Feign exceptions are never kept as causes: they carry the request, whose headers hold the
 * signature. JDK I/O exceptions are kept as causes; their messages hold no secrets.
 */
public final class Failures {

    private final URI tokenUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** Failures of calls to this URL with these timeouts (used in messages). */
    public Failures(URI tokenUrl, Duration connectTimeout, Duration readTimeout) {
        this.tokenUrl = tokenUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The typed error for a failure of an attempt made for {@code clientKey}. */
    public SnapException translate(Throwable failure, String clientKey) {
        Throwable t = failure;
        if (t instanceof UndeclaredThrowableException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SnapException snap) {
            return snap;
        }
        if (t instanceof FeignException feign) {
            Throwable cause = feign.getCause();
            if (cause instanceof SnapException snap) {
                return snap; // thrown by our decoder, wrapped by Feign
            }
            if (cause instanceof IOException io) {
                return fromIo(io, clientKey);
            }
            return new SnapProtocolException("the token request to " + where(clientKey) + " failed while handling"
                    + " the answer (" + feign.getClass().getSimpleName()
                    + (feign.status() > 0 ? ", HTTP " + feign.status() : "") + ")",
                    new ErrorContext(null, Math.max(feign.status(), 0), null, request().request()), null);
        }
        if (t instanceof UncheckedIOException unchecked) {
            return fromIo(unchecked.getCause(), clientKey);
        }
        if (t instanceof IOException io) {
            return fromIo(io, clientKey);
        }
        return new SnapUnavailableException(Reason.OTHER, "the token request to " + where(clientKey)
                + " failed unexpectedly (" + t.getClass().getName() + ")", ErrorContext.ofRequest("POST",
                tokenUrl.getRawPath()), null, null);
    }

    private SnapUnavailableException fromIo(IOException io, String clientKey) {
        ErrorContext context = request();
        if (isInterrupted(io)) {
            Thread.currentThread().interrupt();
            return new SnapUnavailableException(Reason.INTERRUPTED, "interrupted during the token request to "
                    + where(clientKey), context, null, io);
        }
        if (io instanceof HttpConnectTimeoutException
                || (io instanceof SocketTimeoutException && String.valueOf(io.getMessage()).contains("connect"))) {
            return new SnapUnavailableException(Reason.TIMEOUT, "no connection to " + where(clientKey)
                    + " within the connect timeout (" + millis(connectTimeout) + "); the host is unreachable or"
                    + " slow - retry later or raise connectTimeout", context, null, io);
        }
        if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException
                || io instanceof Bodies.BodyTimeoutException) {
            return new SnapUnavailableException(Reason.TIMEOUT, "no complete answer from " + where(clientKey)
                    + " within the read timeout (" + millis(readTimeout) + "); the provider is slow - retry later"
                    + " or raise readTimeout", context, null, io);
        }
        if (io instanceof UnknownHostException) {
            return new SnapUnavailableException(Reason.CONNECTION, "cannot resolve the host of " + where(clientKey)
                    + "; check the base URL and DNS", context, null, io);
        }
        if (io instanceof SSLException) {
            return new SnapUnavailableException(Reason.CONNECTION, "the TLS handshake with " + where(clientKey)
                    + " failed (" + io.getClass().getSimpleName() + "); check the base URL, any TLS-intercepting"
                    + " proxy and the JVM's trust store", context, null, io);
        }
        if (io instanceof ConnectException) {
            return new SnapUnavailableException(Reason.CONNECTION, "cannot connect to " + where(clientKey)
                    + "; the host refused or is unreachable - retry later", context, null, io);
        }
        return new SnapUnavailableException(Reason.CONNECTION, "the connection to " + where(clientKey)
                + " failed or was dropped (" + io.getClass().getSimpleName() + "); retry later", context, null, io);
    }

    private static boolean isInterrupted(IOException io) {
        if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException
                || io instanceof Bodies.BodyTimeoutException) {
            return false;
        }
        if (io.getCause() instanceof InterruptedException) {
            return true;
        }
        return io instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
    }

    private ErrorContext request() {
        return ErrorContext.ofRequest("POST", tokenUrl.getRawPath());
    }

    private String where(String clientKey) {
        return "POST " + tokenUrl + (clientKey == null ? "" : " for client " + clientKey);
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
