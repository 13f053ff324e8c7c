package dev.snapbi.domain.error;

/**
 * The server refused the request (HTTP 4xx other than 429: business rules, not found, conflicts, unsupported
 * functions). Sending the same request again will fail the same way; fix the request or the account first.
 * Subtypes {@link SnapAuthenticationException} (401), {@link SnapBadRequestException} (400) and
 * {@link SnapDuplicateReferenceException} (409xx01).
 */
public sealed class SnapRejectedException extends SnapException
        permits SnapAuthenticationException, SnapBadRequestException, SnapDuplicateReferenceException {

    private static final long serialVersionUID = 1L;

    /** Creates the error; adapters normally obtain it from {@link SnapErrors}. */
    public SnapRejectedException(String message, ErrorContext context) {
        super(message, context, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
