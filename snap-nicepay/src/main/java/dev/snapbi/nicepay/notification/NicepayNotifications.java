package dev.snapbi.nicepay.notification;

import dev.snapbi.crypto.RsaVerifier;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.NotificationVerification;
import dev.snapbi.domain.notification.NotificationVerifier;
import dev.snapbi.domain.port.SignatureVerifier;
import dev.snapbi.nicepay.internal.NicepayJson;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * NICEPAY's notifications, verified and parsed in one step, for any web framework: hand in the raw headers and the
 * raw body bytes, get a {@link NotificationResult} with the typed body and the answer to give. The signature (RSA
 * over {@code clientId|X-TIMESTAMP} with NICEPAY's key, SNAP-SPEC section 6) and the timestamp window are checked
 * first; the body is parsed only when they hold.
 * <pre>{@code
 * NicepayNotifications notifications = NicepayNotifications.builder()
 *         .publicKeyPem(nicepayPublicKeyPem)      // NICEPAY's key for this environment
 *         .clientId("IONPAYTEST")
 *         .build();
 * NotificationResult<VaPaymentNotification> result = notifications.vaPayment(headers, bodyBytes);
 * if (result.isAccepted()) {
 *     VaPaymentNotification paid = result.notification().orElseThrow();   // paid.trxId(), paid.paidAmount()
 * }
 * response.status(result.httpStatus()).body(result.acknowledgement());
 * }</pre>
 * Everything in a notification is attacker-controlled: nothing here throws for it. Thread-safe.
 */
public final class NicepayNotifications {

    /** The largest body parsed; a larger one is {@link NotificationResult.Outcome#UNREADABLE}. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String VA_PAYMENT = "25";
    private static final String QRIS = "52";
    private static final String EWALLET = "56";

    private final NotificationVerifier verifier;

    private NicepayNotifications(NotificationVerifier verifier) {
        this.verifier = verifier;
    }

    /** A builder; NICEPAY's public key and your client id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A VA payment notification ({@code /api/v1.0/transfer-va/payment}). */
    public NotificationResult<VaPaymentNotification> vaPayment(Map<String, ? extends Collection<String>> headers,
                                                               byte[] body) {
        return handle(lookup(headers), body, VaPaymentNotification.class, VA_PAYMENT);
    }

    /** A QRIS notification ({@code /api/v1.0/qr/qr-mpm-notify}). */
    public NotificationResult<QrisNotification> qris(Map<String, ? extends Collection<String>> headers, byte[] body) {
        return handle(lookup(headers), body, QrisNotification.class, QRIS);
    }

    /** An e-wallet notification ({@code /api/v1.0/debit/notify}). */
    public NotificationResult<EwalletNotification> ewallet(Map<String, ? extends Collection<String>> headers,
                                                           byte[] body) {
        return handle(lookup(headers), body, EwalletNotification.class, EWALLET);
    }

    /**
     * Any notification, with headers read through {@code headerLookup} (all values of a header, matched
     * case-insensitively, as servlet containers do) and the body parsed as {@code type}.
     *
     * @param serviceCode the two-digit service code of the acknowledgement (25 VA payment, 52 QRIS, 56 e-wallet)
     */
    public <T> NotificationResult<T> verifyAndParse(Function<String, ? extends Collection<String>> headerLookup,
                                                    byte[] body, Class<T> type, String serviceCode) {
        Objects.requireNonNull(type, "type");
        if (serviceCode == null || !serviceCode.matches("[0-9]{2}")) {
            throw new SnapConfigurationException("the acknowledgement's service code has two digits (25, 52, 56),"
                    + " got " + serviceCode);
        }
        return handle(headerLookup, body, type, serviceCode);
    }

    private static Function<String, Collection<String>> lookup(Map<String, ? extends Collection<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        return name -> {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key != null && key.equalsIgnoreCase(name) && list != null) {
                    values.addAll(list);
                }
            });
            return values;
        };
    }

    private <T> NotificationResult<T> handle(Function<String, ? extends Collection<String>> headers, byte[] body,
                                             Class<T> type, String service) {
        NotificationVerification verification = verifier.verify(headers);
        if (!verification.isValid()) {
            return new NotificationResult<>(NotificationResult.Outcome.REJECTED, verification, null,
                    verification.reason(), 401, ack("401" + service + "00", "Unauthorized. [Signature]"));
        }
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return unreadable(verification, service, body == null || body.length == 0 ? "the body is empty"
                    : "the body has " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are read");
        }
        T parsed;
        try {
            parsed = NicepayJson.mapper().readValue(body, type);
        } catch (java.io.IOException | RuntimeException e) {
            return unreadable(verification, service, "the body is not the expected " + type.getSimpleName() + " ("
                    + NicepayJson.describe(e) + ")");
        }
        if (parsed == null) {
            return unreadable(verification, service, "the body is JSON null");
        }
        return new NotificationResult<>(NotificationResult.Outcome.ACCEPTED, verification, parsed,
                verification.reason(), 200, ack("200" + service + "00", "Successful"));
    }

    private static <T> NotificationResult<T> unreadable(NotificationVerification verification, String service,
                                                        String reason) {
        return new NotificationResult<>(NotificationResult.Outcome.UNREADABLE, verification, null, reason, 400,
                ack("400" + service + "00", "Bad Request"));
    }

    private static String ack(String code, String message) {
        return "{\"responseCode\":\"" + code + "\",\"responseMessage\":\"" + message + "\"}";
    }

    @Override
    public String toString() {
        return "NicepayNotifications[" + verifier + "]";
    }

    /** Builds {@link NicepayNotifications}; checked in {@link #build()}. */
    public static final class Builder {
        private final NotificationVerifier.Builder verifier = NotificationVerifier.builder();
        private boolean keyGiven;
        private boolean clientGiven;

        private Builder() {
        }

        /** NICEPAY's public key for this environment, as PEM or bare Base64 (or a certificate). */
        public Builder publicKeyPem(String pem) {
            RsaVerifier rsa = RsaVerifier.fromPem(pem);
            return signatureVerifier(rsa::verify);
        }

        /** NICEPAY's public key. */
        public Builder publicKey(PublicKey key) {
            RsaVerifier rsa = RsaVerifier.create(key);
            return signatureVerifier(rsa::verify);
        }

        /** Any check of NICEPAY's signature. */
        public Builder signatureVerifier(SignatureVerifier value) {
            verifier.signatureVerifier(value);
            keyGiven = value != null;
            return this;
        }

        /** Your client id (NICEPAY: the merchant id); call again to accept several. */
        public Builder clientId(String value) {
            verifier.clientId(value);
            clientGiven = true;
            return this;
        }

        /** Your client id. */
        public Builder clientId(ClientKey value) {
            verifier.clientId(value);
            clientGiven = true;
            return this;
        }

        /** How far {@code X-TIMESTAMP} may be from the clock, either side (default 5 minutes). */
        public Builder window(Duration value) {
            verifier.window(value);
            return this;
        }

        /** The clock the timestamp is checked against; default the system clock. */
        public Builder clock(Clock value) {
            verifier.clock(value);
            return this;
        }

        /**
         * The notifications handler.
         *
         * @throws SnapConfigurationException when the key or the client id is missing
         */
        public NicepayNotifications build() {
            if (!keyGiven) {
                throw new SnapConfigurationException("NICEPAY's public key is missing: .publicKeyPem(pem) with the"
                        + " key NICEPAY gave for this environment");
            }
            if (!clientGiven) {
                throw new SnapConfigurationException("your client id (NICEPAY: the merchant id) is missing");
            }
            return new NicepayNotifications(verifier.build());
        }
    }
}
