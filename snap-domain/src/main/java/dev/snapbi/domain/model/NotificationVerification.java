package dev.snapbi.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link dev.snapbi.domain.notification.NotificationVerifier} found: an {@link Outcome}, the client id and
 * timestamp when they could be read, and a reason a person can act on. An immutable value; never holds the
 * signature. Each part has one accessor.
 */
public final class NotificationVerification {

    /** The verdicts, one per way a notification can fail, and {@link #VALID}. */
    public enum Outcome {
        /** The signature verifies with the provider's key, for a known client, inside the timestamp window. */
        VALID,
        /** {@code X-TIMESTAMP} or {@code X-SIGNATURE} (or {@code X-CLIENT-KEY} when no single client id is set up)
         * is absent or blank. */
        MISSING_HEADER,
        /** A header that must appear once appears several times. */
        DUPLICATE_HEADER,
        /** {@code X-CLIENT-KEY} names a client this verifier was not set up for. */
        UNKNOWN_CLIENT,
        /** {@code X-TIMESTAMP} is not {@code yyyy-MM-dd'T'HH:mm:ssXXX}. */
        MALFORMED_TIMESTAMP,
        /** {@code X-TIMESTAMP} is outside the window around the verifier's clock (replayed or badly skewed). */
        STALE_TIMESTAMP,
        /** {@code X-SIGNATURE} is not standard padded Base64. */
        BAD_SIGNATURE_ENCODING,
        /** The signature does not verify with the provider's public key. */
        INVALID_SIGNATURE,
        /**
         * Genuine and fresh, but this exact notification (client id, timestamp, signature) was accepted before, within
         * the window: a replay, or the provider resending. Do not act on it again; answer as you answered the first.
         * Only with replay protection on ({@code NotificationVerifier.Builder#replayProtection}).
         */
        REPLAYED,
        /**
         * Genuine and fresh, but the replay store could not be asked (e.g. a shared store is down): not known to be
         * new. Answer the provider with a 5xx so that it resends later.
         */
        REPLAY_UNCHECKED
    }

    private final Outcome outcome;
    private final ClientKey clientId;
    private final SnapTimestamp timestamp;
    private final String reason;

    private NotificationVerification(Outcome outcome, ClientKey clientId, SnapTimestamp timestamp, String reason) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.clientId = clientId;
        this.timestamp = timestamp;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * A verdict.
     *
     * @param outcome   the verdict; only {@link Outcome#VALID} means the notification comes from the provider
     * @param clientId  the client id the signature was checked for, or {@code null} when it could not be determined
     * @param timestamp the parsed {@code X-TIMESTAMP}, or {@code null} when missing or malformed
     * @param reason    why, in words (header names and sanitised, shortened values; never the signature)
     */
    public static NotificationVerification of(Outcome outcome, ClientKey clientId, SnapTimestamp timestamp,
                                              String reason) {
        return new NotificationVerification(outcome, clientId, timestamp, reason);
    }

    /** The verdict; only {@link Outcome#VALID} means the notification comes from the provider. */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether the notification is genuine and fresh: act on it only then. */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    /** The client id the signature was checked for, when it could be determined. */
    public Optional<ClientKey> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** The parsed {@code X-TIMESTAMP}, when it could be read. */
    public Optional<SnapTimestamp> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** Why, in words: header names and sanitised, shortened values; never the signature. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotificationVerification other && other.outcome == outcome
                && Objects.equals(other.clientId, clientId) && Objects.equals(other.timestamp, timestamp)
                && other.reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, clientId, timestamp, reason);
    }

    @Override
    public String toString() {
        return "NotificationVerification[" + outcome + ", client " + clientId + ", " + timestamp + ", " + reason + "]";
    }
}
