package dev.snapbi.sandbox.internal;

/** A request the sandbox refuses: carries the SNAP answer to send. Stackless: it is control flow, not a bug. */
public final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    /** A rejection answered with {@code reply}. */
    public Rejection(Reply reply) {
        super(reply.responseCode(), null, false, false);
        this.reply = reply;
    }

    /** {@code status} with {@code responseCode} and {@code message}. */
    public static Rejection of(int status, String responseCode, String message) {
        return new Rejection(Reply.snap(status, responseCode, message));
    }

    /** The answer. */
    public Reply reply() {
        return reply;
    }
}
