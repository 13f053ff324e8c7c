package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringToSignTest {

    private static final AccessToken TOKEN = AccessToken.bearer("eyJhbGciOiJIUzI1NiJ9.secret-token-value-0123",
            Instant.parse("2024-12-31T03:11:40Z"), Duration.ofSeconds(900));

    @Test
    void builds_nicepays_documented_b2b_sample() {
        StringToSign s = StringToSign.b2b(ClientKey.of("normaltest"),
                SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));
        assertThat(s.value()).isEqualTo("normaltest|2024-12-31T10:11:40+07:00");
        assertThat(s.utf8()).isEqualTo("normaltest|2024-12-31T10:11:40+07:00".getBytes(StandardCharsets.UTF_8));
        assertThat(s).hasToString("StringToSign[normaltest|2024-12-31T10:11:40+07:00]");
    }

    @Test
    void builds_the_text_the_provider_signs_on_a_notification() {
        SnapTimestamp at = SnapTimestamp.parse("2024-12-31T10:11:40+07:00");
        StringToSign s = StringToSign.notification(ClientKey.of("IONPAYTEST"), at);
        assertThat(s.value()).isEqualTo("IONPAYTEST|2024-12-31T10:11:40+07:00");
        assertThat(s).hasToString("StringToSign[IONPAYTEST|2024-12-31T10:11:40+07:00]");
    }

    @Test
    void hashes_the_empty_body_as_the_sha256_of_the_empty_string() {
        assertThat(StringToSign.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void builds_the_symmetric_string_with_method_path_token_lowercase_body_hash_and_timestamp() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        StringToSign s = StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va", TOKEN, body,
                SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));
        assertThat(s.value()).isEqualTo("POST:/api/v1.0/transfer-va/create-va:" + TOKEN.value() + ":"
                + "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862:2024-12-31T10:11:40+07:00");
    }

    @Test
    void never_shows_a_symmetric_string_in_to_string_because_it_holds_the_token() {
        StringToSign s = StringToSign.symmetric("GET", "/api/ping", TOKEN, null,
                SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));
        assertThat(s.toString()).doesNotContain(TOKEN.value()).contains("chars");
    }

    @Test
    void refuses_lower_case_methods_and_relative_paths() {
        SnapTimestamp ts = SnapTimestamp.parse("2024-12-31T10:11:40+07:00");
        assertThatThrownBy(() -> StringToSign.symmetric("post", "/x", TOKEN, null, ts))
                .isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> StringToSign.symmetric("POST", "api/x", TOKEN, null, ts))
                .isInstanceOf(SnapConfigurationException.class);
    }
}
