package dev.snapbi.contract.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.ExternalIdGenerator;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.transaction.TimeOrderedExternalIdGenerator;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.snapbi.contract.pact.NicepaySnapPact.ANOTHER_SECRET;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_MISSES_A_FIELD;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_PAID;
import static dev.snapbi.contract.pact.NicepaySnapPact.EWALLET_PENDING;
import static dev.snapbi.contract.pact.NicepaySnapPact.PAYOUT_PENDING;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_PAID;
import static dev.snapbi.contract.pact.NicepaySnapPact.QRIS_PENDING;
import static dev.snapbi.contract.pact.NicepaySnapPact.SERVICES_PREFIX;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_UNKNOWN;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_UNPAID;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_NOT_REGISTERED;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_REGISTERED;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_REGISTERED_WITH_ANOTHER_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CONSUMER;
import static dev.snapbi.contract.pact.NicepaySnapPact.EXTERNAL_ID_USED;
import static dev.snapbi.contract.pact.NicepaySnapPact.FAILS_WITH_GENERAL_ERROR;
import static dev.snapbi.contract.pact.NicepaySnapPact.MISSES_A_MANDATORY_FIELD;
import static dev.snapbi.contract.pact.NicepaySnapPact.PARTNER_READY;
import static dev.snapbi.contract.pact.NicepaySnapPact.PROVIDER;
import static dev.snapbi.contract.pact.NicepaySnapPact.REFUSES_A_FIELD_FORMAT;
import static dev.snapbi.contract.pact.NicepaySnapPact.TIMES_OUT;
import static dev.snapbi.contract.pact.NicepaySnapPact.TOKEN_PATH;
import static dev.snapbi.contract.pact.NicepaySnapPact.TOKEN_REVOKED;
import static dev.snapbi.contract.pact.NicepaySnapPact.VA_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Verifies the sandbox, standing in for NICEPAY, against the one pact the consumer tests wrote to
 * {@code target/pacts}: every interaction, token, VA creation and the typed services alike, one test each. It runs in the surefire
 * execution {@code pact-verification}, which Maven starts only after {@code default-test} (where the consumer tests
 * run) has passed, so the pact it reads is always the one just written.
 * <p>
 * A pact holds example timestamps, signatures, tokens and external ids, which no real provider accepts: each request
 * is re-signed just before it is sent, by what its path calls for.
 * <ul>
 *   <li>The token path: a fresh {@code X-TIMESTAMP} and the RSA signature of {@code X-CLIENT-KEY|X-TIMESTAMP} by the
 *       key pair that the provider states register.</li>
 *   <li>The VA path, by the library itself ({@link TransactionSigner} with {@link HmacSha512Signer}): a live token
 *       that the sandbox issues to the registered partner, a fresh {@code X-TIMESTAMP}, a new {@code X-EXTERNAL-ID}
 *       and the HMAC-SHA512 signature over the exact body bytes Pact is about to send. Every typed-service path
 *       under {@code /nicepay/api/v1.0/} is signed the same way.</li>
 * </ul>
 * The provider states set the sandbox up. After each interaction the test checks that the sandbox received exactly
 * that one request and whether its signature verified, as the states say it should, so a broken re-signing cannot
 * pass unnoticed.
 */
@Tag("needs-pacts")
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactFolder("${pact.rootDir:target/pacts}")
class SandboxProviderPactTest {

    private static final String SECRET = "va-contract-secret-" + Long.toHexString(System.nanoTime());
    private static GeneratedKeyPair merchantKeys;
    private static GeneratedKeyPair otherKeys;
    private static RsaSigner merchantSigner;

    private SnapSandbox sandbox;
    private AccessTokenService tokens;
    private ExternalIdGenerator externalIds = TimeOrderedExternalIdGenerator.create();
    private boolean revokeAfterSigning;
    private boolean signatureShouldVerify;
    private NicepayClient stateClient;

    @BeforeAll
    static void generateKeys() {
        merchantKeys = RsaKeyPairs.generate();
        otherKeys = RsaKeyPairs.generate();
        merchantSigner = RsaSigner.create(merchantKeys.privateKey());
    }

    @BeforeEach
    void startTheSandbox(PactVerificationContext context) {
        sandbox = SnapSandbox.start();
        context.setTarget(new HttpTestTarget(sandbox.baseUrl().getHost(), sandbox.port()));
    }

