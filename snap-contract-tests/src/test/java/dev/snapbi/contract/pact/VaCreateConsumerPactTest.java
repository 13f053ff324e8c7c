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
import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.adapter.feign.transaction.SnapTransactions;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapRejectedException;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import feign.Feign;
import feign.Headers;
import feign.RequestLine;
import feign.jackson.JacksonDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Map;

import static dev.snapbi.contract.pact.NicepaySnapPact.AMOUNT_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.ANOTHER_SECRET;
import static dev.snapbi.contract.pact.NicepaySnapPact.BEARER_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CONSUMER;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_BEARER;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_EXTERNAL_ID;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_HMAC_SIGNATURE;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXAMPLE_TIMESTAMP;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXTERNAL_ID_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXTERNAL_ID_USED;
import static dev.snapbi.contract.pact.NicepaySnapPact.HMAC_SHA512_BASE64_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.JSON_CONTENT_TYPE_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.PARTNER_READY;
import static dev.snapbi.contract.pact.NicepaySnapPact.PROVIDER;
import static dev.snapbi.contract.pact.NicepaySnapPact.TIMESTAMP_REGEX;
import static dev.snapbi.contract.pact.NicepaySnapPact.TOKEN_REVOKED;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The consumer side of the contract with NICEPAY's VA creation ({@code POST /nicepay/api/v1.0/transfer-va/create-va},
 * SNAP service 27): a user's own Feign interface, set up with {@link SnapTransactions}, signing with real HMAC-SHA512
 * and a real token (fetched from a sandbox with real RSA), calls Pact's mock server; each test asserts the outcome the
 * user sees. The interactions are merged into the same pact as the token interactions of
 * {@link NicepaySnapConsumerPactTest} ({@code target/pacts/snapbi-java-nicepay-snap.json}), which
 * {@link SandboxProviderPactTest} verifies and {@code pact:publish} publishes.
 */
