package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapTimestampTest {

    @Test
    void formats_nicepays_documented_sample_from_a_utc_clock_in_jakarta_time() {
        Clock utc = Clock.fixed(Instant.parse("2024-12-31T03:11:40Z"), ZoneOffset.UTC);
        assertThat(SnapTimestamp.now(utc, SnapTimestamp.JAKARTA).value()).isEqualTo("2024-12-31T10:11:40+07:00");
    }

    @Test
    void truncates_sub_second_precision_instead_of_printing_fractions() {
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T03:11:40.987654Z"), ZoneOffset.UTC);
        assertThat(SnapTimestamp.now(clock, SnapTimestamp.JAKARTA).value()).isEqualTo("2024-12-31T10:11:40+07:00");
    }

    @Test
    void uses_the_zone_of_the_clock_when_none_is_given() {
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T03:11:40Z"), ZoneId.of("Asia/Makassar"));
        assertThat(SnapTimestamp.now(clock).value()).isEqualTo("2024-12-31T11:11:40+08:00");
    }

    @Test
    void prints_z_for_a_zero_offset_as_the_xxx_pattern_does() {
        assertThat(SnapTimestamp.of(Instant.parse("2024-12-31T03:11:40Z"), ZoneOffset.UTC).value())
                .isEqualTo("2024-12-31T03:11:40Z");
    }

    @Test
    void parses_the_documented_sample_to_the_right_instant() {
        SnapTimestamp ts = SnapTimestamp.parse("2024-12-31T10:11:40+07:00");
        assertThat(ts.instant()).isEqualTo(Instant.parse("2024-12-31T03:11:40Z"));
        assertThat(ts.value()).isEqualTo("2024-12-31T10:11:40+07:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-12-31T10:11:40", "2024-12-31T10:11:40+0700", "2024-12-31T10:11:40+07",
            "2024-12-31T10:11:40.123+07:00", "2024-12-31 10:11:40+07:00", " 2024-12-31T10:11:40+07:00",
            "2024-12-31T10:11:40+07:00 ", "2024-12-31t10:11:40+07:00", "24-12-31T10:11:40+07:00",
            "2024-12-31T10:11+07:00", "2024-02-30T10:11:40+07:00", "2024-12-31T24:11:40+07:00",
            "2024-12-31T10:11:60+07:00", "٢٠٢٤-12-31T10:11:40+07:00", "2024-12-31T10:11:40+25:00", ""})
    void rejects_every_other_shape(String text) {
        assertThatThrownBy(() -> SnapTimestamp.parse(text))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("X-TIMESTAMP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-12-31T10:11:40", "2024-02-30T10:11:40+07:00", "2024-12-31T10:11:40+25:00",
            "٢٠٢٤-12-31T10:11:40+07:00", ""})
    void offers_a_non_throwing_parse_for_text_from_outside(String text) {
        assertThat(SnapTimestamp.tryParse(text)).isEmpty();
        assertThat(SnapTimestamp.tryParse(null)).isEmpty();
        assertThat(SnapTimestamp.tryParse("x".repeat(100_000))).isEmpty();
        assertThat(SnapTimestamp.tryParse("2024-12-31T10:11:40+07:00")).map(SnapTimestamp::value)
                .contains("2024-12-31T10:11:40+07:00");
    }

    @Test
    void refuses_instants_whose_year_does_not_fit_four_digits() {
        assertThatThrownBy(() -> SnapTimestamp.of(Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("year");
    }

    @Test
    void rejects_null_with_a_typed_error() {
        assertThatThrownBy(() -> SnapTimestamp.parse(null)).isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void tells_whether_it_is_within_a_window_either_side() {
        SnapTimestamp ts = SnapTimestamp.parse("2024-12-31T10:11:40+07:00");
        Instant at = Instant.parse("2024-12-31T03:11:40Z");
        assertThat(ts.isWithin(Duration.ofMinutes(5), at.plusSeconds(300))).isTrue();
        assertThat(ts.isWithin(Duration.ofMinutes(5), at.minusSeconds(300))).isTrue();
        assertThat(ts.isWithin(Duration.ofMinutes(5), at.plusSeconds(301))).isFalse();
        assertThat(ts.isWithin(Duration.ofMinutes(5), at.minusSeconds(301))).isFalse();
    }

    @Property(tries = 300)
    void formatting_then_parsing_gives_back_the_same_second_and_text(
            @ForAll @LongRange(min = 0, max = 253_402_200_000L) long epochSecond,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60);
        SnapTimestamp ts = SnapTimestamp.of(Instant.ofEpochSecond(epochSecond), offset);
        SnapTimestamp parsed = SnapTimestamp.parse(ts.value());
        assertThat(parsed.instant()).isEqualTo(Instant.ofEpochSecond(epochSecond));
        assertThat(parsed.value()).isEqualTo(ts.value()).hasSizeBetween(20, 25);
    }
}
