package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.jakarta;
import static dev.snapbi.sandbox.Snap.sign;
import static dev.snapbi.sandbox.Snap.signedToken;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint over raw HTTP, with signatures made by plain JCA in the test. */
class B2bTokenEndpointTest {

    private static final String CLIENT = "IONPAYTEST";
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static SnapSandbox sandbox;

    @BeforeAll
    static void start() {
        keys = Snap.newRsaKeyPair();
        otherKeys = Snap.newRsaKeyPair();
        sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start();
        sandbox.registerClient(CLIENT, keys.getPublic());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Snap.TokenCall valid() {
        return signedToken(sandbox.baseUrl(), CLIENT, keys.getPrivate(), NOW_TEXT);
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(snapBody(code, message));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void issues_a_bearer_token_to_a_correctly_signed_request() {
        HttpResponse<String> response = valid().send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(response.body().length()));
        assertThat(response.body()).matches("\\{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
                + "\"accessToken\":\"[A-Za-z0-9_.-]{64,2048}\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}");
        assertThat(sandbox.isTokenActive(Snap.accessToken(response.body()))).isTrue();
    }

    @Test
    void issues_a_different_token_for_every_request() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(Snap.accessToken(valid().send().body()));
        }
        assertThat(tokens).hasSize(20);
    }

    @Test
    void sends_the_configured_token_lifetime_as_expiresIn_seconds() {
        try (SnapSandbox shortLived = SnapSandbox.builder().clock(new MutableClock(NOW))
                .tokenLifetime(Duration.ofSeconds(60)).start()) {
            shortLived.registerClient(CLIENT, keys.getPublic());
            HttpResponse<String> response = signedToken(shortLived.baseUrl(), CLIENT, keys.getPrivate(), NOW_TEXT)
                    .send();
            assertThat(response.body()).contains("\"expiresIn\":\"60\"");
        }
    }

    @Test
    void accepts_a_body_without_additionalInfo_and_a_json_content_type_with_parameters() {
        assertThat(valid().body("{\"grantType\":\"client_credentials\"}").send().statusCode()).isEqualTo(200);
        assertThat(valid().header("Content-Type", "application/json; charset=UTF-8").send().statusCode())
                .isEqualTo(200);
        assertThat(valid().header("Content-Type", "Application/JSON").send().statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE"})
    void names_the_missing_mandatory_header(String header) {
        assertAnswer(valid().without(header).send(), 400, "4007302", "Invalid Mandatory Field [" + header + "]");
    }

    @Test
    void treats_an_empty_header_as_missing() {
        assertAnswer(valid().header("X-SIGNATURE", "").send(), 400, "4007302",
                "Invalid Mandatory Field [X-SIGNATURE]");
    }

    @Test
    void refuses_a_header_sent_twice() {
        assertAnswer(valid().addHeader("X-TIMESTAMP", NOW_TEXT).send(), 400, "4007301",
                "Invalid Field Format [X-TIMESTAMP]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"})
    void refuses_a_content_type_other_than_json(String contentType) {
        assertAnswer(valid().header("Content-Type", contentType).send(), 400, "4007301",
                "Invalid Field Format [Content-Type]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-12-31T10:11:40.123+07:00", // fractions
            "2024-12-31T10:11:40+0700",      // offset without colon
            "2024-12-31T10:11:40",           // no offset
            "2024-12-31 10:11:40+07:00",     // space instead of T
            "2024-02-30T10:11:40+07:00",     // no such day
            "2024-12-31T24:00:00+07:00",     // no such hour
            "2024-12-31T10:11+07:00",        // no seconds
            "2024-12-31T10:11:40+25:00",     // no such offset
            "1735614700",                    // epoch seconds
            "31-12-2024T10:11:40+07:00"})
    void refuses_a_malformed_timestamp_even_when_it_is_signed(String timestamp) {
        HttpResponse<String> response = signedToken(sandbox.baseUrl(), CLIENT, keys.getPrivate(), timestamp).send();
        assertAnswer(response, 400, "4007301", "Invalid Field Format [X-TIMESTAMP]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-12-31T03:11:40Z", "2024-12-30T22:11:40-05:00", "2024-12-31T10:11:40+07:00"})
    void accepts_any_offset_that_names_the_same_instant(String timestamp) {
        assertThat(signedToken(sandbox.baseUrl(), CLIENT, keys.getPrivate(), timestamp).send().statusCode())
                .isEqualTo(200);
    }

    @Test
    void accepts_timestamps_at_the_edges_of_the_five_minute_window() {
        for (Duration skew : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(-5)}) {
            String timestamp = jakarta(NOW.plus(skew));
            assertThat(signedToken(sandbox.baseUrl(), CLIENT, keys.getPrivate(), timestamp).send().statusCode())
                    .as("skew %s", skew).isEqualTo(200);
        }
    }

    @Test
    void refuses_timestamps_just_outside_the_window_either_side() {
        for (Duration skew : new Duration[] {Duration.ofSeconds(301), Duration.ofSeconds(-301)}) {
            String timestamp = jakarta(NOW.plus(skew));
            assertAnswer(signedToken(sandbox.baseUrl(), CLIENT, keys.getPrivate(), timestamp).send(), 401,
                    "4017300", "Unauthorized. [Timestamp]");
        }
    }

    @Test
    void refuses_local_utc_time_with_a_hand_appended_jakarta_offset() {
        // pitfall 1: a UTC host formatting its local time and appending "+07:00" is seven hours off
        String timestamp = "2024-12-31T03:11:40+07:00";
        assertAnswer(signedToken(sandbox.baseUrl(), CLIENT, keys.getPrivate(), timestamp).send(), 401, "4017300",
                "Unauthorized. [Timestamp]");
    }

    @Test
    void uses_the_configured_timestamp_window() {
        try (SnapSandbox strict = SnapSandbox.builder().clock(new MutableClock(NOW))
                .timestampWindow(Duration.ofSeconds(30)).start()) {
            strict.registerClient(CLIENT, keys.getPublic());
            assertThat(signedToken(strict.baseUrl(), CLIENT, keys.getPrivate(), jakarta(NOW.plusSeconds(30)))
                    .send().statusCode()).isEqualTo(200);
            assertThat(signedToken(strict.baseUrl(), CLIENT, keys.getPrivate(), jakarta(NOW.plusSeconds(31)))
                    .send().body()).isEqualTo(snapBody("4017300", "Unauthorized. [Timestamp]"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{", "[]", "\"client_credentials\"",
            "{\"grantType\":\"client_credentials\"} {}", "{\"grantType\":\"client_credentials\",}",
            "{'grantType':'client_credentials'}", "{\"grantType\":\"client_credentials\",\"grantType\":\"x\"}"})
    void answers_bad_request_to_a_body_that_is_not_one_json_object(String body) {
        assertAnswer(valid().body(body).send(), 400, "4007300", "Bad Request");
    }

    @Test
    void answers_bad_request_to_a_body_that_is_not_utf8() {
        byte[] latin1 = "{\"grantType\":\"client_credentials\",\"x\":\"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertAnswer(valid().body(latin1).send(), 400, "4007300", "Bad Request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"grantType\":null}", "{\"additionalInfo\":{}}"})
    void names_a_missing_grant_type(String body) {
        assertAnswer(valid().body(body).send(), 400, "4007302", "Invalid Mandatory Field [grantType]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"grantType\":\"password\"}", "{\"grantType\":\"CLIENT_CREDENTIALS\"}",
            "{\"grantType\":42}", "{\"grantType\":[\"client_credentials\"]}", "{\"grantType\":\"\"}"})
    void refuses_any_grant_type_but_client_credentials(String body) {
        assertAnswer(valid().body(body).send(), 400, "4007301", "Invalid Field Format [grantType]");
    }

    @Test
    void refuses_an_unknown_client_even_with_a_good_signature() {
        HttpResponse<String> response = signedToken(sandbox.baseUrl(), "NOBODY", keys.getPrivate(), NOW_TEXT).send();
        assertAnswer(response, 401, "4017300", "Unauthorized. [Unknown client]");
    }

    @Test
    void refuses_a_signature_made_with_another_key() {
        HttpResponse<String> response = signedToken(sandbox.baseUrl(), CLIENT, otherKeys.getPrivate(), NOW_TEXT)
                .send();
        assertAnswer(response, 401, "4017300", "Unauthorized. [Signature]");
    }

    @Test
    void refuses_a_signature_over_another_timestamp_than_the_header() {
        // pitfall 2: header and string-to-sign from two clock reads
        String signedOneSecondLater = sign(keys.getPrivate(), CLIENT + "|" + jakarta(NOW.plusSeconds(1)));
        assertAnswer(valid().header("X-SIGNATURE", signedOneSecondLater).send(), 401, "4017300",
                "Unauthorized. [Signature]");
    }

    @Test
    void refuses_a_signature_over_another_string() {
        for (String text : new String[] {CLIENT + NOW_TEXT, NOW_TEXT + "|" + CLIENT, CLIENT + "|" + NOW_TEXT + "\n",
                CLIENT.toLowerCase() + "|" + NOW_TEXT}) {
            assertAnswer(valid().header("X-SIGNATURE", sign(keys.getPrivate(), text)).send(), 401, "4017300",
                    "Unauthorized. [Signature]");
        }
    }

    @Test
    void refuses_signatures_that_are_not_standard_padded_base64() {
        String good = sign(keys.getPrivate(), CLIENT + "|" + NOW_TEXT);
        assertThat(good).endsWith("==").containsAnyOf("+", "/");
        String[] bad = {"!!!!", "AAAA", good.replace('+', '-').replace('/', '_'), good.replace("=", ""),
                good.substring(4), " " + good.substring(1), good + "AAAA"};
        for (String signature : bad) {
            assertAnswer(valid().header("X-SIGNATURE", signature).send(), 401, "4017300",
                    "Unauthorized. [Signature]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void answers_method_not_supported_to_other_methods(String method) {
        assertAnswer(valid().method(method).send(), 405, "4057300", "Requested Function Is Not Supported");
    }

    @Test
    void answers_head_with_405_and_no_body() {
        HttpResponse<String> response = valid().method("HEAD").send();
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void refuses_a_body_over_64_kib_with_413() {
        String big = "{\"grantType\":\"client_credentials\",\"pad\":\"" + "x".repeat(100 * 1024) + "\"}";
        assertAnswer(valid().body(big).send(), 413, "4137300", "Request Entity Too Large");
    }

    @Test
    void refuses_a_chunked_body_over_64_kib_with_413() {
        byte[] big = ("{\"grantType\":\"client_credentials\",\"pad\":\"" + "x".repeat(80 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length: the JDK client sends it chunked
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));
        assertAnswer(valid().body(chunked).send(), 413, "4137300", "Request Entity Too Large");
    }

    @Test
    void accepts_a_body_of_exactly_64_kib() {
        String prefix = "{\"grantType\":\"client_credentials\",\"pad\":\"";
        String body = prefix + "x".repeat(64 * 1024 - prefix.length() - 2) + "\"}";
        assertThat(body.length()).isEqualTo(64 * 1024);
        assertThat(valid().body(body).send().statusCode()).isEqualTo(200);
    }

    @Test
    void answers_404_on_unknown_paths() {
        HttpResponse<String> response = valid().path("/nicepay/api/v1.0/access-token/b2b").send();
        assertAnswer(response, 404, "4040000", "Not Found");
    }

    @Test
    void checks_the_timestamp_before_the_client_and_the_client_before_the_signature() {
        String stale = jakarta(NOW.minusSeconds(3600));
        assertThat(signedToken(sandbox.baseUrl(), "NOBODY", otherKeys.getPrivate(), stale).send().body())
                .isEqualTo(snapBody("4017300", "Unauthorized. [Timestamp]"));
        assertThat(signedToken(sandbox.baseUrl(), "NOBODY", otherKeys.getPrivate(), NOW_TEXT).send().body())
                .isEqualTo(snapBody("4017300", "Unauthorized. [Unknown client]"));
    }
}
