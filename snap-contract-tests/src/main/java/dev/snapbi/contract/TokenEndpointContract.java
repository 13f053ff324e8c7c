package dev.snapbi.contract;

import dev.snapbi.contract.internal.RecordingRequests;
import dev.snapbi.contract.internal.SteppingClock;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract every implementation of the domain's {@link TokenEndpoint} port must meet, checked against a real
 * {@link SnapSandbox} on loopback (a fresh one per test). Extend it, build your endpoint from the settings given, run
 * it with JUnit 5:
 * <pre>{@code
 * class MyTokenEndpointContractTest extends TokenEndpointContract {
 *     @Override
 *     protected TokenEndpoint createEndpoint(EndpointSettings settings) {
 *         return MyTokenEndpoint.builder()
 *                 .profile(settings.profile())                 // NICEPAY's paths on the sandbox's base URL
 *                 .connectTimeout(settings.connectTimeout())
 *                 .readTimeout(settings.readTimeout())
 *                 .maxAttempts(settings.maxAttempts())
 *                 .build();
 *     }
 * }
 * }</pre>
 * What it checks:
 * <ul>
 *   <li>a correctly signed request gets the grant, with every field read from the answer (the sandbox grants
 *   {@link #TOKEN_LIFETIME}, not NICEPAY's usual 900 s), and the request carries exactly the headers and body of the
 *   {@link TokenRequest} it was handed;</li>
 *   <li>each SNAP error becomes its typed {@link SnapException}, with response code, HTTP status and the server's
 *   message: {@code 4007301} and {@code 4007302} as {@link SnapBadRequestException}, {@code 4017300} (signature,
 *   unknown client) as {@link SnapAuthenticationException}, {@code 5007300}, {@code 5047300} and {@code 4297300}
 *   (with its {@code Retry-After}) as {@link SnapUnavailableException}, an answer that is not JSON as
 *   {@link SnapProtocolException}, a refused or dropped connection as unavailable {@code CONNECTION};</li>
 *   <li>one fresh request per attempt: {@code requests.get()} is called exactly once per request sent, every request
 *   the sandbox received verified, and no timestamp or signature is ever sent twice; rejections and protocol
 *   violations are never retried, unavailability is retried up to {@code maxAttempts};</li>
 *   <li>the read timeout is honoured: an answer slower than it ends in unavailable {@code TIMEOUT} before the sandbox
 *   would have answered;</li>
 *   <li>no error message holds a signature that was sent.</li>
 * </ul>
 * An endpoint that never retries overrides {@link #retries()} to return {@code false}: it is then built with
 * {@code maxAttempts} 1 and must make exactly one attempt where a retrying one makes several.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenEndpointContract {

    /** The client the contract's requests are made for; registered in the sandbox with its public key. */
    public static final String CLIENT_KEY = "TCKCLIENT";
    /** A client the sandbox does not know. */
    public static final String UNKNOWN_CLIENT_KEY = "TCKSTRANGER";
    /** How long the sandbox's tokens live during the contract; not 900 s, so that a hard-coded value shows. */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(1234);

    private static final int RETRYING_ATTEMPTS = 3;
    private static final Duration RECORDING_WAIT = Duration.ofSeconds(10);

    private GeneratedKeyPair clientKeys;
    private GeneratedKeyPair otherKeys;
    private RsaSigner signer;
    private SnapSandbox sandbox;

    /**
     * Builds the endpoint under test for these settings: NICEPAY's token path under {@code settings.baseUrl()} (see
     * {@link EndpointSettings#profile()}), the given timeouts and at most {@code settings.maxAttempts()} attempts per
     * call. Called once per test.
     */
    protected abstract TokenEndpoint createEndpoint(EndpointSettings settings);

    /**
     * Whether the endpoint retries when settings allow more than one attempt; default {@code true}. Return
     * {@code false} for an endpoint that always makes exactly one attempt: it is then never asked for more.
     */
    protected boolean retries() {
        return true;
    }

    /** The sandbox of the running test (a fresh one per test), for checks of your own in a subclass. */
    protected final SnapSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox runs only while a test of the contract runs");
        }
        return sandbox;
    }

    @BeforeAll
    final void generateKeys() {
        clientKeys = RsaKeyPairs.generate();
        otherKeys = RsaKeyPairs.generate();
        signer = RsaSigner.create(clientKeys.privateKey());
    }

    @BeforeEach
    final void startSandbox() {
        sandbox = SnapSandbox.builder().tokenLifetime(TOKEN_LIFETIME).start();
        sandbox.registerClient(CLIENT_KEY, clientKeys.publicKey());
    }

    @AfterEach
    final void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    // ---------------------------------------------------------------- success

    /** A correctly signed request gets a grant whose every field comes from the answer. */
    @Test
    void grants_a_token_for_a_correctly_signed_request() {
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        TokenGrant grant = endpoint(1).requestToken(requests);

        assertThat(grant.responseCode().value()).isEqualTo("2007300");
        assertThat(grant.responseMessage()).isEqualTo("Successful");
        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiresIn()).as("expiresIn read from the answer").isEqualTo(TOKEN_LIFETIME);
        assertThat(sandbox.isTokenActive(grant.accessToken())).as("the token is the one the sandbox issued").isTrue();
        assertFreshRequestPerAttempt(requests, 1, true);
    }

    /** The request on the wire is the one handed out: method, path, content type, every SNAP header and the body. */
    @Test
    void sends_exactly_the_headers_and_body_of_the_request_it_was_handed() {
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        endpoint(1).requestToken(requests);

        TokenRequest sent = requests.handedOut().get(0);
        RecordedRequest received = recorded(1).get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo(SnapSandbox.TOKEN_PATH);
        assertThat(received.header(SnapHeaders.CONTENT_TYPE)).startsWith("application/json");
        assertThat(received.header(SnapHeaders.X_CLIENT_KEY)).isEqualTo(CLIENT_KEY);
        assertThat(received.header(SnapHeaders.X_TIMESTAMP)).isEqualTo(sent.timestamp().value());
        assertThat(received.header(SnapHeaders.X_SIGNATURE)).isEqualTo(sent.signature().value());
        assertThat(received.body()).isEqualTo(sent.body());
    }

    // ---------------------------------------------------------------- rejections: typed, never retried

    /** {@code 400 4007301} is a bad request carrying the field the server named, and is not retried. */
    @Test
    void reports_an_invalid_field_format_as_a_bad_request_without_retrying() {
        sandbox.faults().failNext(RETRYING_ATTEMPTS, 400, "4007301", "Invalid Field Format [X-TIMESTAMP]");
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapBadRequestException e = failure(SnapBadRequestException.class, endpoint(RETRYING_ATTEMPTS), requests);

        assertAnswer(e, "4007301", 400);
        assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("X-TIMESTAMP"));
        assertThat(e.isRetryable()).isFalse();
        assertFreshRequestPerAttempt(requests, 1, true);
        assertNoSignatureIn(e, requests);
    }

    /** {@code 400 4007302} is a bad request carrying the field the server named, and is not retried. */
    @Test
    void reports_a_missing_mandatory_field_as_a_bad_request_without_retrying() {
        sandbox.faults().failNext(RETRYING_ATTEMPTS, 400, "4007302", "Invalid Mandatory Field [X-PARTNER-ID]");
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapBadRequestException e = failure(SnapBadRequestException.class, endpoint(RETRYING_ATTEMPTS), requests);

        assertAnswer(e, "4007302", 400);
        assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("X-PARTNER-ID"));
        assertFreshRequestPerAttempt(requests, 1, true);
        assertNoSignatureIn(e, requests);
    }

    /**
     * A signature the sandbox cannot verify (the client is registered with another public key) is a genuine
     * {@code 401 4017300 [Signature]}: an authentication error that keeps the reason, is not retried and does not
     * claim the (access) token is invalid.
     */
    @Test
    void reports_a_signature_the_provider_cannot_verify_as_an_authentication_error() {
        sandbox.registerClient(CLIENT_KEY, otherKeys.publicKey());
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapAuthenticationException e = failure(SnapAuthenticationException.class, endpoint(RETRYING_ATTEMPTS),
                requests);

        assertAnswer(e, "4017300", 401);
        assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Signature"));
        assertThat(e.isTokenInvalid()).isFalse();
        assertFreshRequestPerAttempt(requests, 1, false);
        assertNoSignatureIn(e, requests);
    }

    /** A client the sandbox does not know gets a genuine {@code 401 4017300 [Unknown client]}, not retried. */
    @Test
    void reports_an_unknown_client_as_an_authentication_error() {
        RecordingRequests requests = requestsFor(UNKNOWN_CLIENT_KEY);

        SnapAuthenticationException e = failure(SnapAuthenticationException.class, endpoint(RETRYING_ATTEMPTS),
                requests);

        assertAnswer(e, "4017300", 401);
        assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Unknown client"));
        assertFreshRequestPerAttempt(requests, 1, false);
        assertNoSignatureIn(e, requests);
    }

    /** A {@code 200} whose body is not JSON is a protocol violation, and is not retried. */
    @Test
    void reports_an_answer_that_is_not_json_as_a_protocol_error_without_retrying() {
        sandbox.faults().malformedNext(RETRYING_ATTEMPTS);
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapProtocolException e = failure(SnapProtocolException.class, endpoint(RETRYING_ATTEMPTS), requests);

        assertThat(e.isRetryable()).isFalse();
        assertFreshRequestPerAttempt(requests, 1, true);
        assertNoSignatureIn(e, requests);
    }

    // ---------------------------------------------------------------- unavailability: typed, retried when allowed

    /** {@code 500 5007300} with retries off is unavailable {@code SERVER_ERROR} after exactly one request. */
    @Test
    void reports_a_general_error_as_unavailable_after_one_attempt_when_retries_are_off() {
        sandbox.faults().failNext(1, 500, "5007300", "General Error");
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(1), requests);

        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.SERVER_ERROR);
        assertAnswer(e, "5007300", 500);
        assertThat(e.isRetryable()).isTrue();
        assertFreshRequestPerAttempt(requests, 1, true);
        assertNoSignatureIn(e, requests);
    }

    /** {@code 504 5047300} is unavailable {@code TIMEOUT}. */
    @Test
    void reports_a_gateway_timeout_as_unavailable_timeout() {
        sandbox.faults().failNext(1, 504, "5047300", "Timeout");
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(1), requests);

        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TIMEOUT);
        assertAnswer(e, "5047300", 504);
        assertFreshRequestPerAttempt(requests, 1, true);
    }

    /** {@code 429 4297300} is unavailable {@code TOO_MANY_REQUESTS} and carries the server's {@code Retry-After}. */
    @Test
    void reports_too_many_requests_with_the_servers_retry_after() {
        sandbox.faults().tooManyRequestsNext(1, 7);
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(1), requests);

        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TOO_MANY_REQUESTS);
        assertAnswer(e, "4297300", 429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertFreshRequestPerAttempt(requests, 1, true);
    }

    /**
     * Two general errors, then success: with three attempts allowed the third gets the token, each of the three
     * requests signed anew (an endpoint that does not retry fails after the first, having sent one).
     */
    @Test
    void retries_a_general_error_with_a_fresh_timestamp_and_signature_per_attempt() {
        sandbox.faults().failNext(2, 500, "5007300", "General Error");
        RecordingRequests requests = requestsFor(CLIENT_KEY);
        TokenEndpoint endpoint = endpoint(RETRYING_ATTEMPTS);

        if (retries()) {
            TokenGrant grant = endpoint.requestToken(requests);
            assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
            assertFreshRequestPerAttempt(requests, 3, true);
        } else {
            SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint, requests);
            assertAnswer(e, "5007300", 500);
            assertFreshRequestPerAttempt(requests, 1, true);
        }
    }

    /** When every attempt fails, the endpoint stops at {@code maxAttempts} and reports the last failure, typed. */
    @Test
    void gives_up_after_max_attempts_and_reports_the_last_failure() {
        sandbox.faults().failNext(RETRYING_ATTEMPTS - 1, 500, "5007300", "General Error")
                .failNext(RETRYING_ATTEMPTS, 504, "5047300", "Timeout");
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(RETRYING_ATTEMPTS), requests);

        int attempts = retries() ? RETRYING_ATTEMPTS : 1;
        assertAnswer(e, retries() ? "5047300" : "5007300", retries() ? 504 : 500);
        assertFreshRequestPerAttempt(requests, attempts, true);
        assertThat(sandbox.faults().pending()).as("faults left for requests never sent")
                .isEqualTo(2 * RETRYING_ATTEMPTS - 1 - attempts);
    }

    /** A dropped connection (no answer at all) is unavailable {@code CONNECTION}. */
    @Test
    void reports_a_dropped_connection_as_unavailable_connection() {
        sandbox.faults().dropNext(1);
        RecordingRequests requests = requestsFor(CLIENT_KEY);

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(1), requests);

        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.CONNECTION);
        assertFreshRequestPerAttempt(requests, 1, true);
        assertNoSignatureIn(e, requests);
    }

    /** Nothing listening at the base URL is unavailable {@code CONNECT} (surely not sent), after the one attempt. */
    @Test
    void reports_a_refused_connection_as_unavailable_connection() {
        RecordingRequests requests = requestsFor(CLIENT_KEY);
        TokenEndpoint endpoint = createEndpoint(EndpointSettings.of(URI.create("http://127.0.0.1:" + closedPort())));

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint, requests);

        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.CONNECT);
        assertThat(e.surelyNotSent()).isTrue();
        assertThat(requests.count()).as("requests.get() calls").isEqualTo(1);
        assertNoSignatureIn(e, requests);
    }

    // ---------------------------------------------------------------- timeouts

    /**
     * An answer slower than the read timeout ends in unavailable {@code TIMEOUT}, well before the sandbox would have
     * answered: the endpoint does not wait for it.
     */
    @Test
    void gives_up_when_the_answer_takes_longer_than_the_read_timeout() {
        Duration delay = Duration.ofSeconds(5);
        sandbox.faults().delayNext(1, delay);
        RecordingRequests requests = requestsFor(CLIENT_KEY);
        TokenEndpoint endpoint = createEndpoint(settings(1).withReadTimeout(Duration.ofMillis(300)));

        long started = System.nanoTime();
        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint, requests);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TIMEOUT);
        assertThat(waited).as("time until the endpoint gave up").isLessThan(delay.minusSeconds(1));
        assertThat(requests.count()).as("requests.get() calls").isEqualTo(1);
        assertThat(sandbox.stats().tokenRequests()).as("requests the sandbox received").isEqualTo(1);
        assertNoSignatureIn(e, requests);
    }

    /**
     * A timed-out attempt is retried like any unavailability, with a new timestamp and signature. (The read timeout is
     * a generous second: the retry must get its answer within it even on a busy machine.)
     */
    @Test
    void retries_after_a_read_timeout_with_a_fresh_timestamp_and_signature() {
        sandbox.faults().delayNext(1, Duration.ofMillis(2500));
        RecordingRequests requests = requestsFor(CLIENT_KEY);
        TokenEndpoint endpoint = createEndpoint(settings(2).withReadTimeout(Duration.ofSeconds(1)));

        if (retries()) {
            TokenGrant grant = endpoint.requestToken(requests);
            assertThat(sandbox.isTokenActive(grant.accessToken())).isTrue();
            assertFreshRequestPerAttempt(requests, 2, true);
        } else {
            SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint, requests);
            assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TIMEOUT);
            assertFreshRequestPerAttempt(requests, 1, true);
        }
    }

    // ---------------------------------------------------------------- helpers

    private TokenEndpoint endpoint(int maxAttempts) {
        return createEndpoint(settings(maxAttempts));
    }

    private EndpointSettings settings(int maxAttempts) {
        return EndpointSettings.of(sandbox.baseUrl()).withMaxAttempts(retries() ? maxAttempts : 1);
    }

    private RecordingRequests requestsFor(String clientKey) {
        return new RecordingRequests(B2bTokenRequestSupplier.create(ClientKey.of(clientKey), signer,
                new SteppingClock(Instant.now()), SnapTimestamp.JAKARTA));
    }

    private <T extends SnapException> T failure(Class<T> type, TokenEndpoint endpoint, RecordingRequests requests) {
        Throwable thrown = catchThrowable(() -> endpoint.requestToken(requests));
        if (thrown == null) {
            fail(endpoint + " returned a grant; expected it to throw " + type.getName());
        }
        assertThat(thrown).as("what %s threw", endpoint).isInstanceOf(type);
        return type.cast(thrown);
    }

    private static void assertAnswer(SnapException e, String responseCode, int httpStatus) {
        assertThat(e.responseCode()).as("response code of %s", e)
                .hasValueSatisfying(code -> assertThat(code.value()).isEqualTo(responseCode));
        assertThat(e.httpStatus()).as("HTTP status of %s", e).hasValue(httpStatus);
    }

    /**
     * The heart of the contract: {@code requests.get()} was called once per request sent, the sandbox received exactly
     * those requests (each with the timestamp and signature of one handed-out request, none twice), and each of them
     * verified (or, where the test made sure it could not, did not).
     */
    private void assertFreshRequestPerAttempt(RecordingRequests requests, int attempts, boolean signaturesVerify) {
        List<TokenRequest> handedOut = requests.handedOut();
        assertThat(handedOut).as("requests.get() calls").hasSize(attempts);
        assertThat(sandbox.stats().tokenRequests()).as("requests the sandbox received").isEqualTo(attempts);
        List<RecordedRequest> received = recorded(attempts);
        assertThat(received).as("requests the sandbox recorded").hasSize(attempts);

        Map<String, String> signatureByTimestamp = handedOut.stream().collect(Collectors.toMap(
                r -> r.timestamp().value(), r -> r.signature().value(), (a, b) -> {
                    throw new AssertionError("requests.get() returned one timestamp twice");
                }, HashMap::new));
        assertThat(received).extracting(r -> r.header(SnapHeaders.X_TIMESTAMP))
                .as("X-TIMESTAMP of each request sent").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(signatureByTimestamp.keySet());
        assertThat(received).extracting(r -> r.header(SnapHeaders.X_SIGNATURE))
                .as("X-SIGNATURE of each request sent").doesNotHaveDuplicates();
        for (RecordedRequest r : received) {
            assertThat(r.header(SnapHeaders.X_SIGNATURE)).as("X-SIGNATURE sent with X-TIMESTAMP %s",
                    r.header(SnapHeaders.X_TIMESTAMP)).isEqualTo(signatureByTimestamp.get(
                    r.header(SnapHeaders.X_TIMESTAMP)));
            assertThat(r.header(SnapHeaders.X_CLIENT_KEY)).isEqualTo(requests.clientKey().value());
            assertThat(r.signatureValid()).as("the sandbox verified %s", r).isEqualTo(signaturesVerify);
        }
    }

    /** The sandbox records a request once it has answered it, which for a delayed answer is after the client left. */
    private List<RecordedRequest> recorded(int atLeast) {
        long deadline = System.nanoTime() + RECORDING_WAIT.toNanos();
        List<RecordedRequest> seen = sandbox.recordedRequests();
        while (seen.size() < atLeast && System.nanoTime() < deadline) {
            pause();
            seen = sandbox.recordedRequests();
        }
        return seen;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the sandbox to record a request", e);
        }
    }

    private static void assertNoSignatureIn(Throwable failure, RecordingRequests requests) {
        List<String> signatures = requests.handedOut().stream().map(r -> r.signature().value()).toList();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t.toString();
            for (String signature : signatures) {
                assertThat(text).as("%s must not show a signature", t.getClass().getName())
                        .doesNotContain(signature);
            }
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed again at once: nothing listens there afterwards
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port to point at", e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + Objects.requireNonNullElse(sandbox, "no sandbox running") + "]";
    }
}
