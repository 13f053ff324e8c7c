package dev.snapbi.domain.error;

/**
 * A local setting is wrong: an unreadable or malformed key, a wrong key password, a blank client key, an invalid
 * option. Raised before anything is sent; the message says what was found and what is expected.
 */
public final class SnapConfigurationException extends SnapException {

    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public SnapConfigurationException(String message) {
        super(message, ErrorContext.NONE, null);
    }

    /** Creates the error with the cause; the cause must not carry secrets in its message either. */
    public SnapConfigurationException(String message, Throwable cause) {
        super(message, ErrorContext.NONE, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
