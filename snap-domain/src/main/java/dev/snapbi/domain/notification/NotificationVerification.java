package dev.snapbi.domain.notification;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link NotificationVerifier} found: an {@link Outcome}, the client id and timestamp when they could be read,
 * and a reason a person can act on. Never holds the signature.
 *
 * @param outcome   the verdict; only {@link Outcome#VALID} means the notification comes from the provider
 * @param clientId  the client id the signature was checked for, or {@code null} when it could not be determined
 * @param timestamp the parsed {@code X-TIMESTAMP}, or {@code null} when missing or malformed
 * @param reason    why, in words (header names and sanitised, shortened values; never the signature)
 */
public record NotificationVerification(Outcome outcome, ClientKey clientId, SnapTimestamp timestamp, String reason) {

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

    /** Validates the components. */
    public NotificationVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the notification is genuine and fresh: act on it only then. */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    /** The client id the signature was checked for, when it could be determined. */
    public Optional<ClientKey> client() {
        return Optional.ofNullable(clientId);
    }

    /** The parsed {@code X-TIMESTAMP}, when it could be read. */
    public Optional<SnapTimestamp> snapTimestamp() {
        return Optional.ofNullable(timestamp);
    }
}