    @AfterEach
    void stopTheSandbox() {
        if (stateClient != null) {
            stateClient.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        sandbox.close();
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void the_sandbox_answers_as_the_consumer_expects(PactVerificationContext context, HttpRequest request)
            throws IOException {
        String path = URI.create(request.getPath()).getPath();
        if (path.equals(TOKEN_PATH)) {
            resignTokenRequest(request);
        } else if (path.startsWith(SERVICES_PREFIX)) {
            resignServiceRequest((ClassicHttpRequest) request);
        } else {
            fail("the pact has an interaction on " + path + ", which this test cannot sign; teach it how");
        }
        sandbox.clearRecordedRequests(); // the token fetched for signing and a state's earlier calls are not under test

        context.verifyInteraction();

        List<RecordedRequest> received = sandbox.recordedRequests();
        assertThat(received).as("requests the sandbox received for this interaction").hasSize(1);
        assertThat(received.get(0).path()).as("the path the interaction was sent to").isEqualTo(path);
        assertThat(received.get(0).signatureValid()).as("the re-signed request verified at the sandbox")
                .isEqualTo(signatureShouldVerify);
    }

    /** A fresh timestamp, and the merchant key's signature over {@code X-CLIENT-KEY|X-TIMESTAMP}. */
    private static void resignTokenRequest(HttpRequest request) {
        Header clientKey = request.getFirstHeader(SnapHeaders.X_CLIENT_KEY);
        assertThat(clientKey).as("the token request's X-CLIENT-KEY in the pact").isNotNull();
        TokenRequest fresh = B2bTokenRequestSupplier.create(ClientKey.of(clientKey.getValue()), merchantSigner,
                Clock.systemUTC(), SnapTimestamp.JAKARTA).get();
        request.setHeader(SnapHeaders.X_TIMESTAMP, fresh.timestamp().value());
        request.setHeader(SnapHeaders.X_SIGNATURE, fresh.signature().value());
    }

    /** Replaces the pact's example SNAP headers with real ones over the exact bytes about to be sent. */
    private void resignServiceRequest(ClassicHttpRequest request) throws IOException {
        HttpEntity entity = request.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON)); // read once: make it repeatable
        TransactionHeaders headers = transactionSigner().sign(request.getMethod(), request.getPath(), body);
        headers.asMap().forEach(request::setHeader);
        if (revokeAfterSigning) {
            sandbox.revokeToken(headers.accessToken().value());
        }
    }

    /**
     * The partner's own client on the sandbox, with which the states of the typed-service interactions create the
     * transactions those requests name (its external ids come from the same generator as the re-signing's).
     */
    private NicepayClient stateClient() {
        if (stateClient == null) {
            stateClient = NicepayClient.builder().environment(ProviderProfile.nicepay(sandbox.baseUrl()))
                    .clientKey(CLIENT_KEY).privateKey(merchantKeys.privateKey()).clientSecret(SECRET)
                    .externalIds(() -> externalIds.nextId()).retryBackoff(Duration.ZERO).build();
        }
        return stateClient;
    }

