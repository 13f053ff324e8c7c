package dev.snapbi.testing;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogCaptureTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogCaptureTest.class);

    @Test
    void captures_what_one_logger_logs_until_closed() {
        try (LogCapture logs = LogCapture.of(LogCaptureTest.class)) {
            LOG.warn("first {}", 1);
            LOG.error("second");
            assertThat(logs.messages()).containsExactly("first 1", "second");
            assertThat(logs.warnings()).containsExactly("first 1");
            assertThat(logs.text()).contains("WARN " + LogCaptureTest.class.getName() + " - first 1");
            LOG.warn("after close");
            logs.close();
            LOG.warn("not captured");
            assertThat(logs.size()).isEqualTo(3);
        }
    }

    @Test
    void everything_at_trace_captures_trace_events_and_puts_the_levels_back() {
        Logger other = LoggerFactory.getLogger("dev.snapbi.testing.elsewhere");
        assertThat(other.isTraceEnabled()).isFalse();
        try (LogCapture logs = LogCapture.everythingAtTrace()) {
            other.trace("fine detail", new IllegalStateException("cause shown"));
            assertThat(logs.text()).contains("TRACE dev.snapbi.testing.elsewhere - fine detail")
                    .contains("IllegalStateException: cause shown");
        }
        assertThat(other.isTraceEnabled()).isFalse();
    }
}
