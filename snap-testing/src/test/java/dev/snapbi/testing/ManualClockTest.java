package dev.snapbi.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualClockTest {

    private static final Instant START = Instant.parse("2030-01-02T03:04:05Z");

    @Test
    void stands_still_until_told_to_move() {
        ManualClock clock = ManualClock.startingAt(START);
        long ticks = clock.nanoTime();

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.nanoTime()).isEqualTo(ticks);
        assertThat(clock.readings()).isEqualTo(2);
    }

    @Test
    void advance_moves_the_wall_clock_and_the_ticker_together() {
        ManualClock clock = ManualClock.startingAt(START);
        long ticks = clock.nanoTime();

        clock.advance(Duration.ofMillis(1500));

        assertThat(clock.instant()).isEqualTo(START.plusMillis(1500));
        assertThat(clock.nanoTime() - ticks).isEqualTo(1_500_000_000L);
    }

    @Test
    void a_wall_clock_jump_is_not_seen_by_the_ticker() {
        ManualClock clock = ManualClock.startingAt(START);
        long ticks = clock.nanoTime();

        clock.jumpWallClock(Duration.ofMinutes(-10));

        assertThat(clock.instant()).isEqualTo(START.minusSeconds(600));
        assertThat(clock.nanoTime()).isEqualTo(ticks);
    }

    @Test
    void refuses_to_run_time_backwards() {
        ManualClock clock = ManualClock.create();
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jumpWallClock");
        assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START);
    }

    @Test
    void advancing_on_each_reading_gives_every_reading_its_own_second() {
        ManualClock clock = ManualClock.startingAt(START).advancingOnEachReading(Duration.ofSeconds(1));
        long ticks = clock.nanoTime();

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(2));
        assertThat(clock.nanoTime() - ticks).isEqualTo(3_000_000_000L);
    }

    @Test
    void zone_views_share_one_time() {
        ManualClock utc = ManualClock.startingAt(START);
        ManualClock jakarta = utc.withZone(ZoneId.of("Asia/Jakarta"));

        utc.advance(Duration.ofHours(1));

        assertThat(jakarta.getZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(jakarta.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(jakarta.nanoTime()).isEqualTo(utc.nanoTime());
        assertThat(utc.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }
}
