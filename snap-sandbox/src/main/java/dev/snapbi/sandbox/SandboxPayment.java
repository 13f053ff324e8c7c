package dev.snapbi.sandbox;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A payment the sandbox just marked paid ({@link SnapSandbox#pay(String)} and its typed siblings), with the
 * notification it sent to the merchant.
 *
 * @param kind               what was paid
 * @param clientKey          the partner that created it
 * @param referenceNo        NICEPAY's reference: the {@code tXidVA} of a VA, the {@code referenceNo} of a QRIS or
 *                           e-wallet payment
 * @param partnerReferenceNo the merchant's reference: the {@code trxId} of a VA, else the {@code partnerReferenceNo}
 * @param amount             the amount paid, scale 2
 * @param currency           its currency ({@code IDR})
 * @param notificationUrl    where the signed notification was posted (the creating request's
 *                           {@code additionalInfo.dbProcessUrl}), or {@code null} when the request named none usable
 * @param notificationBody   the notification's JSON body (built even when it could not be sent)
 * @param notificationStatus the HTTP status the merchant answered, or 0 when not sent or not answered in time
 * @param notificationError  why the merchant's answer is missing, or {@code null}
 */
public record SandboxPayment(Kind kind, String clientKey, String referenceNo, String partnerReferenceNo,
                             BigDecimal amount, String currency, URI notificationUrl, String notificationBody,
                             int notificationStatus, String notificationError) {

    /** What kind of payment. */
    public enum Kind {
        /** A virtual account created with {@code transfer-va/create-va}. */
        VIRTUAL_ACCOUNT,
        /** A QRIS MPM payment created with {@code qr/qr-mpm-generate}. */
        QRIS,
        /** An e-wallet payment created with {@code debit/payment-host-to-host}. */
        EWALLET
    }

    /** Checks the mandatory components. */
    public SandboxPayment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(referenceNo, "referenceNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(notificationBody, "notificationBody");
    }

    /** The merchant's HTTP status, when it answered. */
    public OptionalInt merchantStatus() {
        return notificationStatus == 0 ? OptionalInt.empty() : OptionalInt.of(notificationStatus);
    }

    /** Where the notification went, when it was sent. */
    public Optional<URI> notifiedUrl() {
        return Optional.ofNullable(notificationUrl);
    }
}
