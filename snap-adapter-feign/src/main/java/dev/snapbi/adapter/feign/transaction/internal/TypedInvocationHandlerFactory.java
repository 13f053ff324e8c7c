package dev.snapbi.adapter.feign.transaction.internal;

import dev.snapbi.adapter.feign.internal.Failures;
import dev.snapbi.domain.error.SnapException;
import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.Target;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The last line of a SNAP transactional interface: no {@link FeignException} leaves a method call. Feign wraps what
 * decoders and clients throw ({@code DecodeException}, {@code RetryableException}, ...) and keeps the request, whose
 * {@code Authorization} and {@code X-SIGNATURE} headers are secrets; this handler throws the typed
 * {@link SnapException} inside instead, or one made from the I/O failure or the HTTP status, never carrying the Feign
 * exception or its message.
 */
public final class TypedInvocationHandlerFactory implements InvocationHandlerFactory {

    /** Transactional calls: their timeouts are the user's Feign options, not known here. */
    private static final Failures FAILURES = new Failures("the call", null, null);

    private final InvocationHandlerFactory delegate;

    /** Wraps {@code delegate}. */
    public TypedInvocationHandlerFactory(InvocationHandlerFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler handler = delegate.create(target, dispatch);
        return (proxy, method, args) -> {
            try {
                return handler.invoke(proxy, method, args);
            } catch (FeignException e) {
                throw typed(e);
            }
        };
    }

    /** The typed error for a Feign exception; never the exception itself, its message or its request. */
    public static SnapException typed(FeignException e) {
        Request request = e.request();
        String method = request == null ? "?" : request.httpMethod().name();
        String path = request == null ? null : pathOf(request.url());
        return FAILURES.typed(e, method, path, method + " " + (path == null ? "the provider" : path));
    }

    private static String pathOf(String url) {
        try {
            return URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
