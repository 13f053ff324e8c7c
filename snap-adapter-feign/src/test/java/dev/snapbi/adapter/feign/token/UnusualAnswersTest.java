package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.ScriptedHttpServer;
import dev.snapbi.adapter.feign.TestSupport;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import static dev.snapbi.adapter.feign.TestSupport.fastRetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Answers the sandbox does not give, from a scripted loopback server: what the port accepts and what it refuses.
 */
class UnusualAnswersTest {

    private static TokenRequestSupplier requests;

    @BeforeAll
    static void signer() {
        requests = B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"),
                RsaSigner.create(RsaKeyPairs.generate().privateKey()), Clock.systemUTC(), SnapTimestamp.JAKARTA);
    }

    private static FeignTokenEndpoint endpoint(ScriptedHttpServer server) {
        return FeignTokenEndpoint.builder().baseUrl(server.baseUrl()).readTimeout(Duration.ofSeconds(2))
                .retryConfig(fastRetry(2)).build();
    }

    private static String success(String token, String expiresIn) {
        return "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\"" + token
                + "\",\"tokenType\":\"Bearer\",\"expiresIn\":" + expiresIn + "}";
    }

    @Test
    void accepts_expires_in_as_a_json_number_and_ignores_unknown_fields() throws Exception {
        String body = "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\"abc.def.ghi\","
                + "\"tokenType\":\"Bearer\",\"expiresIn\":900,\"additionalInfo\":{\"x\":[1,2]},\"newField\":true}";
        try (ScriptedHttpServer server = ScriptedHttpServer.json(200, body)) {
            TokenGrant grant = endpoint(server).requestToken(requests);

            assertThat(grant.accessToken()).isEqualTo("abc.def.ghi");
            assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(900));
        }
    }

    @Test
    void accepts_a_token_of_exactly_2048_characters() throws Exception {
        String token = "t".repeat(2048);
        try (ScriptedHttpServer server = ScriptedHttpServer.json(200, success(token, "\"900\""))) {
            assertThat(endpoint(server).requestToken(requests).accessToken()).hasSize(2048);
        }
    }

    @Test
    void refuses_a_token_over_2048_characters_as_a_protocol_error_without_retrying() throws Exception {
        String token = "t".repeat(3000);
        try (ScriptedHttpServer server = ScriptedHttpServer.json(200, success(token, "\"900\""))) {
            SnapProtocolException error = catchThrowableOfType(SnapProtocolException.class,
                    () -> endpoint(server).requestToken(requests));

            assertThat(error.getMessage()).contains("3000 characters, more than the 2048 allowed")
                    .contains("POST /nicepay/v1.0/access-token/b2b").doesNotContain("ttttttttt");
            assertThat(error.httpStatus()).hasValue(200);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void refuses_a_missing_or_non_numeric_expires_in() throws Exception {
        for (String expiresIn : new String[] {"null", "\"15m\"", "-5", "9.5", "{}"}) {
            try (ScriptedHttpServer server = ScriptedHttpServer.json(200, success("abc", expiresIn))) {
                SnapProtocolException error = catchThrowableOfType(SnapProtocolException.class,
                        () -> endpoint(server).requestToken(requests));
                assertThat(error.getMessage()).as(expiresIn).contains("expiresIn");
            }
        }
    }

    @Test
    void refuses_a_chunked_body_over_64_kib_after_reading_at_most_one_byte_more() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"responseCode\":\"2007300\",\"pad\":\"".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10 * 1024; i++) { // 10 MiB, if anyone reads it all
                    out.write(chunk);
                }
            } catch (java.io.IOException closedByClient) {
                // the client stopped reading: that is the point
            }
        })) {
            SnapProtocolException error = catchThrowableOfType(SnapProtocolException.class,
                    () -> endpoint(server).requestToken(requests));

            assertThat(error.getMessage()).contains("larger than 64 KiB");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void a_body_that_stalls_after_the_headers_times_out_instead_of_hanging() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 500);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"responseCode\":\"2007300\",".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(30_000); // the rest never comes (interrupted when the server closes)
        })) {
            FeignTokenEndpoint endpoint = FeignTokenEndpoint.builder().baseUrl(server.baseUrl())
                    .readTimeout(Duration.ofMillis(300)).retryConfig(fastRetry(2)).build();

            SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                    () -> endpoint.requestToken(requests));

            assertThat(error.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(error.getMessage()).contains("read timeout (300 ms)");
            assertThat(server.requests()).as("a timeout is retried").isEqualTo(2);
        }
    }

    @Test
    void a_retry_after_http_date_is_read_relative_to_the_clock() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.answering(exchange -> {
            byte[] body = "{\"responseCode\":\"5037300\",\"responseMessage\":\"Service Unavailable\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "Tue, 31 Dec 2024 03:12:10 GMT");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
        })) {
            FeignTokenEndpoint endpoint = FeignTokenEndpoint.builder().baseUrl(server.baseUrl())
                    .clock(Clock.fixed(java.time.Instant.parse("2024-12-31T03:11:40Z"), java.time.ZoneOffset.UTC))
                    .retryConfig(fastRetry(1)).build();

            SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                    () -> endpoint.requestToken(requests));

            assertThat(error.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(error.retryAfter()).contains(Duration.ofSeconds(30));
        }
    }
}
