package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.get;
import static dev.snapbi.sandbox.Snap.post;
import static dev.snapbi.sandbox.Snap.signedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The /_sandbox admin endpoints over raw HTTP: JSON in, JSON out. */
class AdminEndpointsTest {

    private static KeyPair keys;
    private SnapSandbox sandbox;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @BeforeEach
    void start() {
        sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start();
        sandbox.registerClient("IONPAYTEST", keys.getPublic());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private URI admin(String path) {
        return sandbox.baseUrl().resolve("/_sandbox/" + path);
    }

    private Snap.TokenCall token() {
        return signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(), NOW_TEXT);
    }

    private static void assertJson(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"fault\":\"fail\",\"status\":500,\"responseCode\":\"5007300\",\"responseMessage\":\"General Error\"}|500",
            "{\"fault\":\"html\",\"status\":503}|503",
            "{\"fault\":\"html\"}|502",
            "{\"fault\":\"tooManyRequests\",\"retryAfterSeconds\":2}|429",
            "{\"fault\":\"malformed\"}|200",
            "{\"fault\":\"truncated\"}|200",
            "{\"fault\":\"oversized\"}|200",
            "{\"fault\":\"delayNext\",\"millis\":1}|200",
            "{\"fault\":\"random\",\"probability\":1,\"seed\":5,\"delayMillis\":0}|500"})
    void queues_a_fault_that_the_next_token_request_gets(String fault, int status) {
        assertJson(post(admin("faults"), fault), 200);
        HttpResponse<String> response = token().send();
        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(fault.contains("delayNext") ? 1 : 0);
        }
    }

    @Test
    void queues_dropped_connections() {
        assertJson(post(admin("faults"), "{\"fault\":\"drop\",\"count\":2}"), 200);
        assertThatThrownBy(() -> token().sendOrThrow()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> token().sendOrThrow()).isInstanceOf(IOException.class);
        assertThat(token().send().statusCode()).isEqualTo(200);
    }

    @Test
    void shows_and_clears_the_fault_plan() {
        post(admin("faults"), "{\"fault\":\"delay\",\"millis\":5}");
        post(admin("faults"), "{\"fault\":\"drop\",\"count\":2}");
        HttpResponse<String> added = post(admin("faults"),
                "{\"fault\":\"fail\",\"count\":1,\"status\":504,\"responseCode\":\"5047300\",\"responseMessage\":\"Timeout\"}");

        String plan = "{\"delayMillis\":5,\"queue\":[{\"fault\":\"drop\",\"remaining\":2},{\"fault\":\"fail\","
                + "\"status\":504,\"responseCode\":\"5047300\",\"responseMessage\":\"Timeout\",\"remaining\":1}],"
                + "\"random\":null}";
        assertThat(added.body()).isEqualTo(plan);
        assertThat(get(admin("faults")).body()).isEqualTo(plan);
        assertThat(sandbox.faults().pending()).isEqualTo(3);

        HttpResponse<String> cleared = post(admin("faults/clear"), "");
        assertJson(cleared, 200);
        assertThat(cleared.body()).isEqualTo("{\"delayMillis\":0,\"queue\":[],\"random\":null}");
        assertThat(sandbox.faults().pending()).isZero();
    }

    @Test
    void shows_the_random_mode() {
        post(admin("faults"), "{\"fault\":\"random\",\"probability\":0.25,\"seed\":9,\"delayMillis\":30}");
        assertThat(get(admin("faults")).body()).isEqualTo("{\"delayMillis\":0,\"queue\":[],"
                + "\"random\":{\"probability\":0.25,\"seed\":9,\"delayMillis\":30}}");
    }

    @Test
    void reports_and_resets_stats() {
        token().send();
        token().header("X-CLIENT-KEY", "NOBODY").send();
        token().method("GET").send();
        Snap.ping(sandbox.baseUrl(), "Bearer nope");

        HttpResponse<String> stats = get(admin("stats"));
        assertJson(stats, 200);
        assertThat(stats.body()).isEqualTo("{\"tokenRequests\":3,\"tokensIssued\":1,\"pingRequests\":1,"
                + "\"vaRequests\":0,"
                + "\"rejectionsByCode\":{\"4017300\":1,\"4017301\":1,\"4057300\":1},"
                + "\"requestsByPath\":{\"/nicepay/api/v1.0/ping\":1,\"/nicepay/v1.0/access-token/b2b\":3}}");

        HttpResponse<String> reset = post(admin("stats/reset"), "{}");
        assertThat(reset.body()).isEqualTo("{\"tokenRequests\":0,\"tokensIssued\":0,\"pingRequests\":0,"
                + "\"vaRequests\":0,"
                + "\"rejectionsByCode\":{},\"requestsByPath\":{}}");
        assertThat(sandbox.stats().tokenRequests()).isZero();
    }

    @Test
    void lists_recorded_requests_with_the_signature_hidden() {
        token().send();

        HttpResponse<String> requests = get(admin("requests"));

        assertJson(requests, 200);
        assertThat(requests.body()).startsWith("{\"requests\":[{\"method\":\"POST\",\"path\":\""
                        + SnapSandbox.TOKEN_PATH + "\",\"headers\":{")
                .contains("\"X-client-key\":[\"IONPAYTEST\"]", "\"X-timestamp\":[\"" + NOW_TEXT + "\"]",
                        "\"X-signature\":[\"****\"]")
                .contains("\"body\":\"{\\\"grantType\\\":\\\"client_credentials\\\",\\\"additionalInfo\\\":{}}\"")
                .endsWith("\"truncated\":false,\"signatureValid\":true,\"status\":200,\"responseCode\":\"2007300\"}],"
                        + "\"total\":1,\"offset\":0,\"nextOffset\":null}");
        assertThat(requests.body()).doesNotContain(Snap.sign(keys.getPrivate(), "IONPAYTEST|" + NOW_TEXT));

        assertThat(post(admin("requests/clear"), "").body()).isEqualTo("{\"requests\":[]}");
        assertThat(sandbox.recordedRequests()).isEmpty();
    }

    @Test
    void registers_a_client_with_its_pem_public_key() throws Exception {
        KeyPair other = Snap.newRsaKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(other.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String json = "{\"clientKey\":\"MERCHANT2\",\"publicKey\":" + jsonString(pem)
                + ",\"clientSecret\":\"s3cret\"}";

        HttpResponse<String> response = post(admin("clients"), json);

        assertJson(response, 200);
        assertThat(response.body()).startsWith("{\"clientKey\":\"MERCHANT2\",\"publicKey\":\"-----BEGIN PUBLIC KEY-----")
                .doesNotContain("privateKey").endsWith(",\"clientSecret\":\"s3cret\"}");
        assertThat(signedToken(sandbox.baseUrl(), "MERCHANT2", other.getPrivate(), NOW_TEXT).send().statusCode())
                .isEqualTo(200);
        assertThat(sandbox.clients()).extracting(SandboxClient::clientKey).containsExactly("IONPAYTEST", "MERCHANT2");
        assertThat(get(admin("clients")).body()).contains("\"clientKey\":\"MERCHANT2\"");
    }

    @Test
    void registers_a_client_with_a_generated_key_pair_and_hands_back_its_private_key() throws Exception {
        HttpResponse<String> response = post(admin("clients"), "{\"clientKey\":\"GENERATED\"}");

        assertJson(response, 200);
        Matcher m = Pattern.compile("\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\\\n(.*?)\\\\n-----END PRIVATE KEY")
                .matcher(response.body());
        assertThat(m.find()).isTrue();
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(m.group(1).replace("\\n", "\n"))));
        assertThat(response.body()).containsPattern("\"clientSecret\":\"[A-Za-z0-9_-]{43}\"");

        assertThat(signedToken(sandbox.baseUrl(), "GENERATED", privateKey, NOW_TEXT).send().statusCode())
                .isEqualTo(200);
    }

    @Test
    void revokes_one_token_or_all() {
        String first = Snap.accessToken(token().send().body());
        String second = Snap.accessToken(token().send().body());
        String third = Snap.accessToken(token().send().body());

        assertThat(post(admin("tokens/revoke"), "{\"accessToken\":\"" + first + "\"}").body())
                .isEqualTo("{\"revoked\":1}");
        assertThat(sandbox.isTokenActive(first)).isFalse();
        assertThat(sandbox.isTokenActive(second)).isTrue();
        assertThat(post(admin("tokens/revoke"), "{\"accessToken\":\"" + first + "\"}").body())
                .isEqualTo("{\"revoked\":0}");
        assertThat(post(admin("tokens/revoke"), "{\"all\":true}").body()).isEqualTo("{\"revoked\":2}");
        assertThat(sandbox.isTokenActive(third)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "POST|faults|{not json|400|the body is not a JSON object",
            "POST|faults|[]|400|the body is not a JSON object",
            "POST|faults|{}|400|say which fault",
            "POST|faults|{\"fault\":\"explode\"}|400|unknown fault 'explode'",
            "POST|faults|{\"fault\":\"drop\",\"count\":0}|400|'count' must be between 1 and 1000000",
            "POST|faults|{\"fault\":\"drop\",\"count\":1.5}|400|'count' must be an integer",
            "POST|faults|{\"fault\":\"fail\",\"status\":500}|400|a response code has",
            "POST|faults|{\"fault\":\"html\",\"status\":200}|400|an HTML error page has a status of 400..599",
            "POST|faults|{\"fault\":\"delay\",\"millis\":3600000}|400|a delay is between 0 and 10 minutes",
            "POST|faults|{\"fault\":\"random\",\"probability\":2}|400|the probability must be between 0 and 1",
            "POST|faults|{\"fault\":\"random\"}|400|'probability' is required",
            "POST|clients|{\"publicKey\":\"x\"}|400|give a clientKey",
            "POST|clients|{\"clientKey\":\"A\",\"publicKey\":\"bm90IGEga2V5\"}|400|not an RSA public key",
            "POST|clients|{\"clientKey\":\"A B\"}|400|a client key holds visible ASCII",
            "POST|tokens/revoke|{}|400|give {\\\"accessToken\\\"",
            "GET|faults/clear||405|use POST here, not GET",
            "DELETE|stats||405|use GET here, not DELETE",
            "GET|nothing-here||404|no admin endpoint at /_sandbox/nothing-here"})
    void answers_json_errors_that_say_what_to_do(String method, String path, String body, int status,
                                                 String message) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = Snap.send(HttpRequest.newBuilder(admin(path)).method(method, publisher)
                .header("Content-Type", "application/json").build());

        assertJson(response, status);
        assertThat(response.body()).startsWith("{\"error\":\"").contains(message);
        assertThat(sandbox.faults().pending()).isZero();
    }

    @Test
    void admin_requests_are_not_counted_as_traffic() {
        get(admin("stats"));
        post(admin("faults/clear"), "");
        assertThat(sandbox.stats()).isEqualTo(new SandboxStats(0, 0, 0, 0, java.util.Map.of(), java.util.Map.of()));
        assertThat(sandbox.recordedRequests()).isEmpty();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r") + "\"";
    }
}
