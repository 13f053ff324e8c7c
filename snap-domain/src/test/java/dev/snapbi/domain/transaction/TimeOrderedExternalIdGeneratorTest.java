package dev.snapbi.domain.transaction;

import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.testing.ManualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedExternalIdGeneratorTest {

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{32}");

    private final ManualTime time = ManualTime.create(); // 2024-12-31T03:11:40Z

    @Test
    void makes_32_digit_ids_that_start_with_the_providers_local_time_to_the_millisecond() {
        time.advance(Duration.ofMillis(123));
        String id = TimeOrderedExternalIdGenerator.create(time, SnapTimestamp.JAKARTA).nextId();

        assertThat(id).hasSize(TimeOrderedExternalIdGenerator.LENGTH).matches("[0-9]{32}")
                .startsWith("20241231101140123" + "0000");
        assertThat(TimeOrderedExternalIdGenerator.create(time, ZoneOffset.UTC).nextId())
                .startsWith("20241231031140123");
    }

    @Test
    void stays_unique_and_ordered_when_the_clock_stands_still_or_steps_back() {
        TimeOrderedExternalIdGenerator ids = TimeOrderedExternalIdGenerator.create(time, SnapTimestamp.JAKARTA);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) { // more than the 10,000 sequence numbers of one millisecond
            made.add(ids.nextId());
        }
        time.jumpWallClock(Duration.ofMinutes(-10));
        for (int i = 0; i < 100; i++) {
            made.add(ids.nextId());
        }

        assertThat(Set.copyOf(made)).hasSize(made.size());
        for (int i = 1; i < made.size(); i++) {
            // the time-and-sequence part only grows; the random tail does not take part in the order
            assertThat(made.get(i).substring(0, 21)).isGreaterThan(made.get(i - 1).substring(0, 21));
        }
    }

    @Test
    void never_repeats_an_id_when_16_threads_draw_from_one_generator_at_once() throws Exception {
        TimeOrderedExternalIdGenerator ids = TimeOrderedExternalIdGenerator.create(time, SnapTimestamp.JAKARTA);
        int threads = 16;
        int each = 1_000;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    int fresh = 0;
                    for (int i = 0; i < each; i++) {
                        if (seen.add(ids.nextId())) {
                            fresh++;
                        }
                        if (i % 250 == 0) {
                            time.advance(Duration.ofMillis(1));
                        }
                    }
                    return fresh;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(threads * each);
            assertThat(seen).hasSize(threads * each).allMatch(id -> DIGITS.matcher(id).matches());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void two_generators_in_the_same_millisecond_differ_by_their_random_tail() {
        String a = TimeOrderedExternalIdGenerator.create(time, SnapTimestamp.JAKARTA).nextId();
        String b = TimeOrderedExternalIdGenerator.create(time, SnapTimestamp.JAKARTA).nextId();

        assertThat(a.substring(0, 21)).isEqualTo(b.substring(0, 21));
        assertThat(a).isNotEqualTo(b);
    }
}
