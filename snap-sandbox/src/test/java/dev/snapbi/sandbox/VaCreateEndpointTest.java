package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.jakarta;
import static dev.snapbi.sandbox.Snap.signedToken;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /nicepay/api/v1.0/transfer-va/create-va}, driven by a raw client that builds the symmetric signature
 * by hand with the JDK's HMAC-SHA512: which requests it accepts and how it refuses the others.
 */
class VaCreateEndpointTest {

    private static final String SECRET = "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwt";
    private static final String BODY = "{\"partnerServiceId\":\"  1234\",\"customerNo\":\"000001\","
            + "\"virtualAccountName\":\"John Doe\",\"trxId\":\"TRX-1\",\"totalAmount\":{\"value\":\"10000.00\","
            + "\"currency\":\"IDR\"},\"additionalInfo\":{\"bankCd\":\"BMRI\",\"goodsNm\":\"Tea\"}}";
    private static final String SIGNATURE_ERROR = snapBody("4017300", "Unauthorized. [Signature]");
    private static final String TOKEN_ERROR = snapBody("4017301", "Access Token Invalid");
    private static KeyPair keys;

    private MutableClock clock;
    private SnapSandbox sandbox;
    private String token;
    private int externalIds;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(NOW);
        sandbox = SnapSandbox.builder().clock(clock).start();
        sandbox.registerClient("IONPAYTEST", keys.getPublic(), SECRET);
        token = newToken("IONPAYTEST");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String newToken(String clientKey) {
        HttpResponse<String> response = signedToken(sandbox.baseUrl(), clientKey, keys.getPrivate(),
                jakarta(clock.instant())).send();
        assertThat(response.statusCode()).isEqualTo(200);
        return Snap.accessToken(response.body());
    }

    /** A correctly signed VA call: every part can be overridden before sending. */
    private final class VaCall {
        String method = "POST";
        String path = SnapSandbox.VA_CREATE_PATH;
        String query;
        String body = BODY;
        String signedBody;
        String signedPath;
        String secret = SECRET;
        String accessToken = token;
        String timestamp = jakarta(clock.instant());
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        VaCall() {
            headers.put("Content-Type", new ArrayList<>(List.of("application/json")));
            headers.put("X-PARTNER-ID", new ArrayList<>(List.of("IONPAYTEST")));
            headers.put("X-EXTERNAL-ID", new ArrayList<>(List.of("2024123110114000000" + (++externalIds))));
            headers.put("CHANNEL-ID", new ArrayList<>(List.of("IONPAYTEST01")));
            body = BODY.replace("TRX-1", "TRX-" + externalIds); // a new business reference for every call
        }

        VaCall header(String name, String value) {
            headers.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        String signature() {
            String pathToSign = signedPath != null ? signedPath
                    : path.substring("/nicepay".length()) + (query == null ? "" : "?" + query);
            byte[] bodyBytes = (signedBody != null ? signedBody : body).getBytes(StandardCharsets.UTF_8);
            String stringToSign = method + ":" + pathToSign + ":" + accessToken + ":" + sha256Hex(bodyBytes) + ":"
                    + timestamp;
            return hmac(secret, stringToSign);
        }

        HttpResponse<String> send() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            all.put("Authorization", List.of("Bearer " + accessToken));
            all.put("X-TIMESTAMP", List.of(timestamp));
            all.put("X-SIGNATURE", List.of(signature()));
            all.putAll(headers);
            URI url = sandbox.baseUrl().resolve(path + (query == null ? "" : "?" + query));
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            all.forEach((name, values) -> values.forEach(v -> {
                if (v != null) {
                    request.header(name, v);
                }
            }));
            return Snap.send(request.build());
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void creates_a_virtual_account_for_a_correctly_signed_call_and_echoes_the_request() {
        HttpResponse<String> response = new VaCall().send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"responseCode\":\"2002700\",\"responseMessage\":\"Successful\",\"virtualAccountData\":"
                        + "{\"partnerServiceId\":\"  1234\",\"customerNo\":\"000001\",\"virtualAccountNo\":\"88")
                .matches(".*\"virtualAccountNo\":\"88[0-9]{14}\",\"virtualAccountName\":\"John Doe\","
                        + "\"trxId\":\"TRX-1\",\"totalAmount\":\\{\"value\":\"10000.00\",\"currency\":\"IDR\"},"
                        + "\"additionalInfo\":\\{\"bankCd\":\"BMRI\",\"goodsNm\":\"Tea\","
                        + "\"tXidVA\":\"IONPAYTEST02241231101140[0-9]{4}\"}}}");
        assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
        RecordedRequest recorded = sandbox.recordedRequests().get(sandbox.recordedRequests().size() - 1);
        assertThat(recorded.path()).isEqualTo(SnapSandbox.VA_CREATE_PATH);
        assertThat(recorded.signatureValid()).isTrue();
        assertThat(recorded.responseCode()).isEqualTo("2002700");
    }

