package dev.snapbi.nicepay.call;

import dev.snapbi.domain.error.SnapConfigurationException;

import java.util.Locale;
import java.util.Objects;

/**
 * One signed SNAP call to make: method, request path, the exact body bytes, and whether it moves money. Whether it
 * moves money decides what happens when no final answer comes back (SNAP-SPEC section 9):
 * <ul>
 *   <li>{@link Kind#MONEY_MOVING} (create, pay, refund, cancel, payout): never resent once the request may have
 *   reached the provider; a timeout, a dropped connection after sending, a 5xx or a 202 becomes a
 *   {@link dev.snapbi.domain.error.SnapOutcomeUnknownException} carrying {@link #businessReference()} and
 *   {@link #statusCall()}. Resent only when it surely was not sent (connection refused, TLS handshake, open circuit)
 *   and once after a dead token.</li>
 *   <li>{@link Kind#INQUIRY} (status, balance): also retried, bounded and with a fresh signature each time, on a
 *   timeout, a dropped connection, a 5xx or a 429.</li>
 * </ul>
 * So from a money-moving call a {@link dev.snapbi.domain.error.SnapUnavailableException} always means it was not
 * processed: no token could be had, the server answered 429, or the request surely never left.
 * Immutable; the body is copied in and out.
 *
 * <pre>{@code
 * SnapCall call = SnapCall.moneyMoving("POST", "/nicepay/api/v1.0/transfer-va/create-va", body,
 *         "INV-2024-0001", "virtualAccounts().status");
 * SnapCallResponse answer = client.call(call);
 * }</pre>
 */
public final class SnapCall {

    /** Whether a call moves money, which decides whether it may be resent. */
    public enum Kind {
        /** Creates, pays, refunds, cancels or pays out: never resent once it may have arrived. */
        MONEY_MOVING,
        /** Only reads (status, inquiry, balance): safe to resend. */
        INQUIRY
    }

    private static final int MAX_PATH = 2048;

    private final String method;
    private final String path;
    private final byte[] body;
    private final Kind kind;
    private final String businessReference;
    private final String statusCall;

    private SnapCall(String method, String path, byte[] body, Kind kind, String businessReference,
                     String statusCall) {
        this.method = validateMethod(method);
        this.path = validatePath(path);
        this.body = body == null ? new byte[0] : body.clone();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.businessReference = businessReference;
        this.statusCall = statusCall;
    }

    /**
     * A money-moving call.
     *
     * @param method            the HTTP method, e.g. {@code POST} or {@code DELETE}
     * @param path              the request path under the environment root, with its query if any, e.g.
     *                          {@code /nicepay/api/v1.0/transfer-va/create-va}
     * @param body              the exact bytes to sign and send (compact JSON); {@code null} for none
     * @param businessReference the call's business reference ({@code trxId}, {@code partnerReferenceNo},
     *                          {@code partnerRefundNo}), or {@code null}
     * @param statusCall        the name of the call that reconciles it, or {@code null}
     * @throws SnapConfigurationException when the method or path is not usable
     */
    public static SnapCall moneyMoving(String method, String path, byte[] body, String businessReference,
                                       String statusCall) {
        return new SnapCall(method, path, body, Kind.MONEY_MOVING, businessReference, statusCall);
    }

    /**
     * A call that only reads (status, inquiry, balance) and may be resent.
     *
     * @throws SnapConfigurationException when the method or path is not usable
     */
    public static SnapCall inquiry(String method, String path, byte[] body) {
        return new SnapCall(method, path, body, Kind.INQUIRY, null, null);
    }

    /**
     * A call of unknown effect, treated as money-moving (the safe default) without a business reference.
     *
     * @throws SnapConfigurationException when the method or path is not usable
     */
    public static SnapCall of(String method, String path, byte[] body) {
        return new SnapCall(method, path, body, Kind.MONEY_MOVING, null, null);
    }

    private static String validateMethod(String method) {
        if (method == null || method.isEmpty() || method.length() > 16) {
            throw new SnapConfigurationException("the HTTP method is missing, e.g. POST");
        }
        String upper = method.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c < 'A' || c > 'Z') {
                throw new SnapConfigurationException("the HTTP method must be letters only, e.g. POST, got '"
                        + method.replaceAll("[^\\x20-\\x7e]", "?") + "'");
            }
        }
        return upper;
    }

    private static String validatePath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.length() > MAX_PATH) {
            throw new SnapConfigurationException("the request path must start with a single '/' (e.g."
                    + " /nicepay/api/v1.0/transfer-va/create-va), got " + (path == null ? "nothing"
                    : "'" + shorten(path) + "'"));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c > '~' || c == '#') {
                throw new SnapConfigurationException("the request path may hold only visible ASCII characters"
                        + " without '#' (percent-encode the rest); position " + i + " does not");
            }
        }
        return path;
    }

    private static String shorten(String text) {
        String s = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The request path under the environment root, with its query if any. */
    public String path() {
        return path;
    }

    /** A copy of the exact body bytes (empty for none). */
    public byte[] body() {
        return body.clone();
    }

    /** Whether the call moves money. */
    public Kind kind() {
        return kind;
    }

    /** Whether the call moves money (and so is never resent once it may have arrived). */
    public boolean isMoneyMoving() {
        return kind == Kind.MONEY_MOVING;
    }

    /** The business reference, when given. */
    public java.util.Optional<String> businessReference() {
        return java.util.Optional.ofNullable(businessReference);
    }

    /** The name of the call that reconciles an unknown outcome, when given. */
    public java.util.Optional<String> statusCall() {
        return java.util.Optional.ofNullable(statusCall);
    }

    @Override
    public String toString() {
        return "SnapCall[" + method + " " + path + ", " + body.length + " body bytes, " + kind
                + (businessReference == null ? "" : ", reference " + businessReference) + "]";
    }
}
