package dev.snapbi.domain.model;

import dev.snapbi.domain.error.SnapConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderProfileTest {

    @Test
    void presets_point_at_nicepays_three_environments_with_the_token_path_without_api() {
        assertThat(ProviderProfile.nicepayDevelopment().tokenUrl())
                .isEqualTo(URI.create("https://dev.nicepay.co.id/nicepay/v1.0/access-token/b2b"));
        assertThat(ProviderProfile.nicepayStaging().baseUrl()).isEqualTo(URI.create("https://staging.nicepay.co.id"));
        assertThat(ProviderProfile.nicepayProduction().baseUrl()).isEqualTo(URI.create("https://www.nicepay.co.id"));
        assertThat(ProviderProfile.nicepayProduction().zone()).isEqualTo(SnapTimestamp.JAKARTA);
    }

    @Test
    void finds_presets_by_environment_name() {
        assertThat(ProviderProfile.nicepayEnvironment("STAGING")).isEqualTo(ProviderProfile.nicepayStaging());
        assertThatThrownBy(() -> ProviderProfile.nicepayEnvironment("qa"))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("development, staging or production");
    }

    @Test
    void normalises_a_trailing_slash_on_the_base_url() {
        ProviderProfile p = ProviderProfile.nicepay(URI.create("http://127.0.0.1:8080/"));
        assertThat(p.tokenUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/nicepay/v1.0/access-token/b2b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1234", "http://127.0.0.1", "http://127.5.6.7:9", "http://[::1]:8080"})
    void allows_plain_http_to_loopback_hosts(String url) {
        assertThat(ProviderProfile.nicepay(URI.create(url)).baseUrl().getScheme()).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://dev.nicepay.co.id", "http://10.0.0.1", "http://localhost.evil.com"})
    void refuses_plain_http_to_anything_but_loopback(String url) {
        assertThatThrownBy(() -> ProviderProfile.nicepay(URI.create(url)))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.attacker.example", "http://127.0.0.1.nip.io:8080", "http://merchant.test",
            "http://127.000.000.001", "http://localhost.", "http://0x7f000001", "http://2130706433",
            "http://[::ffff:127.0.0.1]", "http://[::2]", "http://128.0.0.1"})
    void refuses_plain_http_to_a_name_or_literal_that_only_looks_like_loopback(String url) {
        assertThatThrownBy(() -> ProviderProfile.nicepay(URI.create(url)))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("refusing plain http://")
                .hasMessageContaining("allowInsecureHttpForTesting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.255.255.254", "127.0.0.0", "::1", "[::1]",
            "0:0:0:0:0:0:0:1", "[0000:0000:0000:0000:0000:0000:0000:0001]", "0::1", "::0:1"})
    void treats_only_loopback_literals_and_localhost_as_loopback(String host) {
        assertThat(ProviderProfile.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.attacker.example", "127.0.0.1.nip.io", "127.1", "127.0.1", "127.00.0.1",
            "127.0.0.1.", "127.0.0.-1", "127.0.0.+1", "localhost.", "localhost.example", "xlocalhost", "::", "::2",
            "::1%lo", "1::1", ":::1", "::1:", "0:0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::g1", "::+1", "10.0.0.1",
            "126.0.0.1", "127.0.0.256", "[::1"})
    void treats_everything_else_as_not_loopback(String host) {
        assertThat(ProviderProfile.isLoopback(host)).isFalse();
        assertThat(ProviderProfile.isLoopback(null)).isFalse();
    }

    @Test
    void lets_a_loudly_named_opt_out_allow_plain_http_to_a_test_proxy_and_says_so() {
        ProviderProfile p = ProviderProfile.nicepay(URI.create("https://proxy.test")).toBuilder()
                .allowInsecureHttpForTesting().baseUrl("http://proxy.test:8080").build();

        assertThat(p.baseUrl()).isEqualTo(URI.create("http://proxy.test:8080"));
        assertThat(p.insecureHttpAllowedForTesting()).isTrue();
        assertThat(p.toString()).contains("INSECURE");
        assertThat(p.withBaseUrl(URI.create("http://other.test")).insecureHttpAllowedForTesting())
                .as("kept by toBuilder").isTrue();
        assertThat(p).isNotEqualTo(ProviderProfile.nicepay(URI.create("https://proxy.test")).toBuilder()
                .baseUrl("http://127.0.0.1:8080").build());
        assertThat(ProviderProfile.nicepayDevelopment().insecureHttpAllowedForTesting()).isFalse();
    }

    @Test
    void checks_any_target_by_name_before_anything_connects() {
        ProviderProfile.requireHttpsUnlessLoopback(URI.create("https://merchant.test/x"), "the target");
        ProviderProfile.requireHttpsUnlessLoopback(URI.create("http://127.0.0.1:9/x"), "the target");
        assertThatThrownBy(() -> ProviderProfile.requireHttpsUnlessLoopback(URI.create("http://merchant.test/x"),
                "the target"))
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("merchant.test (the target)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://dev.nicepay.co.id", "dev.nicepay.co.id", "https://dev.nicepay.co.id?x=1",
            "https://user:pw@dev.nicepay.co.id"})
    void refuses_base_urls_that_are_not_an_https_environment_root(String url) {
        assertThatThrownBy(() -> ProviderProfile.nicepay(URI.create(url)))
                .isInstanceOf(SnapConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
    }

    @Test
    void signs_the_path_without_the_nicepay_prefix_as_nicepay_does() {
        ProviderProfile p = ProviderProfile.nicepayDevelopment();
        assertThat(p.signingPath("/nicepay/api/v1.0/transfer-va/create-va"))
                .isEqualTo("/api/v1.0/transfer-va/create-va");
        assertThat(p.signingPath("/nicepay/api/v1.0/x?a=1&b=2")).isEqualTo("/api/v1.0/x?a=1&b=2");
        assertThat(p.signingPath("/nicepayx/api")).isEqualTo("/nicepayx/api");
        assertThat(p.signingPath("/api/v1.0/x")).isEqualTo("/api/v1.0/x");
    }

    @Test
    void a_profile_without_prefix_signs_the_path_as_sent() {
        ProviderProfile p = ProviderProfile.builder().name("bank").baseUrl("https://api.bank.example")
                .tokenPath("/snap/v1.0/access-token/b2b").build();
        assertThat(p.signingPath("/snap/v1.0/transfer")).isEqualTo("/snap/v1.0/transfer");
        assertThat(p.toString()).contains("bank").contains("https://api.bank.example");
    }

    @Test
    void refuses_a_token_path_that_is_not_absolute() {
        assertThatThrownBy(() -> ProviderProfile.builder().name("x").baseUrl("https://a.example")
                .tokenPath("v1.0/token").build()).isInstanceOf(SnapConfigurationException.class);
    }
}
