package dev.snapbi.nicepay.notification;

import dev.snapbi.domain.model.NotificationVerification;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link NicepayNotifications} made of one notification: the verdict, the typed body (only when the signature
 * holds and the body parses), and the answer to give NICEPAY ({@link #httpStatus()}, {@link #acknowledgement()}).
 * Never holds the signature.
 *
 * @param <T> the typed notification
 */
public final class NotificationResult<T> {

    /** The verdict. */
    public enum Outcome {
        /** Genuine, fresh and readable: act on {@link #notification()}. */
        ACCEPTED,
        /** The signature, client or timestamp did not hold; the body was not even parsed. */
        REJECTED,
        /** Genuine, but the body is not the expected JSON (or too large). */
        UNREADABLE
    }

    private final Outcome outcome;
    private final NotificationVerification verification;
    private final T notification;
    private final String reason;
    private final int httpStatus;
    private final String acknowledgement;

    NotificationResult(Outcome outcome, NotificationVerification verification, T notification, String reason,
                       int httpStatus, String acknowledgement) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.notification = notification;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
        this.acknowledgement = Objects.requireNonNull(acknowledgement, "acknowledgement");
    }

    /** The verdict. */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether the notification is genuine, fresh and readable: act on it only then. */
    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** The signature check, as {@code NotificationVerifier} made it. */
    public NotificationVerification verification() {
        return verification;
    }

    /** The typed notification, present only when {@link #isAccepted()}. */
    public Optional<T> notification() {
        return Optional.ofNullable(notification);
    }

    /** Why, in words (never the signature; attacker-supplied text shortened and sanitised). */
    public String reason() {
        return reason;
    }

    /** The HTTP status to answer NICEPAY with: 200, 400 (unreadable) or 401 (rejected). */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The JSON body to answer NICEPAY with, e.g. {@code {"responseCode":"2002500","responseMessage":"Successful"}}
     * (service 25 for VA payments, 52 for QRIS, 56 for e-wallet).
     */
    public String acknowledgement() {
        return acknowledgement;
    }

    /** {@link #acknowledgement()} as UTF-8 bytes. */
    public byte[] acknowledgementBytes() {
        return acknowledgement.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "NotificationResult[" + outcome + ", " + reason + "]";
    }
}
