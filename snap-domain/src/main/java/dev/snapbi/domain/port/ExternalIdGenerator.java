package dev.snapbi.domain.port;

/**
 * Outbound port: the {@code X-EXTERNAL-ID} of a transactional call. SNAP requires it to be unique per partner per day
 * (the provider answers {@code 409 Conflict} to a repeat), and a retry is a new request with a new one. The default
 * is {@code dev.snapbi.domain.transaction.TimeOrderedExternalIdGenerator}; plug in your own to draw ids from a
 * database sequence or to share uniqueness between many instances of one merchant.
 * <p>
 * Implementations are thread-safe and return 1 to 36 visible ASCII characters (NICEPAY documents a numeric string);
 * a value outside that is refused before anything is sent.
 */
@FunctionalInterface
public interface ExternalIdGenerator {

    /** A new id, never returned before by this generator. */
    String nextId();
}
