package dev.snapbi.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SnapHeadersTest {

    @Test
    void reads_the_token_of_a_bearer_authorization_whatever_the_case_of_the_scheme() {
        assertThat(SnapHeaders.bearerToken("Bearer eyJ.abc")).contains("eyJ.abc");
        assertThat(SnapHeaders.bearerToken("bearer eyJ.abc")).contains("eyJ.abc");
        assertThat(SnapHeaders.bearerToken("BEARER  two-spaces")).contains(" two-spaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearertoken", "eyJ.abc"})
    void answers_empty_for_anything_but_a_bearer_token(String authorization) {
        assertThat(SnapHeaders.bearerToken(authorization)).isEmpty();
        assertThat(SnapHeaders.bearerToken(null)).isEmpty();
    }

    @Test
    void knows_which_headers_carry_secrets() {
        assertThat(SnapHeaders.isSensitive("x-signature")).isTrue();
        assertThat(SnapHeaders.isSensitive(SnapHeaders.AUTHORIZATION)).isTrue();
        assertThat(SnapHeaders.isSensitive(SnapHeaders.X_TIMESTAMP)).isFalse();
    }
}
