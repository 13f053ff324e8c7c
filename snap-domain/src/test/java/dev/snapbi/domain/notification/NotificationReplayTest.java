package dev.snapbi.domain.notification;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.NotificationVerification.Outcome;
import dev.snapbi.domain.model.NotificationVerification;
import dev.snapbi.domain.port.NotificationReplayStore;
import dev.snapbi.domain.testing.JdkRsa;
import dev.snapbi.domain.testing.ManualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 item 19: a captured notification replayed within the window is recognised when protection is on. */
class NotificationReplayTest {

    private static final JdkRsa NICEPAY = JdkRsa.generate();
    private static final String TIMESTAMP = "2024-12-31T10:11:40+07:00";

    private final ManualTime time = ManualTime.create(); // 2024-12-31T03:11:40Z = TIMESTAMP

    private NotificationVerifier.Builder builder() {
        return NotificationVerifier.builder().signatureVerifier(NICEPAY.verifier()).clientId("IONPAYTEST").clock(time);
    }

    private static Map<String, List<String>> notification(String timestamp) {
        Map<String, List<String>> h = new HashMap<>();
        h.put("X-CLIENT-KEY", List.of("IONPAYTEST"));
        h.put("X-TIMESTAMP", List.of(timestamp));
        h.put("X-SIGNATURE", List.of(NICEPAY.sign("IONPAYTEST|" + timestamp)));
        return h;
    }

    @Test
    void without_protection_the_same_notification_verifies_again_within_the_window() {
        NotificationVerifier verifier = builder().build();

        assertThat(verifier.verify(notification(TIMESTAMP)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(notification(TIMESTAMP)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.hasReplayProtection()).isFalse();
    }

    @Test
    void with_protection_a_replay_within_the_window_is_recognised_and_a_new_notification_is_not() {
        NotificationVerifier verifier = builder().replayProtection(InMemoryNotificationReplayStore.create()).build();

        assertThat(verifier.verify(notification(TIMESTAMP)).outcome()).isEqualTo(Outcome.VALID);
        time.advance(Duration.ofMinutes(4));
        NotificationVerification replay = verifier.verify(notification(TIMESTAMP));
        NotificationVerification next = verifier.verify(notification("2024-12-31T10:11:41+07:00"));

        assertThat(replay.outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(replay.isValid()).isFalse();
        assertThat(replay.reason()).contains("accepted before").doesNotContain(notification(TIMESTAMP)
                .get("X-SIGNATURE").get(0));
        assertThat(next.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.toString()).contains("replay protection");
    }

    @Test
    void an_invalid_signature_is_never_remembered_so_it_cannot_block_the_genuine_notification() {
        List<String> offered = new ArrayList<>();
        NotificationReplayStore store = InMemoryNotificationReplayStore.create();
        NotificationVerifier verifier = builder().replayProtection((key, now, until) -> {
            offered.add(key);
            return store.firstSighting(key, now, until);
        }).build();
        Map<String, List<String>> forged = notification(TIMESTAMP);
        forged.put("X-SIGNATURE", List.of(JdkRsa.generate().sign("IONPAYTEST|" + TIMESTAMP)));

        assertThat(verifier.verify(forged).outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(verifier.verify(notification(TIMESTAMP)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(offered).hasSize(1).allMatch(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    void the_store_remembers_until_the_timestamp_leaves_the_window() {
        InMemoryNotificationReplayStore store = InMemoryNotificationReplayStore.create();
        Instant now = Instant.parse("2024-12-31T03:11:40Z");

        assertThat(store.firstSighting("a".repeat(64), now, now.plusSeconds(300))).isTrue();
        assertThat(store.firstSighting("a".repeat(64), now.plusSeconds(299), now.plusSeconds(600))).isFalse();
        assertThat(store.firstSighting("a".repeat(64), now.plusSeconds(300), now.plusSeconds(600))).isTrue();
    }

    @Test
    void the_store_is_bounded_and_forgets_the_oldest_first() {
        InMemoryNotificationReplayStore store = InMemoryNotificationReplayStore.withCapacity(3);
        Instant now = Instant.parse("2024-12-31T03:11:40Z");
        for (String key : List.of("k1", "k2", "k3", "k4")) {
            assertThat(store.firstSighting(key, now, now.plusSeconds(300))).isTrue();
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.firstSighting("k4", now, now.plusSeconds(300))).isFalse();
        assertThat(store.firstSighting("k1", now, now.plusSeconds(300))).as("k1 was forgotten").isTrue();
        assertThatThrownBy(() -> InMemoryNotificationReplayStore.withCapacity(0))
                .isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void a_failing_store_answers_replay_unchecked_instead_of_throwing() {
        NotificationVerifier verifier = builder().replayProtection((key, now, until) -> {
            throw new IllegalStateException("redis down");
        }).build();

        NotificationVerification result = verifier.verify(notification(TIMESTAMP));

        assertThat(result.outcome()).isEqualTo(Outcome.REPLAY_UNCHECKED);
        assertThat(result.reason()).contains("5xx");
    }
}
