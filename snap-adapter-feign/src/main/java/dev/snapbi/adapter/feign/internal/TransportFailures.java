package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * The one classification of I/O failures for every exchange this adapter makes (token and transactional):
 * <ul>
 *   <li>{@link Reason#CONNECT} (surely not sent): refused, unresolvable host, connect timeout, TLS handshake;</li>
 *   <li>{@link Reason#TIMEOUT}: no answer headers within the read timeout, or no whole body within its deadline;</li>
 *   <li>{@link Reason#CONNECTION}: dropped or failed after connecting (the request may have been carried out);</li>
 *   <li>{@link Reason#INTERRUPTED}: the calling thread was interrupted (its flag is set again);</li>
 *   <li>{@link SnapProtocolException}: the body is larger than the size limit.</li>
 * </ul>
 * Messages name the exchange ({@code where}: method and URL, never headers) and the fix; the JDK exception is kept as
 * the cause (its text holds no secrets).
 */
public final class TransportFailures {

    private TransportFailures() {
    }

    /** Whether the failure happened before a connection was made, so the request surely never left. */
    public static boolean isConnectFailure(IOException io) {
        for (Throwable t = io; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether the failure is the calling thread's interrupt (not a timeout). */
    public static boolean isInterrupt(IOException io) {
        if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException
                || io instanceof Bodies.BodyTimeoutException) {
            return false;
        }
        if (io.getCause() instanceof InterruptedException) {
            return true;
        }
        return io instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
    }

    /**
     * The typed error for an I/O failure of the exchange {@code where} (e.g. {@code POST https://host/path for
     * client X}).
     */
    public static SnapException classify(IOException io, String where, ErrorContext context, Duration connectTimeout,
                                         Duration readTimeout) {
        if (io instanceof Bodies.BodyTooLargeException tooLarge) {
            return new SnapProtocolException("the answer body from " + where + " is larger than the limit of "
                    + tooLarge.limit() + " bytes - a proxy in the way or a server defect (raise maxBodyBytes only"
                    + " if such answers are expected)", context, null);
        }
        if (io instanceof ContentDecoding.UndecodableBodyException) {
            return new SnapProtocolException(io.getMessage() + " from " + where + " - a proxy in the way or a server"
                    + " defect", context, null);
        }
        if (isInterrupt(io)) {
            Thread.currentThread().interrupt();
            return new SnapUnavailableException(Reason.INTERRUPTED, "interrupted during " + where, context, null,
                    withoutServerText(io));
        }
        if (isConnectFailure(io)) {
            return connectFailure(io, where, context, connectTimeout);
        }
        if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException
                || io instanceof Bodies.BodyTimeoutException) {
            return new SnapUnavailableException(Reason.TIMEOUT, "no complete answer from " + where
                    + " within the read timeout" + millis(readTimeout) + "; the provider is slow - the call may"
                    + " or may not have been carried out; retry later or raise readTimeout", context, null,
                    withoutServerText(io));
        }
        if (io instanceof SSLException) {
            return new SnapUnavailableException(Reason.CONNECTION, "the TLS session with " + where + " failed ("
                    + io.getClass().getSimpleName() + "); check the base URL, any TLS-intercepting proxy and the"
                    + " JVM's trust store", context, null, withoutServerText(io));
        }
        return new SnapUnavailableException(Reason.CONNECTION, "the connection for " + where + " failed or was"
                + " dropped (" + io.getClass().getSimpleName() + "); the call may or may not have been carried out -"
                + " retry later", context, null, withoutServerText(io));
    }

    private static SnapUnavailableException connectFailure(IOException io, String where, ErrorContext context,
                                                           Duration connectTimeout) {
        String reason;
        if (has(io, HttpConnectTimeoutException.class) || io instanceof SocketTimeoutException) {
            reason = "no connection within the connect timeout" + millis(connectTimeout) + "; the host is"
                    + " unreachable or slow - retry later or raise connectTimeout";
        } else if (has(io, UnknownHostException.class) || has(io, UnresolvedAddressException.class)) {
            reason = "cannot resolve the host; check the base URL and DNS";
        } else if (has(io, SSLHandshakeException.class)) {
            reason = "the TLS handshake failed; check the base URL, any TLS-intercepting proxy and the JVM's trust"
                    + " store";
        } else {
            reason = "cannot connect: the host refused or is unreachable - check the host and port of the base URL,"
                    + " or retry later";
        }
        return new SnapUnavailableException(Reason.CONNECT, where + ": " + reason + " (the request was not sent)",
                context, null, withoutServerText(io));
    }

    /**
     * The cause to attach: the I/O failure's type and stack, without its message or its causes' messages. A broken
     * answer puts the server's own text there (an invalid status line, a header that echoes the request), which may
     * carry the token or signature that was sent.
     */
    static IOException withoutServerText(IOException io) {
        IOException copy = new IOException(io.getClass().getName() + " (message withheld: it may quote the server)");
        copy.setStackTrace(io.getStackTrace());
        return copy;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** " (10 s)", or nothing when unknown. */
    private static String millis(Duration d) {
        if (d == null) {
            return "";
        }
        return " (" + (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms") + ")";
    }
}
