package dev.snapbi.spring.boot3.autoconfigure.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A notification whose signature held: which client it is for, its SNAP service code and its body, exactly as
 * received.
 *
 * @param clientName  the configured client's name ({@code default} in the single-merchant form)
 * @param clientKey   the client key the notification was signed for
 * @param timestamp   its {@code X-TIMESTAMP}
 * @param serviceCode the SNAP service code ({@code 25} VA payment, {@code 52} QRIS, {@code 56} e-wallet)
 * @param body        the body bytes (a copy is returned)
 */
public record VerifiedNotification(String clientName, String clientKey, String timestamp, String serviceCode,
                                   byte[] body) {

    /** Checks and copies. */
    public VerifiedNotification {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(serviceCode, "serviceCode");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer NICEPAY expects when the notification was taken: {@code 200<service>00 Successful}. */
    public Map<String, String> acknowledgement() {
        return Map.of("responseCode", "200" + serviceCode + "00", "responseMessage", "Successful");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedNotification other && clientName.equals(other.clientName)
                && clientKey.equals(other.clientKey) && Objects.equals(timestamp, other.timestamp)
                && serviceCode.equals(other.serviceCode) && java.util.Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientName, clientKey, timestamp, serviceCode, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "VerifiedNotification[" + clientName + ", " + clientKey + ", " + timestamp + ", service "
                + serviceCode + ", " + body.length + " bytes]";
    }
}
