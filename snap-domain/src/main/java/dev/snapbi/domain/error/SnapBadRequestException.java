package dev.snapbi.domain.error;

/**
 * HTTP 400: the server could not accept the request as sent: an unparseable body ({@code 4007300}), a field in the
 * wrong format ({@code 4007301}) or a missing mandatory field ({@code 4007302}). The server's message names the
 * field; this is a defect in the request, not a passing fault.
 */
public final class SnapBadRequestException extends SnapRejectedException {

    private static final long serialVersionUID = 1L;

    /** Creates the error; adapters normally obtain it from {@link SnapErrors}. */
    public SnapBadRequestException(String message, ErrorContext context) {
        super(message, context);
    }
}
