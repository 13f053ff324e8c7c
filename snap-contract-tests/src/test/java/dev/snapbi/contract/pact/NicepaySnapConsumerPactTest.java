package dev.snapbi.contract.pact;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.testing.internal.RecordingRequests;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;

import static dev.snapbi.contract.pact.NicepaySnapPact.BASE64_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_KEY_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_NOT_REGISTERED;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_REGISTERED;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_REGISTERED_WITH_ANOTHER_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CONSUMER;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_ACCESS_TOKEN;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_SIGNATURE;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_TIMESTAMP;
import static dev.snapbi.contract.pact.NicepaySnapPact.FAILS_WITH_GENERAL_ERROR;
import static dev.snapbi.contract.pact.NicepaySnapPact.JSON_CONTENT_TYPE_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.MISSES_A_MANDATORY_FIELD;
import static dev.snapbi.contract.pact.NicepaySnapPact.PROVIDER;
import static dev.snapbi.contract.pact.NicepaySnapPact.REFUSES_A_FIELD_FORMAT;
import static dev.snapbi.contract.pact.NicepaySnapPact.TIMESTAMP_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.TIMES_OUT;
import static dev.snapbi.contract.pact.NicepaySnapPact.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The consumer side of the contract with NICEPAY's SNAP token endpoint: the real Feign adapter, signing with a real
 * RSA key, talks to Pact's mock server, and each test asserts the adapter's typed outcome. The interactions are
 * merged into {@code target/pacts/snapbi-java-nicepay-snap.json} (the {@code pact.rootDir} system property), together
 * with those of {@link VaCreateConsumerPactTest}; {@link SandboxProviderPactTest} verifies the sandbox against that
 * one pact and {@code pact:publish} sends it to a broker. {@link FreshPactFolder} empties the folder once per run.
 * <p>
 * Errors that the provider may answer after a retry (5xx) are met with {@code maxAttempts} 1, so each interaction is
 * hit exactly once; rejections use the default retry rules, and the tests check they were not retried.
 */
