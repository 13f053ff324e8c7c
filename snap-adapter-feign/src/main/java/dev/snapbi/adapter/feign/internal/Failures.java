package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import feign.FeignException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;

/**
 * The one mapping of whatever a Feign call threw to the domain's typed error, for both features, so that no Feign,
 * Jackson or transport exception leaves the adapter: a {@link SnapException} inside is returned as it is, an I/O
 * failure is classified by {@link TransportFailures}, an HTTP status by {@link SnapErrors}. Feign exceptions are never
 * kept as causes: they carry the request, whose headers hold the signature. JDK I/O exceptions are kept as causes,
 * without their messages.
 */
public final class Failures {

    private final String call;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * Failures of calls named {@code call} in messages (e.g. {@code "the token request to"}), made with these timeouts
     * ({@code null} when unknown).
     */
    public Failures(String call, Duration connectTimeout, Duration readTimeout) {
        this.call = call;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * The typed error for a failure of the exchange {@code where} (method and URL, never headers).
     *
     * @param path the request path, or {@code null} when unknown
     */
    public SnapException typed(Throwable failure, String method, String path, String where) {
        Throwable t = failure;
        if (t instanceof UndeclaredThrowableException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SnapException snap) {
            return snap;
        }
        if (t instanceof FeignException feign) {
            return typed(feign, method, path, where);
        }
        if (t instanceof UncheckedIOException unchecked) {
            return fromIo(unchecked.getCause(), method, path, where);
        }
        if (t instanceof IOException io) {
            return fromIo(io, method, path, where);
        }
        return new SnapUnavailableException(Reason.OTHER, call + " " + where + " failed unexpectedly ("
                + t.getClass().getName() + ")", context(method, path), null, null);
    }

    /** The typed error for a Feign exception; never the exception itself, its message or its request. */
    private SnapException typed(FeignException e, String method, String path, String where) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SnapException snap) {
                return snap; // thrown by our decoders, wrapped by Feign
            }
        }
        if (e.getCause() instanceof IOException io) {
            return fromIo(io, method, path, where);
        }
        if (e.status() >= 300) {
            return SnapErrors.response(e.status()).request(method, path).toException(); // by status; no body text
        }
        return new SnapProtocolException(call + " " + where + " failed while handling the answer ("
                + e.getClass().getSimpleName() + (e.status() > 0 ? ", HTTP " + e.status() : "") + ")",
                new ErrorContext(null, Math.max(e.status(), 0), null, context(method, path).request()), null);
    }

    private SnapException fromIo(IOException io, String method, String path, String where) {
        return TransportFailures.classify(io, where, context(method, path), connectTimeout, readTimeout);
    }

    private static ErrorContext context(String method, String path) {
        return path == null ? ErrorContext.NONE : ErrorContext.ofRequest(method, path);
    }
}
