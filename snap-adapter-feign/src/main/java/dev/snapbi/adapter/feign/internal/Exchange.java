package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.model.SnapHeaders;
import feign.Request;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * What an error message may say about a request: its method, its path (no host, no query) and the client key.
 * Never the headers' secret values.
 *
 * @param method    the HTTP method, e.g. {@code POST}
 * @param path      the request path, e.g. {@code /nicepay/v1.0/access-token/b2b}
 * @param clientKey the {@code X-CLIENT-KEY} sent, or {@code null}
 */
public record Exchange(String method, String path, String clientKey) {

    /** The description of a Feign request. */
    public static Exchange of(Request request) {
        if (request == null) {
            return new Exchange("POST", null, null);
        }
        String path;
        try {
            path = URI.create(request.url()).getRawPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        return new Exchange(request.httpMethod().name(), path, header(request.headers(), SnapHeaders.X_CLIENT_KEY));
    }

    /** {@code METHOD /path}. */
    public String request() {
        return method + " " + (path == null ? "" : path);
    }

    static String header(Map<String, Collection<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().iterator().next();
            }
        }
        return null;
    }
}
