package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "127.1.2.3", "localhost", "LOCALHOST", "[::1]", "::1",
            "[0:0:0:0:0:0:0:1]", "[::0001]"})
    void loopback_literals_and_localhost_are_loopback(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.attacker.example", "127.0.0.1.nip.io", "localhost.example", "128.0.0.1",
            "127.0.0.256", "127.0.0", "[::2]", "[::1:1]", "[1::1]", "10.0.0.1", "0.0.0.0", "[::]", "example.com",
            "127.0.0.1x", ""})
    void everything_else_is_not(String host) {
        assertThat(Loopback.isLoopbackHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.attacker.example/", "http://127.0.0.1.nip.io:8080/x", "ftp://127.0.0.1/"})
    void a_target_that_would_send_secrets_in_clear_text_is_refused_by_name(String url) {
        assertThatThrownBy(() -> Loopback.requireSecureOrLoopback(URI.create(url), false, "a signed request"))
                .isInstanceOf(SnapConfigurationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dev.nicepay.co.id/", "http://127.0.0.1:9/", "http://[::1]:9/",
            "http://localhost/"})
    void https_and_loopback_http_are_accepted(String url) {
        assertThatCode(() -> Loopback.requireSecureOrLoopback(URI.create(url), false, "a signed request"))
                .doesNotThrowAnyException();
    }
}
