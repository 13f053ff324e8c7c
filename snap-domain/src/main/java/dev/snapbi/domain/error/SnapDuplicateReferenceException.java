package dev.snapbi.domain.error;

import java.util.Optional;

/**
 * HTTP 409 with case {@code 01} ({@code 409xx01}, "Duplicate partnerReferenceNo"): the provider already holds a
 * transaction with this business reference ({@code partnerReferenceNo}, {@code trxId}, {@code partnerRefundNo}).
 * Nothing new was made. If you did not expect it (for example after a {@link SnapOutcomeUnknownException}), the earlier
 * attempt got through: look it up with the status call instead of sending it again with a new reference.
 * <p>
 * Not to be confused with {@code 409xx00} (the same {@code X-EXTERNAL-ID} used twice in one day), which is a plain
 * {@link SnapRejectedException}.
 */
public final class SnapDuplicateReferenceException extends SnapRejectedException {

    private static final long serialVersionUID = 1L;

    private final String businessReference;

    /**
     * Creates the error; adapters normally obtain it from {@link SnapErrors}.
     *
     * @param businessReference the reference the request carried, or {@code null} when the caller did not say
     */
    public SnapDuplicateReferenceException(String message, ErrorContext context, String businessReference) {
        super(message, context);
        this.businessReference = businessReference;
    }

    /** The business reference that already exists, when the caller named it. It is the user's own id, not a secret. */
    public Optional<String> businessReference() {
        return Optional.ofNullable(businessReference);
    }
}
