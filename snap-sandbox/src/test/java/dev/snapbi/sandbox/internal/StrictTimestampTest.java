package dev.snapbi.sandbox.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StrictTimestampTest {

    @Test
    void reads_the_snap_shape_with_any_offset() {
        assertThat(StrictTimestamp.parse("2024-12-31T10:11:40+07:00")).hasValue(Instant.parse("2024-12-31T03:11:40Z"));
        assertThat(StrictTimestamp.parse("2024-12-31T03:11:40Z")).hasValue(Instant.parse("2024-12-31T03:11:40Z"));
        assertThat(StrictTimestamp.parse("2024-12-30T22:11:40-05:00")).hasValue(Instant.parse("2024-12-31T03:11:40Z"));
        assertThat(StrictTimestamp.parse("2024-02-29T00:00:00+07:00")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-12-31T10:11:40.000+07:00", "2024-12-31T10:11:40+07", "2024-12-31T10:11:40+0700",
            "2024-12-31T10:11:40", "2024-12-31t10:11:40+07:00", "2024-12-31T10:11:40z", "2023-02-29T10:11:40+07:00",
            "2024-13-01T10:11:40+07:00", "2024-12-31T10:60:40+07:00", "2024-12-31T10:11:60+07:00",
            "2024-12-31T10:11:40+07:00:00", "\u0662024-12-31T10:11:40+07:00", "+2024-12-31T10:11:40+07:00",
            " 2024-12-31T10:11:40+07:00", "2024-12-31T10:11:40+07:00 ", "2024-12-31T10:11:40+19:00"})
    void refuses_everything_else(String text) {
        assertThat(StrictTimestamp.parse(text)).isEmpty();
    }

    @Test
    void refuses_null_and_long_text() {
        assertThat(StrictTimestamp.parse(null)).isEmpty();
        assertThat(StrictTimestamp.parse("2024-12-31T10:11:40+07:00".repeat(100))).isEmpty();
    }

    @Test
    void counts_the_window_bounds_as_fresh() {
        Instant now = Instant.parse("2024-12-31T03:11:40Z");
        Duration window = Duration.ofMinutes(5);
        assertThat(StrictTimestamp.isFresh(now.plus(window), now, window)).isTrue();
        assertThat(StrictTimestamp.isFresh(now.minus(window), now, window)).isTrue();
        assertThat(StrictTimestamp.isFresh(now.plus(window).plusSeconds(1), now, window)).isFalse();
        assertThat(StrictTimestamp.isFresh(now.minus(window).minusSeconds(1), now, window)).isFalse();
    }
}