    @Test
    void gives_every_account_its_own_number() {
        String first = new VaCall().send().body();
        String second = new VaCall().send().body();
        assertThat(first.replaceAll(".*\"virtualAccountNo\":\"([0-9]+)\".*", "$1"))
                .isNotEqualTo(second.replaceAll(".*\"virtualAccountNo\":\"([0-9]+)\".*", "$1"));
    }

    @Test
    void signs_the_raw_query_with_the_path_and_refuses_a_signature_that_left_it_out() {
        VaCall withQuery = new VaCall();
        withQuery.query = "lang=id&note=a%20b";
        assertThat(withQuery.send().statusCode()).isEqualTo(200);

        VaCall queryNotSigned = new VaCall();
        queryNotSigned.query = "lang=id";
        queryNotSigned.signedPath = "/api/v1.0/transfer-va/create-va";
        assertAnswer(queryNotSigned.send(), 401, SIGNATURE_ERROR);
    }

    @Test
    void refuses_a_tampered_body_a_wrong_secret_and_a_path_signed_with_its_nicepay_prefix() {
        VaCall tampered = new VaCall();
        tampered.signedBody = BODY;
        tampered.body = BODY.replace("10000.00", "10.00");
        assertAnswer(tampered.send(), 401, SIGNATURE_ERROR);

        VaCall wrongSecret = new VaCall();
        wrongSecret.secret = SECRET + "x";
        assertAnswer(wrongSecret.send(), 401, SIGNATURE_ERROR);

        VaCall fullPath = new VaCall();
        fullPath.signedPath = SnapSandbox.VA_CREATE_PATH;
        assertAnswer(fullPath.send(), 401, SIGNATURE_ERROR);

        VaCall prettyPrinted = new VaCall();
        prettyPrinted.signedBody = BODY;
        prettyPrinted.body = BODY.replace(",", ", ");
        assertAnswer(prettyPrinted.send(), 401, SIGNATURE_ERROR);

        assertThat(sandbox.recordedRequests()).filteredOn(r -> r.path().equals(SnapSandbox.VA_CREATE_PATH))
                .extracting(RecordedRequest::signatureValid).containsOnly(false);
        assertThat(sandbox.stats().rejections("4017300")).isEqualTo(4);
    }