    /** Signs as a library user does: tokens from the sandbox's token endpoint, HMAC with the partner's secret. */
    private TransactionSigner transactionSigner() {
        if (tokens == null) { // only VA interactions need tokens
            tokens = FeignAccessTokens.builder().baseUrl(sandbox.baseUrl()).clientKey(CLIENT_KEY)
                    .signer(merchantSigner).build();
        }
        return TransactionSigner.builder().tokens(tokens)
                .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(SECRET)))
                .partnerId(CLIENT_KEY).profile(ProviderProfile.nicepay(sandbox.baseUrl()))
                .externalIds(externalIds).build();
    }

    // ---------------------------------------------------------------- provider states of the token interactions

    @State(CLIENT_REGISTERED)
    void registerTheClientWithItsPublicKey() {
        sandbox.registerClient(CLIENT_KEY, merchantKeys.publicKey());
        signatureShouldVerify = true;
    }

    @State(CLIENT_REGISTERED_WITH_ANOTHER_KEY)
    void registerTheClientWithAnotherPublicKey() {
        sandbox.registerClient(CLIENT_KEY, otherKeys.publicKey());
        signatureShouldVerify = false;
    }

    @State(CLIENT_NOT_REGISTERED)
    void registerNobody() {
        assertThat(sandbox.clients()).isEmpty();
        signatureShouldVerify = false;
    }

    // A correct request cannot provoke these answers from a correct provider: the states inject them.

    @State(REFUSES_A_FIELD_FORMAT)
    void refuseTheTimestampFormat() {
        sandbox.faults().failNext(1, 400, "4007301", "Invalid Field Format [X-TIMESTAMP]");
    }

    @State(MISSES_A_MANDATORY_FIELD)
    void missAMandatoryField() {
        sandbox.faults().failNext(1, 400, "4007302", "Invalid Mandatory Field [X-PARTNER-ID]");
    }

    @State(FAILS_WITH_GENERAL_ERROR)
    void failWithAGeneralError() {
        sandbox.faults().failNext(1, 500, "5007300", "General Error");
    }

    @State(TIMES_OUT)
    void timeOut() {
        sandbox.faults().failNext(1, 504, "5047300", "Timeout");
    }

    // ---------------------------------------------------------------- provider states of the VA interactions

    @State(PARTNER_READY)
    void registerThePartnerWithItsSecret() {
        sandbox.registerClient(CLIENT_KEY, merchantKeys.publicKey(), SECRET);
        signatureShouldVerify = true;
    }

    @State(TOKEN_REVOKED)
    void revokeTheTokenOnceTheRequestIsSigned() {
        revokeAfterSigning = true; // signed with a token that is dead by the time it arrives
    }

    @State(ANOTHER_SECRET)
    void registerThePartnerWithAnotherSecret() {
        sandbox.registerClient(CLIENT_KEY, merchantKeys.publicKey(), SECRET + "-other");
        signatureShouldVerify = false;
    }

    @State(EXTERNAL_ID_USED)
    void useTheExternalIdOnceBefore() throws IOException, InterruptedException {
        String used = TimeOrderedExternalIdGenerator.create().nextId();
        externalIds = () -> used;
        // a first, successful call with that id, as the partner made it earlier today
        byte[] body = "{\"trxId\":\"TRX-EARLIER\",\"totalAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}}"
                .getBytes(StandardCharsets.UTF_8);
        TransactionHeaders headers = transactionSigner().sign("POST", VA_PATH, body);
        java.net.http.HttpRequest.Builder first = java.net.http.HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + VA_PATH))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.asMap().forEach(first::header);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(first.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the earlier call with the id").isEqualTo(200);
    }

    // ---------------------------------------------------------------- provider states of the typed services

    @State(VA_UNPAID)
    void createTheVirtualAccount() {
        stateClient().virtualAccounts().create(NicepayServicesConsumerPactTest.vaOrder());
    }

    @State(VA_UNKNOWN)
    void createNoVirtualAccount() {
        assertThat(sandbox.stats().requests(SnapSandbox.VA_CREATE_PATH)).isZero();
    }

    @State(QRIS_PENDING)
    void generateTheQr() {
        stateClient().qris().generate(NicepayServicesConsumerPactTest.qrOrder());
    }

    @State(QRIS_PAID)
    void generateAndPayTheQr() {
        sandbox.payQris(stateClient().qris().generate(NicepayServicesConsumerPactTest.qrOrder()).referenceNo());
    }

    @State(EWALLET_PENDING)
    void startTheEwalletPayment() {
        stateClient().ewallets().pay(NicepayServicesConsumerPactTest.walletOrder());
    }

    @State(EWALLET_PAID)
    void startAndPayTheEwalletPayment() {
        sandbox.payEwallet(stateClient().ewallets().pay(NicepayServicesConsumerPactTest.walletOrder()).referenceNo());
    }

    @State(PAYOUT_PENDING)
    void registerThePayout() {
        stateClient().payouts().register(NicepayServicesConsumerPactTest.payoutOrder());
    }

    // A correct request from the typed client (which sends every member) cannot provoke this: the state injects it.

    @State(EWALLET_MISSES_A_FIELD)
    void missAMandatoryFieldOfTheEwalletPayment() {
        sandbox.transactionFaults().failNext(1, 400, "4005402", "Invalid Mandatory Field [validUpTo]");
    }
}
