package dev.snapbi.adapter.feign.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void masks_secret_json_fields_and_keeps_the_rest() {
        String body = "{\"responseCode\":\"2007300\",\"accessToken\":\"eyJhbGciOi.abc.def\",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":\"900\",\"X-SIGNATURE\" : \"c2lnbmF0dXJl\",\"clientSecret\":\"s3cr3t\"}";

        String shown = Redactor.redactText(body);

        assertThat(shown).isEqualTo("{\"responseCode\":\"2007300\",\"accessToken\":\"****\",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":\"900\",\"X-SIGNATURE\" : \"****\",\"clientSecret\":\"****\"}");
    }

    @Test
    void masks_a_token_cut_off_mid_value() {
        assertThat(Redactor.redactText("{\"responseCode\":\"2007300\",\"accessToken\":\"eyJhbGciOiJSUzI1"))
                .isEqualTo("{\"responseCode\":\"2007300\",\"accessToken\":\"****\"");
    }

    @Test
    void masks_escaped_quotes_inside_a_secret_and_non_string_values() {
        assertThat(Redactor.redactText("{\"refresh_token\":\"a\\\"b\",\"signature\":12345}"))
                .isEqualTo("{\"refresh_token\":\"****\",\"signature\":****}");
    }

    @Test
    void masks_bearer_credentials_anywhere() {
        assertThat(Redactor.redactText("Authorization failed for Bearer eyJabc.def-ghi_jk=")).isEqualTo(
                "Authorization failed for Bearer ****");
    }

    @Test
    void masks_sensitive_header_values_whatever_their_case() {
        assertThat(Redactor.headerValue("x-signature", "abc")).isEqualTo("****");
        assertThat(Redactor.headerValue("AUTHORIZATION", "Bearer abc")).isEqualTo("****");
        assertThat(Redactor.headerValue("X-CLIENT-KEY", "IONPAYTEST")).isEqualTo("IONPAYTEST");
    }
}
