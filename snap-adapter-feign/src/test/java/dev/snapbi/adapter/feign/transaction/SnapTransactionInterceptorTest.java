package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import java.time.Duration;
import java.time.Instant;
import dev.snapbi.testing.ManualClock;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interceptor on Feign's own {@link RequestTemplate}, as Feign hands it over on the first attempt and again on
 * every retry; tokens come from the sandbox, signatures from the real HMAC signer.
 */
@ExtendWith(SnapSandboxExtension.class)
class SnapTransactionInterceptorTest {

    private static final List<String> SNAP_HEADERS = List.of("Authorization", "X-TIMESTAMP", "X-SIGNATURE",
            "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID");

    private SandboxClient client;
    private AccessTokenService tokens;
    private ManualClock clock;
    private TransactionSigner signer;

    @BeforeEach
    void setUp(SnapSandbox sandbox, SandboxClient client) {
        this.client = client;
        tokens = FeignAccessTokens.builder().baseUrl(sandbox.baseUrl()).clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey())).build();
        clock = ManualClock.startingAt(Instant.now()).advancingOnEachReading(Duration.ofSeconds(1));
        signer = TransactionSigner.builder().tokens(tokens)
                .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(client.clientSecret())))
                .partnerId(client.clientKey()).profile(ProviderProfile.nicepay(sandbox.baseUrl())).clock(clock)
                .build();
    }

    @AfterEach
    void tearDown() {
        tokens.close();
    }

    private static RequestTemplate template(String method, String uri, String body, String contentType) {
        RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.valueOf(method)).uri(uri);
        if (contentType != null) {
            template.header("Content-Type", contentType);
        }
        if (body != null) {
            template.body(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        return template;
    }

    private static Collection<String> values(RequestTemplate template, String name) {
        return template.headers().getOrDefault(name, List.of());
    }

    private static String first(RequestTemplate template, String name) {
        return values(template, name).iterator().next();
    }

    @Test
    void replaces_the_snap_headers_on_every_application_to_the_same_template_never_appending() {
        SnapTransactionInterceptor interceptor = SnapTransactionInterceptor.create(signer);
        RequestTemplate template = template("POST", "/nicepay/api/v1.0/transfer-va/create-va", "{\"a\":1}",
                "application/json");
        template.header("X-EXTERNAL-ID", "set-by-hand"); // a stale value from elsewhere is replaced too

        interceptor.apply(template);
        String timestamp = first(template, "X-TIMESTAMP");
        String externalId = first(template, "X-EXTERNAL-ID");
        String signature = first(template, "X-SIGNATURE");
        interceptor.apply(template); // what Feign does before a retry

        for (String name : SNAP_HEADERS) {
            assertThat(values(template, name)).as(name).hasSize(1);
        }
        assertThat(first(template, "X-TIMESTAMP")).isNotEqualTo(timestamp);
        assertThat(first(template, "X-EXTERNAL-ID")).isNotEqualTo(externalId).isNotEqualTo("set-by-hand");
        assertThat(first(template, "X-SIGNATURE")).isNotEqualTo(signature);
        assertThat(first(template, "Authorization")).isEqualTo(tokens.accessToken().authorizationHeader());
        assertThat(first(template, "X-PARTNER-ID")).isEqualTo(client.clientKey());
        assertThat(first(template, "CHANNEL-ID")).isEqualTo(client.clientKey() + "01");
        assertThat(values(template, "Content-Type")).containsExactly("application/json");
    }

    @Test
    void signs_the_path_the_request_will_really_go_to_with_the_target_path_and_raw_query() {
        RequestTemplate template = template("GET", "/api/v1.0/transfer-va/status?trxId=TRX%201", null, null);
        template.feignTarget(new Target.HardCodedTarget<>(Object.class, "http://127.0.0.1:1/nicepay/"));
        assertThat(SnapTransactionInterceptor.requestTarget(template))
                .isEqualTo("/nicepay/api/v1.0/transfer-va/status?trxId=TRX%201");

        template.target("http://127.0.0.1:1/nicepay"); // what the target does before the first send
        assertThat(SnapTransactionInterceptor.requestTarget(template))
                .isEqualTo("/nicepay/api/v1.0/transfer-va/status?trxId=TRX%201");

        SnapTransactionInterceptor.create(signer).apply(template);
        SnapTimestamp timestamp = SnapTimestamp.parse(first(template, "X-TIMESTAMP"));
        StringToSign expected = StringToSign.symmetric("GET", "/api/v1.0/transfer-va/status?trxId=TRX%201",
                tokens.accessToken(), new byte[0], timestamp);
        assertThat(first(template, "X-SIGNATURE"))
                .isEqualTo(HmacSha512Signer.create(ClientSecret.of(client.clientSecret())).sign(expected).value());
        assertThat(values(template, "Content-Type")).as("no body, no content type").isEmpty();
    }

    @Test
    void compacts_a_pretty_json_body_keeping_whitespace_inside_strings_and_signs_what_is_sent() {
        String pretty = "{\n  \"virtualAccountName\" : \"John  Doe\",\n  \"note\" : \"a \\\" b\"\n}";
        RequestTemplate template = template("POST", "/nicepay/api/v1.0/transfer-va/create-va", pretty, null);

        SnapTransactionInterceptor.create(signer).apply(template);

        String sent = new String(template.body(), StandardCharsets.UTF_8);
        assertThat(sent).isEqualTo("{\"virtualAccountName\":\"John  Doe\",\"note\":\"a \\\" b\"}");
        assertThat(values(template, "Content-Length")).containsExactly(String.valueOf(template.body().length));
        assertThat(values(template, "Content-Type")).containsExactly("application/json");
        StringToSign expected = StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va",
                tokens.accessToken(), template.body(), SnapTimestamp.parse(first(template, "X-TIMESTAMP")));
        assertThat(first(template, "X-SIGNATURE"))
                .isEqualTo(HmacSha512Signer.create(ClientSecret.of(client.clientSecret())).sign(expected).value());
    }

    @Test
    void leaves_bodies_that_are_not_json_and_bodies_it_was_told_to_keep_as_they_are() {
        String form = "a = 1 & b = 2";
        RequestTemplate formTemplate = template("POST", "/nicepay/api/x", form, "application/x-www-form-urlencoded");
        SnapTransactionInterceptor.create(signer).apply(formTemplate);
        assertThat(new String(formTemplate.body(), StandardCharsets.UTF_8)).isEqualTo(form);

        String pretty = "{ \"a\" : 1 }";
        RequestTemplate kept = template("POST", "/nicepay/api/x", pretty, "application/json");
        SnapTransactionInterceptor.builder().signer(signer).compactJson(false).build().apply(kept);
        assertThat(new String(kept.body(), StandardCharsets.UTF_8)).isEqualTo(pretty);
    }

    @Test
    void sends_and_signs_text_that_only_looks_like_json_byte_for_byte() {
        for (String notJson : new String[] {"{'a': 'John Doe'}", "{\"a\": 1} trailing", "[1, 2, ]"}) {
            RequestTemplate template = template("POST", "/nicepay/api/v1.0/transfer-va/create-va", notJson,
                    "application/json");

            SnapTransactionInterceptor.create(signer).apply(template);

            assertThat(new String(template.body(), StandardCharsets.UTF_8)).isEqualTo(notJson);
            StringToSign expected = StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va",
                    tokens.accessToken(), notJson.getBytes(StandardCharsets.UTF_8),
                    SnapTimestamp.parse(first(template, "X-TIMESTAMP")));
            assertThat(first(template, "X-SIGNATURE")).isEqualTo(
                    HmacSha512Signer.create(ClientSecret.of(client.clientSecret())).sign(expected).value());
        }
    }

    @Test
    void shows_no_secret_in_to_string() {
        SnapTransactionInterceptor interceptor = SnapTransactionInterceptor.create(signer);
        assertThat(interceptor.toString()).contains(client.clientKey()).doesNotContain(client.clientSecret())
                .doesNotContain(tokens.accessToken().value());
    }

    @Test
    void the_signer_is_reachable_for_callers_that_build_their_own_capability() {
        assertThat(SnapTransactionInterceptor.create(signer).signer()).isSameAs(signer);
    }
}
