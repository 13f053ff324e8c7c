package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.TestSupport;
import java.time.Instant;
import dev.snapbi.testing.ManualClock;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.snapbi.adapter.feign.TestSupport.awaitRecorded;
import static dev.snapbi.adapter.feign.TestSupport.endpointFor;
import static dev.snapbi.adapter.feign.TestSupport.fastRetry;
import static dev.snapbi.adapter.feign.TestSupport.requestsFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Feign token endpoint against the real sandbox on loopback, signing with real RSA keys. */
@ExtendWith(SnapSandboxExtension.class)
class FeignTokenEndpointTest {

    private SnapSandbox sandbox;
    private SandboxClient client;
    private FeignTokenEndpoint endpoint;

    @BeforeEach
    void setUp(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
        sandbox.resetStats();
        sandbox.clearRecordedRequests();
        endpoint = endpointFor(sandbox).build();
    }

    @Test
    void gets_a_token_with_the_snap_headers_and_compact_body() {
        TokenGrant grant = endpoint.requestToken(requestsFor(client));

        assertThat(grant.responseCode().value()).isEqualTo("2007300");
        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(900));
        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();

        RecordedRequest sent = sandbox.recordedRequests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/nicepay/v1.0/access-token/b2b");
        assertThat(sent.signatureValid()).isTrue();
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("X-CLIENT-KEY")).isEqualTo(client.clientKey());
        assertThat(sent.header("X-TIMESTAMP")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(sent.body()).isEqualTo(TokenRequest.BODY);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void the_token_url_is_the_profiles_path_under_the_environment_root() {
        assertThat(endpoint.profile().tokenUrl().toString())
                .isEqualTo(sandbox.baseUrl() + ProviderProfile.NICEPAY_TOKEN_PATH);
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource({
            "400, 4007300, Bad Request, SnapBadRequestException",
            "400, 4007301, Invalid Field Format X-TIMESTAMP, SnapBadRequestException",
            "400, 4007302, Invalid Mandatory Field X-SIGNATURE, SnapBadRequestException",
            "401, 4017300, Unauthorized. [Signature], SnapAuthenticationException",
            "403, 4037301, Feature Not Allowed, SnapRejectedException",
            "404, 4047316, Partner Not Found, SnapRejectedException",
            "409, 4097300, Conflict, SnapRejectedException",
            "405, 4057300, Requested Function Is Not Supported, SnapRejectedException",
    })
    void maps_every_rejection_to_its_type_and_never_retries_it(int status, String code, String message,
                                                                 String type) {
        sandbox.faults().failNext(1, status, code, message);

        SnapException error = catchThrowableOfType(SnapException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.getClass().getSimpleName()).isEqualTo(type);
        assertThat(error).isInstanceOf(SnapRejectedException.class);
        assertThat(error.responseCode()).contains(ResponseCode.parse(code));
        assertThat(error.httpStatus()).hasValue(status);
        assertThat(error.serverMessage()).contains(message);
        assertThat(error.request()).contains("POST /nicepay/v1.0/access-token/b2b");
        assertThat(error.getMessage()).startsWith(code + " " + message).contains("from POST /nicepay/v1.0/access-token/b2b");
        assertThat(error.isRetryable()).isFalse();
        assertThat(sandbox.stats().tokenRequests()).as("one request: rejections are not retried").isEqualTo(1);
        assertThat(sandbox.stats().rejections(code)).isEqualTo(1);
    }

    @Test
    void a_signature_from_the_wrong_key_is_an_authentication_error_naming_the_key() {
        RsaSigner otherKey = RsaSigner.create(RsaKeyPairs.generate().privateKey());
        var requests = B2bTokenRequestSupplier.create(ClientKey.of(client.clientKey()), otherKey, Clock.systemUTC(),
                SnapTimestamp.JAKARTA);

        SnapAuthenticationException error = catchThrowableOfType(SnapAuthenticationException.class,
                () -> endpoint.requestToken(requests));

        assertThat(error.responseCode()).contains(ResponseCode.parse("4017300"));
        assertThat(error.serverMessage().orElseThrow()).contains("[Signature]");
        assertThat(error.getMessage()).contains("check that the private key matches the public key registered for"
                + " client " + client.clientKey());
        assertThat(error.isTokenInvalid()).isFalse();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
        assertThat(sandbox.recordedRequests().get(0).signatureValid()).isFalse();
    }

    @Test
    void an_unknown_client_is_an_authentication_error_naming_the_client() {
        var requests = B2bTokenRequestSupplier.create(ClientKey.of("NOBODY"), RsaSigner.create(client.privateKey()),
                Clock.systemUTC(), SnapTimestamp.JAKARTA);

        SnapAuthenticationException error = catchThrowableOfType(SnapAuthenticationException.class,
                () -> endpoint.requestToken(requests));

        assertThat(error.serverMessage().orElseThrow()).contains("[Unknown client]");
        assertThat(error.getMessage()).contains("client NOBODY is registered for this environment");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void a_stale_timestamp_is_an_authentication_error_pointing_at_the_clock() {
        Clock tenMinutesSlow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));

        SnapAuthenticationException error = catchThrowableOfType(SnapAuthenticationException.class,
                () -> endpoint.requestToken(requestsFor(client, tenMinutesSlow)));

        assertThat(error.serverMessage().orElseThrow()).contains("[Timestamp]");
        assertThat(error.getMessage()).contains("check the host clock");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void retries_a_server_error_with_a_new_timestamp_and_a_new_valid_signature() {
        sandbox.faults().failNext(1, 500, "5007300", "General Error");

        TokenGrant grant = endpoint.requestToken(requestsFor(client, ManualClock.startingAt(Instant.now()).advancingOnEachReading(Duration.ofSeconds(1))));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        List<RecordedRequest> sent = sandbox.recordedRequests();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(RecordedRequest::status).containsExactly(500, 200);
        assertThat(sent).allMatch(RecordedRequest::signatureValid);
        assertThat(sent.get(1).header("X-TIMESTAMP")).isNotEqualTo(sent.get(0).header("X-TIMESTAMP"));
        assertThat(sent.get(1).header("X-SIGNATURE")).isNotEqualTo(sent.get(0).header("X-SIGNATURE"));
    }

    @Test
    void gives_up_after_the_configured_attempts_with_the_last_server_error() {
        sandbox.faults().failNext(3, 504, "5047300", "Timeout");

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(error.responseCode()).contains(ResponseCode.parse("5047300"));
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(3);
        assertThat(sandbox.stats().tokensIssued()).isZero();
    }

    @Test
    void honours_retry_after_on_429_and_then_succeeds() {
        List<RetryOnRetryEvent> retries = new CopyOnWriteArrayList<>();
        endpoint.retry().getEventPublisher().onRetry(retries::add);
        sandbox.faults().tooManyRequestsNext(1, 1);

        TokenGrant grant = endpoint.requestToken(requestsFor(client));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
        assertThat(sandbox.stats().rejections("4297300")).isEqualTo(1);
        assertThat(retries).singleElement().satisfies(retry -> {
            assertThat(retry.getWaitInterval()).as("Retry-After replaces the 5 ms back-off")
                    .isEqualTo(Duration.ofSeconds(1));
            assertThat(retry.getLastThrowable()).isInstanceOfSatisfying(SnapUnavailableException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        });
    }

    @Test
    void caps_a_long_retry_after_at_the_configured_maximum() {
        RetryConfig capped = RetryConfig.from(TokenResilience.retryConfig())
                .intervalBiFunction(TokenResilience.retryAfterOr(
                        io.github.resilience4j.core.IntervalFunction.of(Duration.ofMillis(5)), Duration.ofMillis(50)))
                .build();
        FeignTokenEndpoint cappedEndpoint = endpointFor(sandbox).retryConfig(capped).build();
        List<RetryOnRetryEvent> retries = new CopyOnWriteArrayList<>();
        cappedEndpoint.retry().getEventPublisher().onRetry(retries::add);
        sandbox.faults().tooManyRequestsNext(1, 3600);

        cappedEndpoint.requestToken(requestsFor(client));

        assertThat(retries).singleElement().extracting(RetryOnRetryEvent::getWaitInterval)
                .isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void a_429_on_every_attempt_ends_as_too_many_requests_carrying_retry_after() {
        FeignTokenEndpoint once = endpointFor(sandbox).retryConfig(fastRetry(1)).build();
        sandbox.faults().tooManyRequestsNext(1, 7);

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> once.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.TOO_MANY_REQUESTS);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.getMessage()).contains("retry after 7 s");
    }

    @Test
    void a_read_timeout_is_unavailable_timeout_and_is_retried() throws InterruptedException {
        FeignTokenEndpoint impatient = endpointFor(sandbox).readTimeout(Duration.ofMillis(250)).build();
        sandbox.faults().delayNext(1, Duration.ofMillis(1200));

        TokenGrant grant = impatient.requestToken(requestsFor(client));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        assertThat(awaitRecorded(sandbox, 2)).hasSize(2);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_read_timeout_on_every_attempt_ends_as_unavailable_timeout() throws InterruptedException {
        FeignTokenEndpoint impatient = endpointFor(sandbox).readTimeout(Duration.ofMillis(200))
                .retryConfig(fastRetry(2)).build();
        sandbox.faults().delayNext(2, Duration.ofMillis(800));

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> impatient.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(error.getMessage()).contains("within the read timeout (200 ms)")
                .contains("for client " + client.clientKey());
        assertThat(error.request()).contains("POST /nicepay/v1.0/access-token/b2b");
        assertThat(awaitRecorded(sandbox, 2)).hasSize(2);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_dropped_connection_is_retried() {
        sandbox.faults().dropNext(1);

        TokenGrant grant = endpoint.requestToken(requestsFor(client));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_connection_dropped_on_every_attempt_ends_as_unavailable_connection() {
        sandbox.faults().dropNext(3);

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.CONNECTION);
        assertThat(error.getCause()).isInstanceOf(java.io.IOException.class);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(3);
    }

    @Test
    void a_refused_connection_is_unavailable_connect_surely_not_sent_and_retried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FeignTokenEndpoint nowhere = FeignTokenEndpoint.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .retryConfig(fastRetry(2)).build();

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> nowhere.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.CONNECT);
        assertThat(error.surelyNotSent()).isTrue();
        assertThat(nowhere.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void malformed_json_on_200_is_a_protocol_error_and_not_retried() {
        sandbox.faults().malformedNext(1);

        SnapProtocolException error = catchThrowableOfType(SnapProtocolException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.getMessage()).contains("not the expected JSON").contains("HTTP 200");
        assertThat(error.getMessage()).doesNotContain("not json");
        assertThat(error.getCause()).isNull();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void truncated_json_on_200_is_a_protocol_error_without_the_partial_token() {
        sandbox.faults().truncatedNext(1);

        SnapProtocolException error = catchThrowableOfType(SnapProtocolException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.getMessage()).contains("not the expected JSON");
        assertThat(error.getMessage()).doesNotContain("eyJ");
        assertThat(error.getCause()).isNull();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void an_html_error_page_maps_by_its_status_and_a_5xx_page_is_retried() {
        sandbox.faults().htmlErrorNext(1, 502);

        TokenGrant grant = endpoint.requestToken(requestsFor(client));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        assertThat(sandbox.recordedRequests()).extracting(RecordedRequest::status).containsExactly(502, 200);
    }

    @Test
    void an_html_error_page_with_a_4xx_status_is_a_rejection_without_a_code() {
        sandbox.faults().htmlErrorNext(1, 403);

        SnapRejectedException error = catchThrowableOfType(SnapRejectedException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.httpStatus()).hasValue(403);
        assertThat(error.responseCode()).isEmpty();
        assertThat(error.getMessage()).startsWith("HTTP 403").doesNotContain("<html>");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void an_html_page_on_every_attempt_ends_as_a_server_error() {
        sandbox.faults().htmlErrorNext(3, 503);

        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(error.httpStatus()).hasValue(503);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(3);
    }

    @Test
    void an_oversized_body_is_a_protocol_error_and_not_retried() {
        sandbox.faults().oversizedNext(1);

        SnapProtocolException error = catchThrowableOfType(SnapProtocolException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.getMessage()).contains("larger than 64 KiB");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void an_error_response_code_inside_http_200_is_the_error_it_names() {
        sandbox.faults().failNext(1, 200, "4017300", "Unauthorized. [Signature]");

        SnapAuthenticationException error = catchThrowableOfType(SnapAuthenticationException.class,
                () -> endpoint.requestToken(requestsFor(client)));

        assertThat(error.responseCode()).contains(ResponseCode.parse("4017300"));
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void a_user_retry_config_that_retries_everything_still_never_retries_a_rejection() {
        FeignTokenEndpoint eager = endpointFor(sandbox)
                .retryConfig(RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(1)).build()).build();
        sandbox.faults().failNext(5, 401, "4017300", "Unauthorized. [Signature]");

        assertThatThrownBy(() -> eager.requestToken(requestsFor(client)))
                .isInstanceOf(SnapAuthenticationException.class);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    void a_user_retry_config_keeps_its_own_attempt_count_for_retryable_failures() {
        FeignTokenEndpoint patient = endpointFor(sandbox)
                .retryConfig(RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(1)).build()).build();
        sandbox.faults().failNext(4, 500, "5007301", "Internal Server Error");

        TokenGrant grant = patient.requestToken(requestsFor(client));

        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(5);
    }

    @Test
    void a_failing_signer_is_a_configuration_error_and_nothing_is_sent() {
        var broken = B2bTokenRequestSupplier.create(ClientKey.of(client.clientKey()), stringToSign -> {
            throw new IllegalStateException("key store unavailable");
        }, Clock.systemUTC(), SnapTimestamp.JAKARTA);

        assertThatThrownBy(() -> endpoint.requestToken(broken)).isInstanceOf(SnapConfigurationException.class);
        assertThat(sandbox.stats().tokenRequests()).isZero();
        assertThat(endpoint.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void sends_the_header_names_the_spec_defines() {
        endpoint.requestToken(requestsFor(client));

        RecordedRequest sent = sandbox.recordedRequests().get(0);
        assertThat(List.of(SnapHeaders.CONTENT_TYPE, SnapHeaders.X_TIMESTAMP, SnapHeaders.X_CLIENT_KEY,
                SnapHeaders.X_SIGNATURE)).allMatch(sent::hasHeader);
        assertThat(sent.hasHeader("Authorization")).isFalse();
    }

    @Test
    void works_with_a_user_supplied_feign_client_and_maps_its_timeouts_too() throws InterruptedException {
        FeignTokenEndpoint urlConnection = endpointFor(sandbox).client(new feign.Client.Default(null, null))
                .readTimeout(Duration.ofMillis(250)).retryConfig(fastRetry(1)).build();

        TokenGrant grant = urlConnection.requestToken(requestsFor(client));
        assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();

        sandbox.faults().delayNext(1, Duration.ofMillis(800));
        SnapUnavailableException error = catchThrowableOfType(SnapUnavailableException.class,
                () -> urlConnection.requestToken(requestsFor(client)));
        assertThat(error.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(awaitRecorded(sandbox, 2)).hasSize(2);
    }

    @Test
    void an_interrupt_during_the_request_stops_without_retrying_and_keeps_the_interrupt_flag() throws Exception {
        sandbox.faults().delayNext(1, Duration.ofSeconds(1));
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Boolean> flagKept = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                endpoint.requestToken(requestsFor(client));
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
            flagKept.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sandbox.stats().tokenRequests() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        caller.interrupt();

        assertThat(outcome.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOfSatisfying(SnapUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
        assertThat(flagKept.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(awaitRecorded(sandbox, 1)).hasSize(1);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
        assertThat(endpoint.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }
}
