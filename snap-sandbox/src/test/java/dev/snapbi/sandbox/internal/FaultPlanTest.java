package dev.snapbi.sandbox.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {

    @Test
    void hands_out_queued_faults_in_order_then_nothing() {
        FaultPlan plan = new FaultPlan();
        plan.enqueue(Fault.Plain.DROP, 2);
        plan.enqueue(Fault.Plain.MALFORMED, 1);

        assertThat(plan.pending()).isEqualTo(3);
        assertThat(plan.next().fault()).isEqualTo(Fault.Plain.DROP);
        assertThat(plan.next().fault()).isEqualTo(Fault.Plain.DROP);
        assertThat(plan.next().fault()).isEqualTo(Fault.Plain.MALFORMED);
        assertThat(plan.next()).isEqualTo(new FaultPlan.Decision(Duration.ZERO, null));
        assertThat(plan.pending()).isZero();
    }

    @Test
    void adds_the_standing_delay_to_every_decision_and_turns_a_delay_fault_into_a_longer_wait() {
        FaultPlan plan = new FaultPlan();
        plan.standingDelay(Duration.ofMillis(100));
        plan.enqueue(new Fault.Delay(Duration.ofMillis(50)), 1);
        plan.enqueue(new Fault.Html(502), 1);

        assertThat(plan.next()).isEqualTo(new FaultPlan.Decision(Duration.ofMillis(150), null));
        assertThat(plan.next()).isEqualTo(new FaultPlan.Decision(Duration.ofMillis(100), new Fault.Html(502)));
        assertThat(plan.next()).isEqualTo(new FaultPlan.Decision(Duration.ofMillis(100), null));
    }

    @Test
    void random_mode_is_reproducible_from_its_seed() {
        FaultPlan one = new FaultPlan();
        FaultPlan two = new FaultPlan();
        one.random(0.5, 11L, Duration.ofMillis(5));
        two.random(0.5, 11L, Duration.ofMillis(5));
        int faulted = 0;
        for (int i = 0; i < 1000; i++) {
            FaultPlan.Decision a = one.next();
            assertThat(two.next()).isEqualTo(a);
            if (a.fault() != null || !a.delay().isZero()) {
                faulted++;
            }
        }
        assertThat(faulted).isBetween(400, 600);
    }

    @Test
    void bounds_what_it_keeps() {
        FaultPlan plan = new FaultPlan();
        for (int i = 0; i < FaultPlan.MAX_QUEUED; i++) {
            plan.enqueue(Fault.Plain.DROP, 1);
        }
        assertThatThrownBy(() -> plan.enqueue(Fault.Plain.DROP, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clear them first");
        assertThatThrownBy(() -> new FaultPlan().enqueue(Fault.Plain.DROP, FaultPlan.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        plan.clear();
        assertThat(plan.pending()).isZero();
    }
}
