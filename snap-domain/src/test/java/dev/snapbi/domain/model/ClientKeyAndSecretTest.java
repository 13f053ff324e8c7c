package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientKeyAndSecretTest {

    @Test
    void accepts_nicepays_merchant_ids() {
        assertThat(ClientKey.of("IONPAYTEST").value()).isEqualTo("IONPAYTEST");
        assertThat(ClientKey.of("normaltest")).hasToString("normaltest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "IONPAY TEST", " IONPAYTEST", "IONPAYTEST\n", "ION|PAY", "IONPAYTÉST", "ION\tPAY"})
    void refuses_client_keys_that_would_break_the_header_or_the_string_to_sign(String bad) {
        assertThatThrownBy(() -> ClientKey.of(bad))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("client key");
    }

    @Test
    void refuses_a_null_or_overlong_client_key() {
        assertThatThrownBy(() -> ClientKey.of(null)).isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> ClientKey.of("A".repeat(129)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("129");
    }

    @Test
    void keeps_the_client_secret_as_utf8_bytes_and_never_prints_it() {
        ClientSecret secret = ClientSecret.of("s3cr3t-ü");
        assertThat(secret.utf8Bytes()).isEqualTo("s3cr3t-ü".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.toString()).isEqualTo("ClientSecret[****]").doesNotContain("s3cr3t");
    }

    @Test
    void hands_out_copies_of_the_secret_so_wiping_one_does_not_change_it() {
        ClientSecret secret = ClientSecret.of("abc");
        byte[] copy = secret.utf8Bytes();
        java.util.Arrays.fill(copy, (byte) 0);
        assertThat(secret.utf8Bytes()).containsExactly('a', 'b', 'c');
        assertThat(secret).isEqualTo(ClientSecret.of("abc")).isNotEqualTo(ClientSecret.of("abd"));
    }

    @Test
    void refuses_an_empty_client_secret() {
        assertThatThrownBy(() -> ClientSecret.of("")).isInstanceOf(SnapConfigurationException.class);
        assertThatThrownBy(() -> ClientSecret.of(null)).isInstanceOf(SnapConfigurationException.class);
    }
}
