package dev.snapbi.domain.model;

import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenAndGrantTest {

    private static final Instant T0 = Instant.parse("2024-12-31T03:11:40Z");
    private static final String VALUE = "eyJhbGciOiJSUzI1NiJ9.payload.sig-abcdefgh-ab12";

    @Test
    void shows_only_type_a_four_character_hint_and_expiry() {
        AccessToken t = AccessToken.bearer(VALUE, T0, Duration.ofSeconds(900));
        assertThat(t.toString()).isEqualTo("AccessToken[Bearer, ****ab12, expires 2024-12-31T03:26:40Z]");
        assertThat(t.authorizationHeader()).isEqualTo("Bearer " + VALUE);
        assertThat(t.lifetime()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void shows_no_hint_at_all_for_short_tokens() {
        assertThat(AccessToken.bearer("short-token", T0, Duration.ofSeconds(9)).toString())
                .doesNotContain("short").doesNotContain("-token").contains("****,");
    }

    @Test
    void knows_when_it_has_expired() {
        AccessToken t = AccessToken.bearer(VALUE, T0, Duration.ofSeconds(900));
        assertThat(t.isExpiredAt(T0.plusSeconds(899))).isFalse();
        assertThat(t.isExpiredAt(T0.plusSeconds(900))).isTrue();
    }

    @Test
    void refuses_tokens_that_cannot_be_sent_in_a_header_or_are_too_long() {
        assertThatThrownBy(() -> AccessToken.bearer("a b", T0, Duration.ofSeconds(1)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageNotContaining("a b");
        assertThatThrownBy(() -> AccessToken.bearer("x".repeat(2049), T0, Duration.ofSeconds(1)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("2049");
        assertThat(AccessToken.bearer("x".repeat(2048), T0, Duration.ofSeconds(1)).value()).hasSize(2048);
    }

    @Test
    void refuses_a_token_that_expires_before_it_was_obtained() {
        assertThatThrownBy(() -> AccessToken.of(VALUE, "Bearer", T0, T0))
                .isInstanceOf(SnapConfigurationException.class);
    }

    @Test
    void parses_expires_in_as_a_string_of_seconds() {
        assertThat(TokenGrant.parseExpiresIn("900")).isEqualTo(Duration.ofSeconds(900));
        assertThat(TokenGrant.parseExpiresIn("1")).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-900", "+900", "9.5", " 900", "900 ", "9e2", "abc", "99999999999999",
            "31622401"})
    void refuses_expires_in_that_is_not_a_positive_whole_number_of_seconds_up_to_a_year(String raw) {
        assertThatThrownBy(() -> TokenGrant.parseExpiresIn(raw)).isInstanceOf(SnapProtocolException.class)
                .hasMessageContaining("expiresIn");
    }

    @Test
    void refuses_missing_expires_in() {
        assertThatThrownBy(() -> TokenGrant.parseExpiresIn(null)).isInstanceOf(SnapProtocolException.class);
    }

    @Property(tries = 200)
    void never_throws_anything_but_the_typed_error_for_any_expires_in_text(@ForAll String raw) {
        try {
            assertThat(TokenGrant.parseExpiresIn(raw)).isPositive();
        } catch (SnapProtocolException expected) {
            assertThat(expected.getMessage()).contains("expiresIn");
        }
    }

    @Test
    void a_grant_turns_into_a_token_that_expires_expires_in_after_the_request_was_sent() {
        TokenGrant g = TokenGrant.of(ResponseCode.parse("2007300"), "Successful", VALUE, null,
                Duration.ofSeconds(900));
        AccessToken t = g.toAccessToken(T0);
        assertThat(t.tokenType()).isEqualTo("Bearer");
        assertThat(t.obtainedAt()).isEqualTo(T0);
        assertThat(t.expiresAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(g.toString()).doesNotContain(VALUE).contains("2007300");
    }

    @Test
    void a_grant_needs_a_success_code_and_a_usable_token() {
        assertThatThrownBy(() -> TokenGrant.of(ResponseCode.parse("4017300"), "x", VALUE, "Bearer",
                Duration.ofSeconds(900))).isInstanceOf(SnapProtocolException.class);
        assertThatThrownBy(() -> TokenGrant.of(ResponseCode.parse("2007300"), "x", null, "Bearer",
                Duration.ofSeconds(900))).isInstanceOf(SnapProtocolException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> TokenGrant.of(ResponseCode.parse("2007300"), "x", "t".repeat(2049), "Bearer",
                Duration.ofSeconds(900))).isInstanceOf(SnapProtocolException.class).hasMessageContaining("2048");
    }

    @Test
    void token_request_carries_the_snap_headers_and_the_compact_body_and_hides_the_signature() {
        Base64Signature sig = Base64Signature.parse("c2lnbmF0dXJlLXZhbHVl");
        TokenRequest r = TokenRequest.of(ClientKey.of("IONPAYTEST"), SnapTimestamp.parse("2024-12-31T10:11:40+07:00"),
                sig);
        assertThat(r.headers()).containsExactly(
                org.assertj.core.api.Assertions.entry("Content-Type", "application/json"),
                org.assertj.core.api.Assertions.entry("X-TIMESTAMP", "2024-12-31T10:11:40+07:00"),
                org.assertj.core.api.Assertions.entry("X-CLIENT-KEY", "IONPAYTEST"),
                org.assertj.core.api.Assertions.entry("X-SIGNATURE", "c2lnbmF0dXJlLXZhbHVl"));
        assertThat(r.body()).isEqualTo("{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}");
        assertThat(r.stringToSign().value()).isEqualTo("IONPAYTEST|2024-12-31T10:11:40+07:00");
        assertThat(r.toString()).doesNotContain("c2lnbmF0dXJlLXZhbHVl");
    }
}
