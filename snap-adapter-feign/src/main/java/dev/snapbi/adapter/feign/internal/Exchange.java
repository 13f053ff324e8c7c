package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.model.SnapHeaders;
import feign.Request;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /**
     * The secrets a request carried: the values of its sensitive headers ({@code Authorization},
     * {@code X-SIGNATURE}, cookies) and the bare bearer token, for masking wherever a server echoes them.
     */
    public static List<String> secrets(Request request) {
        List<String> secrets = new ArrayList<>();
        if (request == null || request.headers() == null) {
            return secrets;
        }
        for (Map.Entry<String, Collection<String>> e : request.headers().entrySet()) {
            if (!SnapHeaders.isSensitive(e.getKey()) || e.getValue() == null) {
                continue;
            }
            for (String value : e.getValue()) {
                if (value == null) {
                    continue;
                }
                secrets.add(value);
                int space = value.indexOf(' ');
                if (space > 0 && space < value.length() - 1) {
                    secrets.add(value.substring(space + 1).strip()); // "Bearer <token>": the token alone
                }
            }
        }
        return secrets;
    }

    /** The token a request carried as {@code Authorization: Bearer <token>}, or {@code null}. */
    public static String bearerToken(Request request) {
        String authorization = request == null ? null : header(request.headers(), SnapHeaders.AUTHORIZATION);
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return authorization.substring(prefix.length());
    }

    /** {@code METHOD /path}. */
    public String request() {
        return method + " " + (path == null ? "" : path);
    }

    /** The first value of the header {@code name} (any case), or {@code null}: the adapter's one header lookup. */
    public static String header(Map<String, Collection<String>> headers, String name) {
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
