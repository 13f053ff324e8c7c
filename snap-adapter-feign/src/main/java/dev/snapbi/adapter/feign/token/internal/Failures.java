package dev.snapbi.adapter.feign.token.internal;

import dev.snapbi.adapter.feign.internal.TransportFailures;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.error.SnapUnavailableException;
import feign.FeignException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URI;
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

    private SnapException fromIo(IOException io, String clientKey) {
        return TransportFailures.classify(io, where(clientKey), request(), connectTimeout, readTimeout);
    }

    private ErrorContext request() {
        return ErrorContext.ofRequest("POST", tokenUrl.getRawPath());
    }

    private String where(String clientKey) {
        return "POST " + tokenUrl + (clientKey == null ? "" : " for client " + clientKey);
    }
}