@ExtendWith({FreshPactFolder.class, PactConsumerTestExt.class})
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class VaCreateConsumerPactTest {

    /** What a user writes. */
    interface VirtualAccounts {
        @RequestLine("POST " + VA_PATH)
        @Headers("Content-Type: application/json")
        CreateVaResponse create(CreateVaRequest request);
    }

    record Amount(String value, String currency) {
    }

    record CreateVaRequest(String partnerServiceId, String customerNo, String virtualAccountName, String trxId,
                           Amount totalAmount, Map<String, String> additionalInfo) {
    }

    record VirtualAccountData(String virtualAccountNo, String virtualAccountName, String trxId, Amount totalAmount) {
    }

    record CreateVaResponse(String responseCode, String responseMessage, VirtualAccountData virtualAccountData) {
    }

    private static final CreateVaRequest ORDER = new CreateVaRequest("", "", "John Doe", "TRX-20241231-0001",
            new Amount("10000.00", "IDR"), Map.of("bankCd", "BMRI"));

    private static SnapSandbox tokenSource;
    private static SandboxClient client;
    private AccessTokenService tokens;

    @BeforeAll
    static void startTheTokenSource() {
        // tokens come from a real token endpoint: the VA calls under contract are the only thing the mock answers
        tokenSource = SnapSandbox.start();
        client = tokenSource.registerNewClient(CLIENT_KEY);
    }

    @AfterAll
    static void stopTheTokenSource() {
        tokenSource.close();
    }

    @BeforeEach
    void freshTokens() {
        tokens = FeignAccessTokens.builder().baseUrl(tokenSource.baseUrl()).clientKey(CLIENT_KEY)
                .signer(RsaSigner.create(client.privateKey())).build();
        tokenSource.resetStats();
    }

    // ---------------------------------------------------------------- the interactions

    @Pact(consumer = CONSUMER)
    public V4Pact createsAVirtualAccount(PactDslWithProvider builder) {
        return vaRequest(builder.given(PARTNER_READY), "a signed request to create a virtual account", true)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .body(new PactDslJsonBody()
                        .stringValue("responseCode", "2002700")
                        .stringType("responseMessage", "Successful")
                        .object("virtualAccountData")
                        .stringMatcher("virtualAccountNo", "[0-9]{6,20}", "8812345600000001")
                        .stringType("virtualAccountName", "John Doe")
                        .stringType("trxId", "TRX-20241231-0001")
                        .object("totalAmount")
                        .stringMatcher("value", AMOUNT_REGEX, "10000.00")
                        .stringType("currency", "IDR")
                        .closeObject()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    public V4Pact refusesADeadToken(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY).given(TOKEN_REVOKED),
                "a signed VA request with an access token the provider no longer accepts", true, 401, "4017301",
                new PactDslJsonBody().stringType("responseMessage", "Access Token Invalid"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact refusesTheSignature(PactDslWithProvider builder) {
        return error(builder.given(ANOTHER_SECRET), "a VA request signed with a client secret the provider does not"
                + " hold", true, 401, "4017300", new PactDslJsonBody().stringMatcher("responseMessage",
                ".*\\[Signature\\].*", "Unauthorized. [Signature]"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact refusesAReusedExternalId(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY).given(EXTERNAL_ID_USED),
                "a signed VA request whose X-EXTERNAL-ID was already used today", true, 409, "4097300",
                new PactDslJsonBody().stringType("responseMessage", "Conflict"));
    }

    @Pact(consumer = CONSUMER)
    public V4Pact namesAMissingField(PactDslWithProvider builder) {
        return error(builder.given(PARTNER_READY), "a signed VA request without totalAmount", false, 400, "4002702",
                new PactDslJsonBody().stringMatcher("responseMessage", ".*\\[totalAmount\\].*",
                        "Invalid Mandatory Field [totalAmount]"));
    }

    /** The request: POST to the VA path, the SNAP headers by shape, the order (with or without its amount). */
    private static PactDslRequestWithPath vaRequest(PactDslWithState given, String description, boolean withAmount) {
        PactDslJsonBody body = new PactDslJsonBody()
                .stringType("partnerServiceId", "")
                .stringType("customerNo", "")
                .stringType("virtualAccountName", "John Doe")
                .stringType("trxId", "TRX-20241231-0001");
        if (withAmount) {
            body = body.object("totalAmount")
                    .stringMatcher("value", AMOUNT_REGEX, "10000.00")
                    .stringValue("currency", "IDR")
                    .closeObject().asBody();
        }
        body = body.object("additionalInfo").stringType("bankCd", "BMRI").closeObject().asBody();
        return given.uponReceiving(description)
                .method("POST")
                .path(VA_PATH)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .matchHeader("Authorization", BEARER_REGEX, EXAMPLE_BEARER)
                .matchHeader("X-TIMESTAMP", TIMESTAMP_REGEX, EXAMPLE_TIMESTAMP)
                .matchHeader("X-SIGNATURE", HMAC_SHA512_BASE64_REGEX, EXAMPLE_HMAC_SIGNATURE)
                .matchHeader("X-PARTNER-ID", CLIENT_KEY, CLIENT_KEY)
                .matchHeader("X-EXTERNAL-ID", EXTERNAL_ID_REGEX, EXAMPLE_EXTERNAL_ID)
                .matchHeader("CHANNEL-ID", CLIENT_KEY + "01", CLIENT_KEY + "01")
                .body(body);
    }

    private static V4Pact error(PactDslWithState given, String description, boolean withAmount, int status,
                                String responseCode, PactDslJsonBody body) {
        return vaRequest(given, description, withAmount)
                .willRespondWith()
                .status(status)
                .matchHeader("Content-Type", JSON_CONTENT_TYPE_REGEX, "application/json")
                .body(body.stringValue("responseCode", responseCode))
                .toPact(V4Pact.class);
    }

    // ---------------------------------------------------------------- what the user sees

    private VirtualAccounts api(MockServer mockServer) {
        return SnapTransactions.configure(Feign.builder(), tokens,
                        HmacSha512Signer.create(ClientSecret.of(client.clientSecret())),
                        ProviderProfile.nicepay(URI.create(mockServer.getUrl())))
                .encoder(SnapTransactions.jsonEncoder())
                .decoder(new JacksonDecoder())
                .target(VirtualAccounts.class, mockServer.getUrl());
    }

    @Test
    @PactTestFor(pactMethod = "createsAVirtualAccount")
    void the_user_gets_the_virtual_account(MockServer mockServer) {
        CreateVaResponse response = api(mockServer).create(ORDER);

        assertThat(response.responseCode()).isEqualTo("2002700");
        assertThat(response.virtualAccountData().virtualAccountNo()).isEqualTo("8812345600000001");
        assertThat(response.virtualAccountData().totalAmount()).isEqualTo(new Amount("10000.00", "IDR"));
        assertThat(tokenSource.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "refusesADeadToken")
    void a_dead_token_is_replaced_once_and_a_second_refusal_reaches_the_user(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> api(mockServer).create(ORDER));

        assertThat(thrown).isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
            assertThat(e.isTokenInvalid()).isTrue();
            assertThat(e.responseCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4017301"));
        });
        assertThat(tokenSource.stats().tokenRequests()).as("the first token, and one replacement").isEqualTo(2);
    }

    @Test
    @PactTestFor(pactMethod = "refusesTheSignature")
    void a_refused_signature_is_an_authentication_error_that_is_not_retried(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> api(mockServer).create(ORDER));

        assertThat(thrown).isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
            assertThat(e.isTokenInvalid()).isFalse();
            assertThat(e.serverMessage()).hasValue("Unauthorized. [Signature]");
        });
        assertThat(tokenSource.stats().tokenRequests()).isEqualTo(1);
    }

    @Test
    @PactTestFor(pactMethod = "refusesAReusedExternalId")
    void a_reused_external_id_is_a_rejection_telling_to_use_a_new_one(MockServer mockServer) {
        Throwable thrown = catchThrowable(() -> api(mockServer).create(ORDER));

        assertThat(thrown).isExactlyInstanceOf(SnapRejectedException.class)
                .hasMessageContaining("4097300").hasMessageContaining("use a new X-EXTERNAL-ID");
    }

    @Test
    @PactTestFor(pactMethod = "namesAMissingField")
    void a_missing_field_is_a_bad_request_naming_it(MockServer mockServer) {
        CreateVaRequest noAmount = new CreateVaRequest("", "", "John Doe", "TRX-20241231-0001", null,
                Map.of("bankCd", "BMRI"));

        Throwable thrown = catchThrowable(() -> api(mockServer).create(noAmount));

        assertThat(thrown).isInstanceOfSatisfying(SnapBadRequestException.class, e ->
                assertThat(e.getMessage())
                        .startsWith("4002702 Invalid Mandatory Field [totalAmount] from POST " + VA_PATH));
    }
}
