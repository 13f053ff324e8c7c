package dev.snapbi.domain.notification;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.NotificationVerification;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.NotificationVerification.Outcome;
import dev.snapbi.domain.testing.JdkRsa;
import dev.snapbi.domain.port.VerifyNotificationUseCase;
import dev.snapbi.domain.testing.ManualTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationVerifierTest {

    private static final JdkRsa NICEPAY = JdkRsa.generate();
    private static final JdkRsa SOMEONE_ELSE = JdkRsa.generate();
    private static final String TIMESTAMP = "2024-12-31T10:11:40+07:00";

    private final ManualTime time = ManualTime.create(); // 2024-12-31T03:11:40Z = TIMESTAMP

    private NotificationVerifier verifier() {
        return NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier()).clientId("IONPAYTEST")
                .clock(time).build();
    }

    private static Map<String, List<String>> headers(String client, String timestamp, String signature) {
        Map<String, List<String>> h = new HashMap<>();
        if (client != null) {
            h.put("X-CLIENT-KEY", List.of(client));
        }
        if (timestamp != null) {
            h.put("X-TIMESTAMP", List.of(timestamp));
        }
        if (signature != null) {
            h.put("X-SIGNATURE", List.of(signature));
        }
        h.put("Content-Type", List.of("application/json"));
        return h;
    }

    private static String genuine() {
        return NICEPAY.sign("IONPAYTEST|" + TIMESTAMP);
    }

    @Test
    void accepts_the_providers_signature_over_client_id_and_timestamp() {
        NotificationVerification result = verifier().verify(headers("IONPAYTEST", TIMESTAMP, genuine()));

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.isValid()).isTrue();
        assertThat(result.clientId().orElseThrow().value()).isEqualTo("IONPAYTEST");
        assertThat(result.timestamp()).contains(SnapTimestamp.parse(TIMESTAMP));
    }

    @Test
    void matches_header_names_whatever_their_case_as_servers_normalise_them_differently() {
        Map<String, List<String>> lower = new HashMap<>();
        lower.put("x-client-key", List.of("IONPAYTEST"));
        lower.put("X-timestamp", List.of(TIMESTAMP));
        lower.put("x-Signature", List.of(genuine()));

        assertThat(verifier().verify(lower).outcome()).isEqualTo(Outcome.VALID);
        Map<String, List<String>> servletLike = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        servletLike.putAll(headers("IONPAYTEST", TIMESTAMP, genuine()));
        assertThat(verifier().verify(servletLike::get).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void checks_for_the_configured_client_when_the_client_key_header_is_absent() {
        assertThat(verifier().verify(headers(null, TIMESTAMP, genuine())).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void refuses_a_timestamp_or_client_changed_after_signing_and_a_flipped_signature() {
        String signature = genuine();
        assertThat(verifier().verify(headers("IONPAYTEST", "2024-12-31T10:11:41+07:00", signature)).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);

        NotificationVerifier two = NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier())
                .clientId("IONPAYTEST").clientId("OTHERMERCHANT").clock(time).build();
        assertThat(two.verify(headers("OTHERMERCHANT", TIMESTAMP, signature)).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);

        byte[] bytes = Base64.getDecoder().decode(signature);
        bytes[bytes.length / 2] ^= 0x01;
        NotificationVerification flipped = verifier().verify(headers("IONPAYTEST", TIMESTAMP,
                Base64.getEncoder().encodeToString(bytes)));
        assertThat(flipped.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(flipped.reason()).contains("IONPAYTEST|" + TIMESTAMP).doesNotContain(signature);
    }

    @Test
    void refuses_a_signature_by_another_key() {
        String forged = SOMEONE_ELSE.sign("IONPAYTEST|" + TIMESTAMP);
        assertThat(verifier().verify(headers("IONPAYTEST", TIMESTAMP, forged)).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);
    }

    @Test
    void refuses_a_genuine_notification_outside_the_window_either_side_and_accepts_it_on_the_bound() {
        String signature = genuine();
        time.advance(Duration.ofMinutes(5));
        assertThat(verifier().verify(headers("IONPAYTEST", TIMESTAMP, signature)).outcome())
                .isEqualTo(Outcome.VALID);
        time.advance(Duration.ofSeconds(1));
        NotificationVerification late = verifier().verify(headers("IONPAYTEST", TIMESTAMP, signature));
        assertThat(late.outcome()).isEqualTo(Outcome.STALE_TIMESTAMP);
        assertThat(late.reason()).contains("300 s");

        time.advance(Duration.ofMinutes(-10).minusSeconds(2)); // the sender's clock runs 5 min 1 s ahead
        assertThat(verifier().verify(headers("IONPAYTEST", TIMESTAMP, signature)).outcome())
                .isEqualTo(Outcome.STALE_TIMESTAMP);
        NotificationVerifier wide = NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier())
                .clientId("IONPAYTEST").clock(time).window(Duration.ofMinutes(10)).build();
        assertThat(wide.verify(headers("IONPAYTEST", TIMESTAMP, signature)).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void names_each_way_hostile_headers_fail_without_throwing() {
        NotificationVerifier v = verifier();
        assertThat(v.verify(headers("IONPAYTEST", null, genuine())).outcome()).isEqualTo(Outcome.MISSING_HEADER);
        assertThat(v.verify(headers("IONPAYTEST", TIMESTAMP, null)).outcome()).isEqualTo(Outcome.MISSING_HEADER);
        assertThat(v.verify(headers("IONPAYTEST", TIMESTAMP, "   ")).outcome()).isEqualTo(Outcome.MISSING_HEADER);
        assertThat(v.verify(Map.of()).outcome()).isEqualTo(Outcome.MISSING_HEADER);
        assertThat(v.verify(name -> null).outcome()).isEqualTo(Outcome.MISSING_HEADER);

        NotificationVerification unknown = v.verify(headers("EVIL\u0000CLIENT", TIMESTAMP, genuine()));
        assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN_CLIENT);
        assertThat(unknown.reason()).contains("EVIL?CLIENT").doesNotContain("\u0000");

        for (String bad : List.of("2024-12-31 10:11:40", "2024-12-31T10:11:40.000+07:00", "2024-02-30T10:11:40+07:00",
                "x".repeat(10_000))) {
            assertThat(v.verify(headers("IONPAYTEST", bad, genuine())).outcome())
                    .isEqualTo(Outcome.MALFORMED_TIMESTAMP);
        }
        for (String bad : List.of("not base64!", "AAA", "A-_B", "QUJD\nREVG", "A".repeat(100_000))) {
            NotificationVerification r = v.verify(headers("IONPAYTEST", TIMESTAMP, bad));
            assertThat(r.outcome()).isEqualTo(Outcome.BAD_SIGNATURE_ENCODING);
        }
        assertThat(v.verify(headers("IONPAYTEST", TIMESTAMP, "QUJD")).outcome()) // Base64 but far too short
                .isEqualTo(Outcome.INVALID_SIGNATURE);

        Map<String, List<String>> twice = headers("IONPAYTEST", TIMESTAMP, genuine());
        twice.put("x-signature", List.of(genuine()));
        assertThat(v.verify(twice).outcome()).isEqualTo(Outcome.DUPLICATE_HEADER);
    }

    @Property(tries = 300)
    void answers_any_hostile_header_values_with_a_verdict_never_an_exception_nor_the_signature(
            @ForAll @StringLength(max = 6000) String client, @ForAll @StringLength(max = 200) String timestamp,
            @ForAll @StringLength(max = 6000) String signature) {
        VerifyNotificationUseCase port = verifier();
        Map<String, List<String>> hostile = new HashMap<>();
        hostile.put("X-CLIENT-KEY", java.util.Arrays.asList(client, null));
        hostile.put("X-TIMESTAMP", List.of(timestamp));
        hostile.put("X-SIGNATURE", List.of(signature));

        NotificationVerification result = port.verify(hostile);

        assertThat(result.isValid()).isFalse();
        assertThat(result.reason()).matches("[\\x20-\\x7e]*");
        if (signature.strip().length() >= 8 && !client.contains(signature.strip())
                && !timestamp.contains(signature.strip())) {
            assertThat(result.reason()).doesNotContain(signature.strip());
        }
    }

    @Test
    void gives_an_oversized_or_non_ascii_header_its_verdict() {
        NotificationVerifier v = verifier();
        String hugeButWellFormed = "A".repeat(Base64Signature.MAX_LENGTH + 4);
        NotificationVerification huge = v.verify(headers("IONPAYTEST", TIMESTAMP, hugeButWellFormed));
        assertThat(huge.outcome()).isEqualTo(Outcome.BAD_SIGNATURE_ENCODING);
        assertThat(huge.reason()).contains("at most " + Base64Signature.MAX_LENGTH);
        assertThat(huge.timestamp()).contains(SnapTimestamp.parse(TIMESTAMP));

        NotificationVerification arabicDigits = v.verify(headers("IONPAYTEST",
                "\u0662\u0660\u0662\u0664-12-31T10:11:40+07:00", genuine()));
        assertThat(arabicDigits.outcome()).isEqualTo(Outcome.MALFORMED_TIMESTAMP);
        assertThat(arabicDigits.reason()).contains("'????-12-31T10:11:40+07:00'");
        assertThat(arabicDigits.timestamp()).isEmpty();
        assertThat(arabicDigits.clientId()).contains(ClientKey.of("IONPAYTEST"));
    }

    @Test
    void treats_a_verifier_that_throws_as_a_signature_that_does_not_verify() {
        NotificationVerifier choking = NotificationVerifier.builder().signatureVerifier((data, signature) -> {
            throw new IllegalArgumentException("bad length");
        }).clientId("IONPAYTEST").clock(time).build();
        assertThat(choking.verify(headers("IONPAYTEST", TIMESTAMP, genuine())).outcome())
                .isEqualTo(Outcome.INVALID_SIGNATURE);
    }

    @Test
    void needs_the_signed_client_id_from_the_header_when_several_clients_are_accepted() {
        NotificationVerifier two = NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier())
                .clientId("IONPAYTEST").clientId("OTHERMERCHANT").clock(time).build();
        assertThat(two.verify(headers(null, TIMESTAMP, genuine())).outcome()).isEqualTo(Outcome.MISSING_HEADER);
        assertThat(two.verify(headers("IONPAYTEST", TIMESTAMP, genuine())).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void says_what_is_missing_from_the_configuration() {
        assertThatThrownBy(() -> NotificationVerifier.builder().clientId("IONPAYTEST").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("public key");
        assertThatThrownBy(() -> NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier()).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("client id");
        assertThatThrownBy(() -> NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier())
                .clientId("IONPAYTEST").window(Duration.ofSeconds(-1)).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> NotificationVerifier.builder().replayProtection(null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("replayProtection");
        assertThatThrownBy(() -> NotificationVerifier.builder().clientId((ClientKey) null))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier())
                .clientId("IONPAYTEST").window(null).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("window");
    }
}
