package dev.snapbi.spring.boot3.autoconfigure.notification;

/**
 * A notification was refused before the handler ran; the starter answers it with NICEPAY's error body. The message
 * holds the reason, never the signature.
 */
public final class RefusedNotificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String responseCode;
    private final String responseMessage;

    /**
     * @param httpStatus      the HTTP status of the answer
     * @param responseCode    the SNAP response code, e.g. {@code 4012500}
     * @param responseMessage the SNAP response message, e.g. {@code Unauthorized. [Signature]}
     * @param reason          why, for the log
     */
    public RefusedNotificationException(int httpStatus, String responseCode, String responseMessage, String reason) {
        super(responseCode + " " + responseMessage + ": " + reason, null, false, false);
        this.httpStatus = httpStatus;
        this.responseCode = responseCode;
        this.responseMessage = responseMessage;
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The SNAP response code. */
    public String responseCode() {
        return responseCode;
    }

    /** The SNAP response message. */
    public String responseMessage() {
        return responseMessage;
    }
}