@ExtendWith({FreshPactFolder.class, PactConsumerTestExt.class})
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class NicepaySnapConsumerPactTest {

    private static RsaSigner signer;

    @BeforeAll
    static void generateTheMerchantKey() {
        signer = RsaSigner.create(RsaKeyPairs.generate().privateKey());
    }

    // ---------------------------------------------------------------- the interactions

    @Pact(consumer = CONSUMER)
    public V4Pact grantsAToken(PactDslWithProvider builder) {
        return tokenRequest(builder.given(CLIENT_REGISTERED), "a correctly signed B2B access token request")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .body(new PactDslJsonBody()
                        .stringValue("responseCode", "2007300")
                        .stringType("responseMessage", "Successful")
                        .stringType("accessToken", EXAMPLE_ACCESS_TOKEN)
                        .stringValue("tokenType", "Bearer")
                        .stringMatcher("expiresIn", "[0-9]+", "900"))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    public V4Pact refusesAFieldFormat(PactDslWithProvider builder) {
        return error(builder.given(CLIENT_REGISTERED).given(REFUSES_A_FIELD_FORMAT),
                "a token request with a field the provider finds in the wrong format", 400, "4007301",
                new PactDslJsonBody().stringType("responseMessage", "Invalid Field Format [X-TIMESTAMP]"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact missesAMandatoryField(PactDslWithProvider builder) {
        return error(builder.given(CLIENT_REGISTERED).given(MISSES_A_MANDATORY_FIELD),
                "a token request without a field the provider requires", 400, "4007302",
                new PactDslJsonBody().stringType("responseMessage", "Invalid Mandatory Field [X-PARTNER-ID]"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact refusesTheSignature(PactDslWithProvider builder) {
        return error(builder.given(CLIENT_REGISTERED_WITH_ANOTHER_KEY),
                "a token request whose signature the registered public key does not verify", 401, "4017300",
                new PactDslJsonBody().stringMatcher("responseMessage", ".*\\[Signature\\].*",
                        "Unauthorized. [Signature]"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact doesNotKnowTheClient(PactDslWithProvider builder) {
        return error(builder.given(CLIENT_NOT_REGISTERED), "a token request from a client the provider does not know",
                401, "4017300", new PactDslJsonBody().stringMatcher("responseMessage", ".*\\[Unknown client\\].*",
                        "Unauthorized. [Unknown client]"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact failsWithAGeneralError(PactDslWithProvider builder) {
        return error(builder.given(CLIENT_REGISTERED).given(FAILS_WITH_GENERAL_ERROR),
                "a token request while the provider fails", 500, "5007300",
                new PactDslJsonBody().stringType("responseMessage", "General Error"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact timesOut(PactDslWithProvider builder) {
        return error(builder.given(CLIENT_REGISTERED).given(TIMES_OUT),
                "a token request while the provider times out", 504, "5047300",
                new PactDslJsonBody().stringType("responseMessage", "Timeout"));
    }

    /** The request every interaction expects: POST to the token path, the SNAP headers by shape, the fixed body. */
    private static PactDslRequestWithPath tokenRequest(PactDslWithState given, String description) {
        return given.uponReceiving(description)
                .method("POST")
                .path(TOKEN_PATH)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .matchHeader("X-TIMESTAMP", TIMESTAMP_REGEX, EXAMPLE_TIMESTAMP)
                .matchHeader("X-CLIENT-KEY", CLIENT_KEY_REGEX, CLIENT_KEY)
                .matchHeader("X-SIGNATURE", BASE64_REGEX, EXAMPLE_SIGNATURE)
                .body(new PactDslJsonBody()
                        .stringValue("grantType", "client_credentials")
                        .object("additionalInfo").closeObject());
    }

    private static V4Pact error(PactDslWithState given, String description, int status, String responseCode,
                                PactDslJsonBody body) {
        return tokenRequest(given, description)
                .willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .body(body.stringValue("responseCode", responseCode))
                .toPact(V4Pact.class);
    }

    // ---------------------------------------------------------------- the adapter's outcomes

    @Test
    @PactTestFor(pactMethod = "grantsAToken")
    void the_adapter_returns_the_grant_of_a_success_answer(MockServer mockServer) {
        RecordingRequests requests = requests();

        TokenGrant grant = endpoint(mockServer, TokenResilience.retryConfig()).requestToken(requests);

        assertThat(grant.responseCode().value()).isEqualTo("2007300");
        assertThat(grant.responseMessage()).isEqualTo("Successful");
        assertThat(grant.accessToken()).isEqualTo(EXAMPLE_ACCESS_TOKEN);
        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(900));
        assertThat(requests.count()).isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "refusesAFieldFormat")
    void the_adapter_reports_4007301_as_a_bad_request_naming_the_field(MockServer mockServer) {
        RecordingRequests requests = requests();

        SnapBadRequestException e = failure(SnapBadRequestException.class,
                endpoint(mockServer, TokenResilience.retryConfig()), requests);

        assertAnswer(e, "4007301", 400);
        assertThat(e.serverMessage()).contains("Invalid Field Format [X-TIMESTAMP]");
        assertThat(requests.count()).as("attempts: a rejection is not retried").isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "missesAMandatoryField")
    void the_adapter_reports_4007302_as_a_bad_request_naming_the_field(MockServer mockServer) {
        RecordingRequests requests = requests();

        SnapBadRequestException e = failure(SnapBadRequestException.class,
                endpoint(mockServer, TokenResilience.retryConfig()), requests);

        assertAnswer(e, "4007302", 400);
        assertThat(e.serverMessage()).contains("Invalid Mandatory Field [X-PARTNER-ID]");
        assertThat(requests.count()).as("attempts: a rejection is not retried").isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "refusesTheSignature")
    void the_adapter_reports_a_refused_signature_as_an_authentication_error(MockServer mockServer) {
        RecordingRequests requests = requests();

        SnapAuthenticationException e = failure(SnapAuthenticationException.class,
                endpoint(mockServer, TokenResilience.retryConfig()), requests);

        assertAnswer(e, "4017300", 401);
        assertThat(e.serverMessage()).contains("Unauthorized. [Signature]");
        assertThat(e.getMessage()).contains("check that the private key matches the public key registered for"
                + " client " + CLIENT_KEY);
        assertThat(e.isTokenInvalid()).isFalse();
        assertThat(requests.count()).as("attempts: a rejection is not retried").isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "doesNotKnowTheClient")
    void the_adapter_reports_an_unknown_client_as_an_authentication_error(MockServer mockServer) {
        RecordingRequests requests = requests();

        SnapAuthenticationException e = failure(SnapAuthenticationException.class,
                endpoint(mockServer, TokenResilience.retryConfig()), requests);

        assertAnswer(e, "4017300", 401);
        assertThat(e.serverMessage()).contains("Unauthorized. [Unknown client]");
        assertThat(e.getMessage()).contains("check that client " + CLIENT_KEY + " is registered");
        assertThat(requests.count()).as("attempts: a rejection is not retried").isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "failsWithAGeneralError")
    void the_adapter_reports_5007300_as_a_retryable_server_error(MockServer mockServer) {
        RecordingRequests requests = requests();

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(mockServer, oneAttempt()),
                requests);

        assertAnswer(e, "5007300", 500);
        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.SERVER_ERROR);
        assertThat(e.isRetryable()).isTrue();
        assertThat(requests.count()).isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "timesOut")
    void the_adapter_reports_5047300_as_a_retryable_timeout(MockServer mockServer) {
        RecordingRequests requests = requests();

        SnapUnavailableException e = failure(SnapUnavailableException.class, endpoint(mockServer, oneAttempt()),
                requests);

        assertAnswer(e, "5047300", 504);
        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TIMEOUT);
        assertThat(e.isRetryable()).isTrue();
        assertThat(requests.count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private static FeignTokenEndpoint endpoint(MockServer mockServer, RetryConfig retry) {
        return FeignTokenEndpoint.builder()
                .baseUrl(mockServer.getUrl())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .retryConfig(retry)
                .build();
    }

    /** So that an interaction answering a retryable error is hit exactly once. */
    private static RetryConfig oneAttempt() {
        return RetryConfig.from(TokenResilience.retryConfig()).maxAttempts(1).build();
    }

    private static RecordingRequests requests() {
        return new RecordingRequests(B2bTokenRequestSupplier.create(ClientKey.of(CLIENT_KEY), signer,
                Clock.systemUTC(), SnapTimestamp.JAKARTA));
    }

    private static <T extends SnapException> T failure(Class<T> type, FeignTokenEndpoint endpoint,
                                                       RecordingRequests requests) {
        Throwable thrown = catchThrowable(() -> endpoint.requestToken(requests));
        assertThat(thrown).isInstanceOf(type);
        return type.cast(thrown);
    }

    private static void assertAnswer(SnapException e, String responseCode, int httpStatus) {
        assertThat(e.responseCode()).hasValueSatisfying(code -> assertThat(code.value()).isEqualTo(responseCode));
        assertThat(e.httpStatus()).hasValue(httpStatus);
    }
}
