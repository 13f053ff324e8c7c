package dev.snapbi.sandbox.internal;

/**
 * The standard SNAP answers (SNAP-SPEC section 2), built for a service code: {@code responseCode} = HTTP status +
 * service code + case code.
 */
public final class SnapReplies {

    private SnapReplies() {
    }

    /** {@code 200 xx00 Successful}, without further members. */
    public static Reply successful(String service) {
        return Reply.snap(200, "200" + service + "00", "Successful");
    }

    /** {@code 400 xx00 Bad Request}: an unparseable body. */
    public static Reply badRequest(String service) {
        return Reply.snap(400, "400" + service + "00", "Bad Request");
    }

    /** {@code 400 xx01 Invalid Field Format [field]}. */
    public static Reply invalidFieldFormat(String service, String field) {
        return Reply.snap(400, "400" + service + "01", "Invalid Field Format [" + field + "]");
    }

    /** {@code 400 xx02 Invalid Mandatory Field [field]}. */
    public static Reply invalidMandatoryField(String service, String field) {
        return Reply.snap(400, "400" + service + "02", "Invalid Mandatory Field [" + field + "]");
    }

    /** {@code 401 xx00 Unauthorized. [reason]}. */
    public static Reply unauthorized(String service, String reason) {
        return Reply.snap(401, "401" + service + "00", "Unauthorized. [" + reason + "]");
    }

    /** {@code 405 xx00 Requested Function Is Not Supported}. */
    public static Reply notSupported(String service) {
        return Reply.snap(405, "405" + service + "00", "Requested Function Is Not Supported");
    }

    /** {@code 413 xx00}: a body over 64 KiB; the connection is closed after the answer. */
    public static Reply bodyTooLarge(String service) {
        return Reply.snap(413, "413" + service + "00", "Request Entity Too Large").withHeader("Connection", "close");
    }

    /** {@code 431 xx00}: headers over 16 KiB; the connection is closed after the answer. */
    public static Reply headersTooLarge(String service) {
        return Reply.snap(431, "431" + service + "00", "Request Header Fields Too Large")
                .withHeader("Connection", "close");
    }

    /** {@code 500 xx00 General Error}, with nothing about the cause. */
    public static Reply generalError(String service) {
        return Reply.snap(500, "500" + service + "00", "General Error");
    }

    /** {@code 404}: nothing is served on this path. */
    public static Reply notFound() {
        return Reply.snap(404, "4040000", "Not Found");
    }
}
