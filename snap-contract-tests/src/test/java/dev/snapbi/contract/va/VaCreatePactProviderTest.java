package dev.snapbi.contract.va;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.snapbi.adapter.feign.FeignAccessTokens;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.ExternalIdGenerator;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.transaction.TimeOrderedExternalIdGenerator;
import dev.snapbi.domain.transaction.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
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
import java.util.List;

import static dev.snapbi.contract.va.VaCreatePact.ANOTHER_SECRET;
import static dev.snapbi.contract.va.VaCreatePact.CLIENT_KEY;
import static dev.snapbi.contract.va.VaCreatePact.CONSUMER;
import static dev.snapbi.contract.va.VaCreatePact.EXTERNAL_ID_USED;
import static dev.snapbi.contract.va.VaCreatePact.PARTNER_READY;
import static dev.snapbi.contract.va.VaCreatePact.PATH;
import static dev.snapbi.contract.va.VaCreatePact.PROVIDER;
import static dev.snapbi.contract.va.VaCreatePact.TOKEN_REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the sandbox, standing in for NICEPAY, against the VA pact {@link VaCreatePactTest} wrote: one test per
 * interaction, in the surefire execution {@code pact-verification} that runs after the consumer tests passed.
 * <p>
 * A pact holds example headers that no provider accepts, so every request is re-signed just before it is sent, by the
 * library itself: a live token from the sandbox, a fresh {@code X-TIMESTAMP}, a new {@code X-EXTERNAL-ID} and the
 * HMAC-SHA512 signature over the exact body bytes Pact will send. The provider states set the sandbox up; after each
 * interaction the test checks whether the sandbox verified the signature as the state says it should.
 */
@Tag("needs-pacts")
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactFolder(VaCreatePact.PACT_FOLDER)
class VaCreatePactProviderTest {

    private static final String SECRET = "va-contract-secret-" + Long.toHexString(System.nanoTime());
    private static GeneratedKeyPair merchantKeys;

    private SnapSandbox sandbox;
    private AccessTokenService tokens;
    private ExternalIdGenerator externalIds;
    private boolean revokeAfterSigning;
    private boolean signatureShouldVerify;

    @BeforeAll
    static void generateKeys() {
        merchantKeys = RsaKeyPairs.generate();
    }

    @BeforeEach
    void startTheSandbox(PactVerificationContext context) {
        sandbox = SnapSandbox.start();
        tokens = FeignAccessTokens.builder().baseUrl(sandbox.baseUrl()).clientKey(CLIENT_KEY)
                .signer(RsaSigner.create(merchantKeys.privateKey())).build();
        externalIds = TimeOrderedExternalIdGenerator.create();
        context.setTarget(new HttpTestTarget(sandbox.baseUrl().getHost(), sandbox.port()));
    }

    @AfterEach
    void stopTheSandbox() {
        tokens.close();
        sandbox.close();
    }

    private TransactionSigner signer() {
        return TransactionSigner.builder().tokens(tokens)
                .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(SECRET)))
                .partnerId(CLIENT_KEY).profile(ProviderProfile.nicepay(sandbox.baseUrl()))
                .externalIds(externalIds).build();
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void the_sandbox_answers_the_va_contract(PactVerificationContext context, HttpRequest request)
            throws IOException {
        resign((ClassicHttpRequest) request);

        context.verifyInteraction();

        List<RecordedRequest> received = sandbox.recordedRequests().stream()
                .filter(r -> r.path().equals(PATH)).toList();
        assertThat(received).as("VA requests the sandbox received for this interaction").isNotEmpty();
        assertThat(received.get(received.size() - 1).signatureValid())
                .as("the re-signed request verified at the sandbox").isEqualTo(signatureShouldVerify);
    }

    /** Replaces the pact's example SNAP headers with real ones over the exact bytes about to be sent. */
    private void resign(ClassicHttpRequest request) throws IOException {
        HttpEntity entity = request.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON)); // read once: make it repeatable
        TransactionHeaders headers = signer().sign(request.getMethod(), request.getPath(), body);
        headers.asMap().forEach(request::setHeader);
        if (revokeAfterSigning) {
            sandbox.revokeToken(headers.accessToken().value());
        }
    }

    // ---------------------------------------------------------------- provider states

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
    void useTheExternalIdOnceBefore() throws Exception {
        String used = TimeOrderedExternalIdGenerator.create().nextId();
        externalIds = () -> used;
        // a first, successful call with that id, as the partner made it earlier today
        byte[] body = ("{\"trxId\":\"TRX-EARLIER\",\"totalAmount\":{\"value\":\"1.00\",\"currency\":\"IDR\"}}")
                .getBytes(StandardCharsets.UTF_8);
        TransactionHeaders headers = signer().sign("POST", PATH, body);
        java.net.http.HttpRequest.Builder first = java.net.http.HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + PATH))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.asMap().forEach(first::header);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(first.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the earlier call with the id").isEqualTo(200);
    }
}
