package dev.snapbi.domain.error;

/**
 * HTTP 202 ({@code 202xx00} "Request In Progress"): the provider accepted the request and is still processing it. The
 * outcome is not final yet: it is an {@link SnapOutcomeUnknownException}, to be reconciled with the status call it
 * names (poll it later), never by sending the request again.
 */
public final class SnapInProgressException extends SnapOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** Creates the error; adapters normally obtain it from {@link SnapErrors}. */
    public SnapInProgressException(String message, ErrorContext context, String businessReference, String statusCall) {
        super(message, context, businessReference, statusCall, null);
    }
}
