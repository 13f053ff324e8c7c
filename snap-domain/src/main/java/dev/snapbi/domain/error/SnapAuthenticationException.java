package dev.snapbi.domain.error;

/**
 * HTTP 401: the server did not accept who we are. For {@code 4017300} the message carries the reason the server
 * gave ({@code [Signature]}, {@code [Unknown client]}, {@code [Timestamp]}); {@link #isTokenInvalid()} is true for
 * {@code 4017301} (Invalid Token) and {@code 4017303} (Token Not Found), where a new access token fixes it.
 */
public final class SnapAuthenticationException extends SnapRejectedException {

    private static final long serialVersionUID = 1L;

    /** Creates the error; adapters normally obtain it from {@link SnapErrors}. */
    public SnapAuthenticationException(String message, ErrorContext context) {
        super(message, context);
    }

    /**
     * True when the access token used for the call is dead (case codes 01 and 03): invalidate that token, fetch a new
     * one and replay the call once.
     */
    public boolean isTokenInvalid() {
        return responseCode().map(code -> code.caseCode() == 1 || code.caseCode() == 3).orElse(false);
    }
}
