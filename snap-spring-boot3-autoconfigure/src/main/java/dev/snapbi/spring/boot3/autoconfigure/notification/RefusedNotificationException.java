package dev.snapbi.spring.boot3.autoconfigure.notification;

/**
 * A notification was refused before the handler ran; the starter answers it with NICEPAY's error body. The message
 * holds the reason, never the signature. Not for users (hence not a {@code SnapException}): it only carries the answer
 * from {@link SnapNotificationArgumentResolver} to {@link RefusedNotificationExceptionResolver}, and a handler never
 * sees it because it is thrown before the handler runs.
 */
final class RefusedNotificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String answer;

    /**
     * @param httpStatus the HTTP status of the answer
     * @param answer     the JSON body of the answer, e.g. {@code {"responseCode":"4012500",...}}
     * @param reason     why, for the log
     */
    RefusedNotificationException(int httpStatus, String answer, String reason) {
        super("HTTP " + httpStatus + ": " + reason, null, false, false);
        this.httpStatus = httpStatus;
        this.answer = answer;
    }

    /** The HTTP status of the answer. */
    int httpStatus() {
        return httpStatus;
    }

    /** The JSON body of the answer, in NICEPAY's shape. */
    String answer() {
        return answer;
    }
}
