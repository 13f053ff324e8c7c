package dev.snapbi.domain.error;

/**
 * The answer broke the protocol: not JSON, missing or malformed fields, an oversized body or token, a response code
 * that is not seven digits. Usually a proxy in the way or a server defect; retrying rarely helps.
 */
public final class SnapProtocolException extends SnapException {

    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public SnapProtocolException(String message) {
        super(message, ErrorContext.NONE, null);
    }

    /** Creates the error with its context and cause. */
    public SnapProtocolException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
