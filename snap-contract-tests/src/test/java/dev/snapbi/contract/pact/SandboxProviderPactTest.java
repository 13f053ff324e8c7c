package dev.snapbi.contract.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;

import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_NOT_REGISTERED;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_REGISTERED;
import static dev.snapbi.contract.pact.NicepaySnapPact.CLIENT_REGISTERED_WITH_ANOTHER_KEY;
import static dev.snapbi.contract.pact.NicepaySnapPact.CONSUMER;
import static dev.snapbi.contract.pact.NicepaySnapPact.FAILS_WITH_GENERAL_ERROR;
import static dev.snapbi.contract.pact.NicepaySnapPact.MISSES_A_MANDATORY_FIELD;
import static dev.snapbi.contract.pact.NicepaySnapPact.PROVIDER;
import static dev.snapbi.contract.pact.NicepaySnapPact.REFUSES_A_FIELD_FORMAT;
import static dev.snapbi.contract.pact.NicepaySnapPact.TIMES_OUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the sandbox, standing in for NICEPAY, against the pact the consumer tests wrote to {@code target/pacts}:
 * one test per interaction. It runs in the surefire execution {@code pact-verification}, which Maven starts only after
 * {@code default-test} (where the consumer tests run) has passed, so the pact it reads is always the one just written.
 * <p>
 * A pact holds an example timestamp and signature, which no real provider accepts: each request is re-signed just
 * before it is sent with a fresh {@code X-TIMESTAMP} and the signature of the key pair that the provider states
 * register. Whether the re-signed request verified at the sandbox is checked after each interaction.
 */
@Tag("needs-pacts")
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactFolder("${pact.rootDir:target/pacts}")
class SandboxProviderPactTest {

    private static GeneratedKeyPair merchantKeys;
    private static GeneratedKeyPair otherKeys;
    private static RsaSigner merchantSigner;

    private SnapSandbox sandbox;
    private boolean signatureShouldVerify;

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
        sandbox.close();
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void the_sandbox_answers_as_the_consumer_expects(PactVerificationContext context, HttpRequest request) {
        resign(request);

        context.verifyInteraction();

        List<RecordedRequest> received = sandbox.recordedRequests();
        assertThat(received).as("requests the sandbox received for this interaction").hasSize(1);
        assertThat(received.get(0).signatureValid()).as("the re-signed request verified at the sandbox")
                .isEqualTo(signatureShouldVerify);
    }

    /** A fresh timestamp, and the merchant key's signature over {@code X-CLIENT-KEY|X-TIMESTAMP}. */
    private static void resign(HttpRequest request) {
        String clientKey = request.getFirstHeader(SnapHeaders.X_CLIENT_KEY).getValue();
        TokenRequest fresh = B2bTokenRequestSupplier.create(ClientKey.of(clientKey), merchantSigner,
                Clock.systemUTC(), SnapTimestamp.JAKARTA).get();
        request.setHeader(SnapHeaders.X_TIMESTAMP, fresh.timestamp().value());
        request.setHeader(SnapHeaders.X_SIGNATURE, fresh.signature().value());
    }

    // ---------------------------------------------------------------- provider states

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
}
