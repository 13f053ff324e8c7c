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
