package dev.snapbi.domain.notification;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.internal.Checks;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.NotificationVerification;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.model.NotificationVerification.Outcome;
import dev.snapbi.domain.port.NotificationReplayStore;
import dev.snapbi.domain.port.SignatureVerifier;
import dev.snapbi.domain.port.VerifyNotificationUseCase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies the provider's signature on its notifications (SNAP-SPEC section 6), for any web framework: hand it the
 * request's headers, get a {@link NotificationVerification}. NICEPAY signs {@code clientId + "|" + X-TIMESTAMP} (not
 * the body) with its RSA key; the client id is the {@code X-CLIENT-KEY} header, or the configured one when the header
 * is absent. The timestamp must lie within the window (default &plusmn;5 minutes) of the verifier's clock, which
 * bounds how long a captured notification can be replayed.
 * <p>
 * <b>The signature does not cover the body.</b> A valid result says that the provider sent a notification for this
 * client at this time, not that the body you received is the one it sent: never trust amounts or statuses from the
 * body alone; confirm them with the status call of the service (or match them against your own order) before you
 * ship goods. And within the window the same headers verify again: turn on
 * {@link Builder#replayProtection(NotificationReplayStore)} (an {@link InMemoryNotificationReplayStore} for one
 * instance, a shared store for several) to answer {@link Outcome#REPLAYED} for a notification accepted before.
 * <p>
 * Everything in the headers is attacker-controlled: this class never throws for it and never logs; the result's
 * reason never contains the signature.
 *
 * <pre>{@code
 * NotificationVerifier notifications = NotificationVerifier.builder()
 *         .signatureVerifier(RsaVerifier.fromPem(nicepayPublicKeyPem))
 *         .clientId("IONPAYTEST")
 *         .build();
 * // e.g. in a servlet: header names are looked up case-insensitively by the container
 * NotificationVerification check = notifications.verify(name -> Collections.list(request.getHeaders(name)));
 * if (!check.isValid()) {
 *     response.setStatus(401);
 *     return;
 * }
 * }</pre>
 * Thread-safe.
 */
public final class NotificationVerifier implements VerifyNotificationUseCase {

    /** The default window around the verifier's clock that {@code X-TIMESTAMP} must fall into, either side. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private static final int MAX_SHOWN = 40;

    private final SignatureVerifier signatureVerifier;
    private final Map<String, ClientKey> clients;
    private final Duration window;
    private final Clock clock;
    private final NotificationReplayStore replayStore;

    private NotificationVerifier(Builder b) {
        this.signatureVerifier = b.signatureVerifier;
        this.clients = Map.copyOf(b.clients);
        this.window = b.window;
        this.clock = b.clock;
        this.replayStore = b.replayStore;
    }

    /** A builder; a signature verifier and at least one client id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a notification, reading headers through {@code headerLookup}: all values of the named header, or
     * {@code null} or an empty collection when absent. The lookup must match names case-insensitively, as servlet
     * containers and most frameworks do. Never throws for what the headers hold: every malformed, hostile or
     * oversized value gets its {@link Outcome}.
     */
    @Override
    public NotificationVerification verify(Function<String, ? extends Collection<String>> headerLookup) {
        Objects.requireNonNull(headerLookup, "headerLookup");
        Lookup timestampHeader = Lookup.of(headerLookup, SnapHeaders.X_TIMESTAMP);
        Lookup signatureHeader = Lookup.of(headerLookup, SnapHeaders.X_SIGNATURE);
        Lookup clientHeader = Lookup.of(headerLookup, SnapHeaders.X_CLIENT_KEY);
        for (Lookup header : List.of(timestampHeader, signatureHeader, clientHeader)) {
            if (header.count > 1) {
                return failure(Outcome.DUPLICATE_HEADER, null, null, header.name + " appears " + header.count
                        + " times; it must appear once");
            }
        }
        if (timestampHeader.value == null) {
            return failure(Outcome.MISSING_HEADER, null, null, "the " + SnapHeaders.X_TIMESTAMP + " header is missing");
        }
        if (signatureHeader.value == null) {
            return failure(Outcome.MISSING_HEADER, null, null, "the " + SnapHeaders.X_SIGNATURE + " header is missing");
        }
        ClientKey client;
        if (clientHeader.value != null) {
            client = clients.get(clientHeader.value);
            if (client == null) {
                return failure(Outcome.UNKNOWN_CLIENT, null, null, SnapHeaders.X_CLIENT_KEY + " '"
                        + Checks.shown(clientHeader.value, MAX_SHOWN) + "' is not a client id this verifier accepts");
            }
        } else if (clients.size() == 1) {
            client = clients.values().iterator().next();
        } else {
            return failure(Outcome.MISSING_HEADER, null, null, "the " + SnapHeaders.X_CLIENT_KEY + " header is missing"
                    + " and several client ids are accepted, so the signed client id is unknown");
        }
        SnapTimestamp timestamp = SnapTimestamp.tryParse(timestampHeader.value).orElse(null);
        if (timestamp == null) {
            return failure(Outcome.MALFORMED_TIMESTAMP, client, null, SnapHeaders.X_TIMESTAMP + " '"
                    + Checks.shown(timestampHeader.value, MAX_SHOWN) + "' is not yyyy-MM-dd'T'HH:mm:ssXXX");
        }
        Instant now = clock.instant();
        if (!timestamp.isWithin(window, now)) {
            return failure(Outcome.STALE_TIMESTAMP, client, timestamp, SnapHeaders.X_TIMESTAMP + " " + timestamp
                    + " is more than " + window.toSeconds() + " s away from this host's clock (" + now
                    + "); a replay, or a clock to fix (NTP)");
        }
        Base64Signature signature = Base64Signature.tryParse(signatureHeader.value).orElse(null);
        if (signature == null) {
            return failure(Outcome.BAD_SIGNATURE_ENCODING, client, timestamp, SnapHeaders.X_SIGNATURE
                    + " is not standard padded Base64 of at most " + Base64Signature.MAX_LENGTH + " characters ("
                    + signatureHeader.value.length() + " characters)");
        }
        boolean genuine;
        try {
            genuine = signatureVerifier.verify(StringToSign.notification(client, timestamp), signature);
        } catch (RuntimeException e) {
            genuine = false; // a verifier that chokes on the input has not verified it
        }
        if (!genuine) {
            return failure(Outcome.INVALID_SIGNATURE, client, timestamp, SnapHeaders.X_SIGNATURE + " does not verify"
                    + " over '" + client + "|" + timestamp + "' with the provider's public key; check that the key"
                    + " is the provider's for this environment");
        }
        if (replayStore != null) {
            boolean first;
            try {
                first = replayStore.firstSighting(replayKey(client, timestamp, signatureHeader.value), now,
                        timestamp.instant().plus(window));
            } catch (RuntimeException e) {
                return failure(Outcome.REPLAY_UNCHECKED, client, timestamp, "the signature verifies, but the replay"
                        + " store failed (" + e.getClass().getSimpleName() + "); answer 5xx so the provider resends");
            }
            if (!first) {
                return failure(Outcome.REPLAYED, client, timestamp, "this notification for client " + client + " at "
                        + timestamp + " was accepted before; do not act on it again");
            }
        }
        return NotificationVerification.of(Outcome.VALID, client, timestamp, "the signature verifies for client "
                + client + " at " + timestamp);
    }

    /** SHA-256 (hex) of what identifies one notification: the store never holds a signature. */
    private static String replayKey(ClientKey client, SnapTimestamp timestamp, String signature) {
        return StringToSign.sha256Hex((client.value() + "|" + timestamp.value() + "|" + signature)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static NotificationVerification failure(Outcome outcome, ClientKey client, SnapTimestamp timestamp,
                                                    String reason) {
        return NotificationVerification.of(outcome, client, timestamp, reason);
    }

    /** The accepted client ids. */
    public Collection<ClientKey> clientIds() {
        return clients.values();
    }

    /** Whether notifications accepted before are recognised ({@link Builder#replayProtection}). */
    public boolean hasReplayProtection() {
        return replayStore != null;
    }

    /** The timestamp window, either side of the clock. */
    public Duration window() {
        return window;
    }

    @Override
    public String toString() {
        return "NotificationVerifier[clients " + clients.keySet() + ", window " + window
                + (replayStore == null ? "" : ", replay protection") + "]";
    }

    /** One header's single value (or {@code null} when absent or blank) and how many values it had. */
    private static final class Lookup {
        final String name;
        final String value;
        final int count;

        private Lookup(String name, String value, int count) {
            this.name = name;
            this.value = value;
            this.count = count;
        }

        static Lookup of(Function<String, ? extends Collection<String>> lookup, String name) {
            Collection<String> values = lookup.apply(name);
            if (values == null) {
                return new Lookup(name, null, 0);
            }
            List<String> present = new ArrayList<>();
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    present.add(v);
                }
            }
            return new Lookup(name, present.isEmpty() ? null : present.get(0), present.size());
        }
    }

    /** Builds a {@link NotificationVerifier}; validation happens in {@link #build()}. */
    public static final class Builder {
        private SignatureVerifier signatureVerifier;
        private final Map<String, ClientKey> clients = new LinkedHashMap<>();
        private Duration window = DEFAULT_WINDOW;
        private Clock clock = Clock.systemUTC();
        private NotificationReplayStore replayStore;

        private Builder() {
        }

        /**
         * Recognises notifications accepted before within the window and answers {@link Outcome#REPLAYED} for them:
         * {@code InMemoryNotificationReplayStore.create()} for one application instance, a shared store for several.
         * Off by default.
         *
         * @throws SnapConfigurationException when {@code store} is null
         */
        public Builder replayProtection(NotificationReplayStore store) {
            if (store == null) {
                throw new SnapConfigurationException("the replay store (replayProtection) is missing; use"
                        + " InMemoryNotificationReplayStore.create(), or leave replay protection off");
            }
            this.replayStore = store;
            return this;
        }

        /** Checks the provider's signatures, e.g. {@code RsaVerifier.fromPem(nicepayPublicKeyPem)}. */
        public Builder signatureVerifier(SignatureVerifier value) {
            this.signatureVerifier = value;
            return this;
        }

        /**
         * A client id whose notifications are accepted (NICEPAY: your merchant id); call again to accept several.
         * With exactly one, a notification without {@code X-CLIENT-KEY} is checked for it.
         *
         * @throws SnapConfigurationException when {@code value} is null
         */
        public Builder clientId(ClientKey value) {
            if (value == null) {
                throw new SnapConfigurationException("the client id (clientId) is missing; NICEPAY's is the merchant"
                        + " id, e.g. IONPAYTEST");
            }
            clients.put(value.value(), value);
            return this;
        }

        /** A client id as text. */
        public Builder clientId(String value) {
            return clientId(ClientKey.of(value));
        }

        /** How far {@code X-TIMESTAMP} may be from the clock, either side (default 5 minutes). */
        public Builder window(Duration value) {
            this.window = value;
            return this;
        }

        /** The clock the timestamp is checked against; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * The verifier.
         *
         * @throws SnapConfigurationException when the signature verifier or every client id is missing, or the
         *                                    window is negative
         */
        public NotificationVerifier build() {
            if (signatureVerifier == null) {
                throw new SnapConfigurationException("the notification verifier needs the provider's public key as a"
                        + " SignatureVerifier, e.g. RsaVerifier.fromPem(nicepayPublicKeyPem)");
            }
            if (clients.isEmpty()) {
                throw new SnapConfigurationException("the notification verifier needs your client id (NICEPAY: the"
                        + " merchant id, e.g. IONPAYTEST): only notifications for it are accepted");
            }
            String windowProblem = Checks.durationProblem(window, "the timestamp window", true);
            if (windowProblem != null) {
                throw new SnapConfigurationException(windowProblem);
            }
            if (clock == null) {
                throw new SnapConfigurationException("the clock is missing; use Clock.systemUTC()");
            }
            return new NotificationVerifier(this);
        }
    }
}