    @Test
    void signs_exactly_the_bytes_received_so_a_pretty_printed_body_signed_as_sent_passes() {
        VaCall pretty = new VaCall();
        pretty.body = BODY.replace(",", ",\n  ");
        assertThat(pretty.send().statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_tokens_that_are_unknown_revoked_expired_or_another_partners_with_4017301() {
        VaCall unknown = new VaCall();
        unknown.accessToken = "not-a-token-issued-here";
        assertAnswer(unknown.send(), 401, TOKEN_ERROR);

        sandbox.registerClient("OTHERMERCHANT", keys.getPublic(), SECRET);
        VaCall foreign = new VaCall();
        foreign.accessToken = newToken("OTHERMERCHANT");
        assertAnswer(foreign.send(), 401, TOKEN_ERROR);

        sandbox.revokeToken(token);
        assertAnswer(new VaCall().send(), 401, TOKEN_ERROR);

        token = newToken("IONPAYTEST");
        clock.advance(Duration.ofSeconds(900));
        assertAnswer(new VaCall().send(), 401, TOKEN_ERROR);
        assertThat(sandbox.stats().rejections("4017301")).isEqualTo(4);
    }

    @Test
    void names_a_missing_or_repeated_header_and_a_malformed_timestamp_or_external_id() {
        for (String name : List.of("X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID")) {
            VaCall call = new VaCall();
            call.headers.remove(name);
            assertAnswer(call.send(), 400, snapBody("4002702", "Invalid Mandatory Field [" + name + "]"));
        }
        VaCall repeated = new VaCall();
        repeated.headers.get("CHANNEL-ID").add("IONPAYTEST02");
        assertAnswer(repeated.send(), 400, snapBody("4002701", "Invalid Field Format [CHANNEL-ID]"));

        VaCall badTimestamp = new VaCall();
        badTimestamp.timestamp = "2024-12-31T10:11:40.000+07:00";
        assertAnswer(badTimestamp.send(), 400, snapBody("4002701", "Invalid Field Format [X-TIMESTAMP]"));

        VaCall longId = new VaCall().header("X-EXTERNAL-ID", "1".repeat(37));
        assertAnswer(longId.send(), 400, snapBody("4002701", "Invalid Field Format [X-EXTERNAL-ID]"));

        VaCall noAuthorization = new VaCall();
        HttpRequest.Builder raw = HttpRequest.newBuilder(sandbox.baseUrl().resolve(SnapSandbox.VA_CREATE_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).header("X-TIMESTAMP", noAuthorization.timestamp)
                .header("X-SIGNATURE", noAuthorization.signature());
        noAuthorization.headers.forEach((name, values) -> raw.header(name, values.get(0)));
        assertAnswer(Snap.send(raw.build()), 400, snapBody("4002702", "Invalid Mandatory Field [Authorization]"));
    }

    @Test
    void refuses_a_stale_timestamp_and_an_unknown_partner_under_the_gateways_service_code() {
        VaCall stale = new VaCall();
        stale.timestamp = jakarta(clock.instant().minus(Duration.ofMinutes(5).plusSeconds(1)));
        assertAnswer(stale.send(), 401, snapBody("4017300", "Unauthorized. [Timestamp]"));

        VaCall stranger = new VaCall().header("X-PARTNER-ID", "NOBODY");
        assertAnswer(stranger.send(), 401, snapBody("4017300", "Unauthorized. [Unknown client]"));
    }

    @Test
    void answers_409_to_an_external_id_reused_by_the_partner_on_the_same_jakarta_day_only() {
        sandbox.registerClient("OTHERMERCHANT", keys.getPublic(), SECRET);
        String otherToken = newToken("OTHERMERCHANT");
        // 23:59:58 in Jakarta (16:59:58 UTC)
        clock.set(Instant.parse("2024-12-31T16:59:58Z"));
        token = newToken("IONPAYTEST");

        assertThat(new VaCall().header("X-EXTERNAL-ID", "777").send().statusCode()).isEqualTo(200);
        assertAnswer(new VaCall().header("X-EXTERNAL-ID", "777").send(), 409, snapBody("4097300", "Conflict"));
        VaCall otherPartner = new VaCall().header("X-EXTERNAL-ID", "777").header("X-PARTNER-ID", "OTHERMERCHANT")
                .header("CHANNEL-ID", "OTHERMERCHANT01");
        otherPartner.accessToken = otherToken;
        clock.set(Instant.parse("2024-12-31T16:59:59Z"));
        assertThat(otherPartner.send().statusCode()).isEqualTo(401); // its token expired meanwhile
        otherPartner.accessToken = newToken("OTHERMERCHANT");
        otherPartner.timestamp = jakarta(clock.instant());
        assertThat(otherPartner.send().statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2)); // 00:00:01 on 1 January in Jakarta, still 31 December in UTC
        assertThat(new VaCall().header("X-EXTERNAL-ID", "777").send().statusCode()).isEqualTo(200);
        assertThat(sandbox.stats().rejections("4097300")).isEqualTo(1);
    }

    @Test
    void does_not_burn_an_external_id_on_a_request_that_failed_authentication() {
        VaCall forged = new VaCall().header("X-EXTERNAL-ID", "888");
        forged.secret = "guess";
        assertThat(forged.send().statusCode()).isEqualTo(401);

        assertThat(new VaCall().header("X-EXTERNAL-ID", "888").send().statusCode()).isEqualTo(200);
    }

    @Test
    void names_the_missing_or_malformed_body_field() {
        VaCall notJson = new VaCall();
        notJson.body = "{\"trxId\":";
        assertAnswer(notJson.send(), 400, snapBody("4002700", "Bad Request"));

        VaCall noTrxId = new VaCall();
        noTrxId.body = BODY.replace("\"trxId\":\"TRX-1\",", "");
        assertAnswer(noTrxId.send(), 400, snapBody("4002702", "Invalid Mandatory Field [trxId]"));

        VaCall noValue = new VaCall();
        noValue.body = BODY.replace("\"value\":\"10000.00\",", "");
        assertAnswer(noValue.send(), 400, snapBody("4002702", "Invalid Mandatory Field [totalAmount.value]"));

        VaCall badValue = new VaCall();
        badValue.body = BODY.replace("10000.00", "10000");
        assertAnswer(badValue.send(), 400, snapBody("4002701", "Invalid Field Format [totalAmount.value]"));

        VaCall noAmount = new VaCall();
        noAmount.body = "{\"trxId\":\"TRX-1\"}";
        assertAnswer(noAmount.send(), 400, snapBody("4002702", "Invalid Mandatory Field [totalAmount]"));
    }

    @Test
    void supports_only_post_and_counts_every_request() {
        VaCall get = new VaCall();
        get.method = "PUT";
        assertAnswer(get.send(), 405, snapBody("4052700", "Requested Function Is Not Supported"));
        assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }
}
