package dev.snapbi.adapter.jdk.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJl";
    private static final String SIGNATURE = "Xk3v9Q0p1LmN2oP3qR4sT5uV6wX7yZ8aB9cD0eF1gH2iJ3kL4mN5oP6qR7sT8uV9w==";

    private final SecretScrubber scrubber = SecretScrubber.ofHeaders(Map.of("Authorization", "Bearer " + TOKEN,
            "X-SIGNATURE", SIGNATURE, "X-PARTNER-ID", "IONPAYTEST", "Content-Type", "application/json"));

    @Test
    void masks_a_whole_secret_echoed_in_text() {
        String scrubbed = scrubber.scrub("Invalid status line: \"HTTP/1.1 2x0 Bearer " + TOKEN + " " + SIGNATURE + "\"");

        assertThat(scrubbed).doesNotContain(TOKEN).doesNotContain(SIGNATURE).startsWith("Invalid status line")
                .contains("****");
    }

    @Test
    void masks_a_secret_cut_short_or_cut_in_the_middle() {
        String scrubbed = scrubber.scrub("sig=" + SIGNATURE.substring(0, 30) + " tok=" + TOKEN.substring(20, 45));

        assertThat(scrubbed).isEqualTo("sig=**** tok=****");
    }

    @Test
    void leaves_text_without_secrets_and_non_secret_header_values_alone() {
        assertThat(scrubber.scrub("Connection reset for IONPAYTEST application/json")).isEqualTo(
                "Connection reset for IONPAYTEST application/json");
        assertThat(scrubber.scrub(null)).isNull();
    }

    @Test
    void keeps_the_class_and_stack_of_each_cause_while_scrubbing_its_message() {
        IOException root = new IOException("echo " + SIGNATURE);
        RuntimeException top = new RuntimeException("wrapped " + TOKEN, root);

        Throwable chain = scrubber.scrubChain(top);

        assertThat(chain.toString()).isEqualTo("java.lang.RuntimeException: wrapped ****");
        assertThat(chain.getCause().toString()).isEqualTo("java.io.IOException: echo ****");
        assertThat(chain.getStackTrace()).isEqualTo(top.getStackTrace());
    }

    @Test
    void bounds_the_text_it_returns() {
        assertThat(SecretScrubber.of(List.of()).scrub("a".repeat(10_000))).hasSizeLessThan(2100);
    }
}
