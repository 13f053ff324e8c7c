package dev.snapbi.domain.port;

import dev.snapbi.domain.error.SnapException;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port: one attempt of a signed transactional HTTP exchange (SNAP-SPEC section 5) over some HTTP client
 * (the Feign adapter, {@code snap-adapter-jdk}, or your own). The caller has already signed the request; the transport
 * sends exactly the given bytes with exactly the given headers, once, and reads the whole answer within its deadline
 * and size bound.
 * <p>
 * A transport never retries on its own: whether a transactional call may be resent depends on whether it moves money
 * and whether the request may have reached the server (SNAP-SPEC section 9), which only the caller knows. So every
 * HTTP answer, 2xx, 4xx or 5xx, is returned as a {@link Response}; only the absence of an answer is an exception.
 */
@FunctionalInterface
public interface TransactionTransport {

    /**
     * Sends one request and reads its answer.
     *
     * @return the answer, whatever its HTTP status
     * @throws dev.snapbi.domain.error.SnapUnavailableException when no complete answer was had: a timeout, a
     *         connection failure, a dropped connection. Its {@link
     *         dev.snapbi.domain.error.SnapUnavailableException#surelyNotSent()} says whether the request surely never
     *         left (connection refused, unresolvable host, connect timeout, TLS handshake failure, open circuit).
     * @throws dev.snapbi.domain.error.SnapProtocolException when the answer exceeds the size bound or is not HTTP
     * @throws SnapException typed by meaning for anything else; never a raw client exception, and never a message
     *         that carries the request's secrets
     */
    Response exchange(Request request);

    /**
     * One signed request, ready to send. Holds secrets (the {@code Authorization} and {@code X-SIGNATURE} headers):
     * {@code toString()} shows neither.
     */
    final class Request {
        private final String method;
        private final URI uri;
        private final String signedPath;
        private final Map<String, String> headers;
        private final byte[] body;

        private Request(String method, URI uri, String signedPath, Map<String, String> headers, byte[] body) {
            this.method = Objects.requireNonNull(method, "method");
            this.uri = Objects.requireNonNull(uri, "uri");
            this.signedPath = Objects.requireNonNull(signedPath, "signedPath");
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
            this.body = body == null ? new byte[0] : body.clone();
        }

        /**
         * A request.
         *
         * @param method     the HTTP method, upper case
         * @param uri        the absolute target, e.g. {@code https://dev.nicepay.co.id/nicepay/api/v1.0/transfer-va/create-va}
         * @param signedPath the path with query that the signature covers (for NICEPAY without {@code /nicepay})
         * @param headers    every header to send, set once each (not appended); includes {@code Content-Type}
         * @param body       exactly the bytes that were signed; {@code null} or empty for none
         */
        public static Request of(String method, URI uri, String signedPath, Map<String, String> headers, byte[] body) {
            return new Request(method, uri, signedPath, headers, body);
        }

        /** The HTTP method, upper case. */
        public String method() {
            return method;
        }

        /** The absolute target URI. */
        public URI uri() {
            return uri;
        }

        /** The path with query the signature covers. */
        public String signedPath() {
            return signedPath;
        }

        /** Every header to send, by name; includes secrets, never log the values. */
        public Map<String, String> headers() {
            return headers;
        }

        /** A copy of the exact body bytes to send (empty for none). */
        public byte[] body() {
            return body.clone();
        }

        /** The body length in bytes. */
        public int bodyLength() {
            return body.length;
        }

        @Override
        public String toString() {
            return "TransactionTransport.Request[" + method + " " + uri.getRawPath() + ", " + body.length
                    + " body bytes, headers " + headers.keySet() + "]";
        }
    }

    /** One complete HTTP answer: status, headers (names matched case-insensitively) and the whole body. */
    final class Response {
        private final int status;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        private Response(int status, Map<String, List<String>> headers, byte[] body) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("an HTTP status has three digits, got " + status);
            }
            this.status = status;
            Map<String, List<String>> copy = new LinkedHashMap<>();
            Objects.requireNonNull(headers, "headers").forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
                        List<String> merged = new java.util.ArrayList<>(a);
                        merged.addAll(b);
                        return List.copyOf(merged);
                    });
                }
            });
            this.headers = Collections.unmodifiableMap(copy);
            this.body = body == null ? new byte[0] : body.clone();
        }

        /** An answer. */
        public static Response of(int status, Map<String, List<String>> headers, byte[] body) {
            return new Response(status, headers, body);
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }

        /** The headers, names in lower case. */
        public Map<String, List<String>> headers() {
            return headers;
        }

        /** The first value of a header, matched case-insensitively. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** A copy of the body bytes (empty for none). */
        public byte[] body() {
            return body.clone();
        }

        /** The body length in bytes. */
        public int bodyLength() {
            return body.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && r.status == status && r.headers.equals(headers)
                    && Arrays.equals(r.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "TransactionTransport.Response[" + status + ", " + body.length + " body bytes]";
        }
    }
}
