package dev.snapbi.domain.error;

import dev.snapbi.domain.internal.Redaction;

import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.response.StandardResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an HTTP answer that is not a success into the typed error, the same way for every adapter:
 * <pre>{@code
 * throw SnapErrors.response(401)
 *         .responseCode(body.responseCode())      // raw text; may be null or garbage
 *         .serverMessage(body.responseMessage())
 *         .request("POST", "/nicepay/v1.0/access-token/b2b")
 *         .clientKey("IONPAYTEST")
 *         .toException();
 * }</pre>
 * The HTTP status decides the kind when status and body disagree; a non-JSON page (no code) maps by its status.
 */
public final class SnapErrors {

    private SnapErrors() {
    }

    /** Starts describing an answer with this HTTP status. */
    public static Response response(int httpStatus) {
        return new Response(httpStatus);
    }

    /** A mutable description of one failed answer; build it, then call {@link #toException()}. */
    public static final class Response {
        private final int httpStatus;
        private String rawCode;
        private String serverMessage;
        private String method;
        private String path;
        private String clientKey;
        private Duration retryAfter;
        private String businessReference;
        private String statusCall;
        private final List<String> secrets = new ArrayList<>();

        private Response(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The {@code responseCode} text from the body, as received (may be null or malformed). */
        public Response responseCode(String raw) {
            this.rawCode = raw;
            return this;
        }

        /** The {@code responseMessage} from the body, as received. */
        public Response serverMessage(String message) {
            this.serverMessage = message;
            return this;
        }

        /** The request method and path (no query string with secrets, no host). */
        public Response request(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        /** The client key the request was made for, used in hints (it is not a secret). */
        public Response clientKey(String key) {
            this.clientKey = key;
            return this;
        }

        /**
         * The secrets the request carried (access token, signatures): masked in all server text before it reaches
         * the message, whole, cut short or in pieces ({@link Redaction#withoutSecrets}). A server or gateway that
         * echoes request headers must not put them into messages and logs.
         */
        public Response redacting(Collection<String> sentSecrets) {
            if (sentSecrets != null) {
                sentSecrets.forEach(s -> {
                    if (s != null && !s.isBlank()) {
                        secrets.add(s);
                    }
                });
            }
            return this;
        }

        /** The server's {@code Retry-After}, when it sent one. */
        public Response retryAfter(Duration delay) {
            this.retryAfter = delay;
            return this;
        }

        /**
         * The business reference the request carried ({@code partnerReferenceNo}, {@code trxId},
         * {@code partnerRefundNo}): carried by {@link SnapDuplicateReferenceException} and
         * {@link SnapInProgressException}. It is the user's own id, not a secret.
         */
        public Response businessReference(String reference) {
            this.businessReference = reference;
            return this;
        }

        /** The name of the status call that reconciles this request, e.g. {@code virtualAccounts().status}. */
        public Response statusCall(String name) {
            this.statusCall = name;
            return this;
        }

        /**
         * The typed error for this answer. A 202 ({@code 202xx00}, "in progress") is a {@link SnapInProgressException};
         * a {@code 409xx01} a {@link SnapDuplicateReferenceException}.
         */
        public SnapException toException() {
            ResponseCode code = ResponseCode.tryParse(rawCode).orElse(null);
            String message = Redaction.serverText(Redaction.withoutSecrets(serverMessage, secrets));
            String request = method == null ? null : method + " " + (path == null ? "" : path);
            int status = httpStatus;
            if (status == 202 && (code == null || code.httpStatus() == 202)
                    || status >= 200 && status < 300 && code != null && code.httpStatus() == 202) {
                return new SnapInProgressException(describe(code, message, request, inProgressHint()),
                        new ErrorContext(code, httpStatus, message, request), businessReference, statusCall);
            }
            if (status >= 200 && status < 300) {
                if (code == null || code.isSuccess()) {
                    return new SnapProtocolException(describe(code, message, request,
                            "HTTP " + status + " without a success response code "
                                    + (rawCode == null ? "(none sent)" : "('" + Redaction.serverText(Redaction.withoutSecrets(rawCode,
                                    secrets)) + "')")
                                    + "; this is a server or proxy defect"),
                            new ErrorContext(code, status, message, request), null);
                }
                status = code.httpStatus(); // 2xx carrying an error code: the code's status says what it is
            }
            ErrorContext context = new ErrorContext(code, httpStatus, message, request);
            String hint = hint(status, code, message);
            String text = describe(code, message, request, hint);
            if (status == 400) {
                return new SnapBadRequestException(text, context);
            }
            if (status == 401) {
                return new SnapAuthenticationException(text, context);
            }
            if (status == 429) {
                return new SnapUnavailableException(SnapUnavailableException.Reason.TOO_MANY_REQUESTS, text, context,
                        retryAfter, null);
            }
            if (status == 504 || status == 408) {
                return new SnapUnavailableException(SnapUnavailableException.Reason.TIMEOUT, text, context,
                        retryAfter, null);
            }
            if (status >= 500 && status <= 599) {
                return new SnapUnavailableException(SnapUnavailableException.Reason.SERVER_ERROR, text, context,
                        retryAfter, null);
            }
            if (status == 409 && code != null && code.caseCode() == 1) {
                return new SnapDuplicateReferenceException(describe(code, message, request, duplicateHint()),
                        context, businessReference);
            }
            if (status >= 400 && status <= 499) {
                return new SnapRejectedException(text, context);
            }
            return new SnapProtocolException(text, context, null);
        }

        private String inProgressHint() {
            return "the request is being processed and its outcome is not final; do not send it again, poll "
                    + (statusCall == null ? "the status call" : statusCall)
                    + (businessReference == null ? "" : " for " + businessReference);
        }

        private String duplicateHint() {
            return (businessReference == null ? "this business reference" : "the business reference "
                    + businessReference) + " already exists; if an earlier attempt's outcome was unknown it got"
                    + " through: look it up with " + (statusCall == null ? "the status call" : statusCall)
                    + " instead of sending it again";
        }

        private String describe(ResponseCode code, String message, String request, String hint) {
            StringBuilder b = new StringBuilder();
            if (code != null) {
                b.append(code.value());
            } else {
                b.append("HTTP ").append(httpStatus);
            }
            if (message != null && !message.isEmpty()) {
                b.append(' ').append(message);
            } else if (code != null) {
                code.standardMessage().ifPresent(m -> b.append(' ').append(m));
            }
            if (code != null && code.httpStatus() != httpStatus) {
                b.append(" (HTTP ").append(httpStatus).append(')');
            }
            if (request != null) {
                b.append(" from ").append(request);
            }
            if (hint != null) {
                b.append(" - ").append(hint);
            }
            return b.toString();
        }

        /**
         * Whether the request was a transactional call (signed with the client secret) rather than the token request
         * (signed with the private key); unknown paths count as the token request.
         */
        private boolean isTransactional() {
            return path != null && !path.endsWith("/access-token/b2b") && !path.endsWith("/access-token/b2b2c");
        }

        private String hint(int status, ResponseCode code, String message) {
            String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
            String client = clientKey == null ? "this client" : "client " + clientKey;
            int caseCode = code == null ? -1 : code.caseCode();
            switch (status) {
                case 400:
                    if (caseCode == 1) {
                        return "a field has the wrong format; the message names it";
                    }
                    if (caseCode == 2) {
                        return "a mandatory header or field is missing; the message names it";
                    }
                    return "the server could not read the request; check the body is valid compact JSON";
                case 401:
                    if (caseCode == 1 || caseCode == 3) {
                        return "the access token is invalid or expired; invalidate it and fetch a new one";
                    }
                    if (caseCode == 2 || caseCode == 4) {
                        return "the customer token is invalid; the customer must bind their account again";
                    }
                    if (lower.contains("signature")) {
                        if (isTransactional()) {
                            return "the signature of a transactional call is an HMAC-SHA512 keyed by the client"
                                    + " secret: check the client secret of " + client + " for this environment, and"
                                    + " that the body, path and token signed are exactly those sent";
                        }
                        return "check that the private key matches the public key registered for " + client;
                    }
                    if (lower.contains("client") || lower.contains("partner")) {
                        return "check that " + client + " is registered for this environment"
                                + " (development, staging and production keys differ)";
                    }
                    if (lower.contains("timestamp")) {
                        return "check the host clock (NTP) and that X-TIMESTAMP carries the right offset";
                    }
                    return isTransactional() ? "check the client secret, the access token and the host clock"
                            : "check the client key, the private key and the host clock";
                case 403:
                    return "refused by a business rule; sending it again unchanged will not help";
                case 404:
                    return "not found; check the identifiers, the merchant and the environment";
                case 405:
                    return "the function or operation is not enabled for " + client + " on this endpoint";
                case 409:
                    return "a duplicate X-EXTERNAL-ID: use a new X-EXTERNAL-ID for every attempt";
                case 429:
                    return retryAfter == null ? "too many requests; back off before the next attempt"
                            : "too many requests; retry after " + retryAfter.toSeconds() + " s";
                case 504:
                case 408:
                    return "the server timed out; retry later with a fresh timestamp and signature";
                default:
                    if (status >= 500) {
                        return "the server failed; retry later with a fresh timestamp and signature";
                    }
                    if (status >= 400) {
                        return "refused; sending it again unchanged will not help";
                    }
                    return "unexpected HTTP status; check the base URL and any proxy in between";
            }
        }
    }

    /**
     * Server-provided text with every secret sent in that exchange masked: any run of 12 or more characters that also
     * occurs in one of the secrets (an access token, a signature) becomes {@code ****}, so a gateway that echoes the
     * request, whole or cut short, cannot put them into a message or a log line. Adapters apply it to every text a
     * server wrote before it reaches a message or a log.
     *
     * @param secrets the secret values sent; {@code null} or blank entries are ignored
     */
    public static String withoutSecrets(String serverText, java.util.Collection<String> secrets) {
        return dev.snapbi.domain.internal.Redaction.withoutSecrets(serverText, secrets);
    }

    /** The response code of an error as an {@link Optional} of its case under {@link StandardResponse}. */
    public static Optional<StandardResponse> standardCase(SnapException error) {
        return error.responseCode().flatMap(ResponseCode::standard);
    }
}
