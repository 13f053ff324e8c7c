package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapBadRequestException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import feign.Client;
import feign.Feign;
import feign.Headers;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed transactional calls end to end: a user's own Feign interface, set up with {@link SnapTransactions}, against
 * the sandbox's VA endpoint on loopback, with real RSA (token) and real HMAC-SHA512 (calls). Nothing of the project
 * is mocked; where the network must misbehave, a wrapping Feign {@link Client} does it.
 */
@ExtendWith(SnapSandboxExtension.class)
class SnapTransactionsTest {

    /** What a user writes: their own interface for NICEPAY's VA creation. */
    interface VirtualAccounts {
        @RequestLine("POST /nicepay/api/v1.0/transfer-va/create-va")
        @Headers("Content-Type: application/json")
        CreateVaResponse create(CreateVaRequest request);
    }

    record Amount(String value, String currency) {
    }

    record CreateVaRequest(String partnerServiceId, String customerNo, String virtualAccountName, String trxId,
                           Amount totalAmount, Map<String, String> additionalInfo) {
    }

    record VirtualAccountData(String partnerServiceId, String customerNo, String virtualAccountNo,
                              String virtualAccountName, String trxId, Amount totalAmount,
                              Map<String, String> additionalInfo) {
    }

    record CreateVaResponse(String responseCode, String responseMessage, VirtualAccountData virtualAccountData) {
    }

    static CreateVaRequest order(String trxId) {
        return new CreateVaRequest("", "", "John Doe", trxId, new Amount("10000.00", "IDR"),
                Map.of("bankCd", "BMRI", "goodsNm", "Tea"));
    }

    private SnapSandbox sandbox;
    private SandboxClient client;
    private AccessTokenService tokens;

    @BeforeEach
    void setUp(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
        this.tokens = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey()))
                .build();
        sandbox.resetStats();
        sandbox.clearRecordedRequests();
    }

    @AfterEach
    void tearDown() {
        tokens.close();
    }

    private HmacSha512Signer hmac() {
        return HmacSha512Signer.create(ClientSecret.of(client.clientSecret()));
    }

    private ProviderProfile profile() {
        return ProviderProfile.nicepay(sandbox.baseUrl());
    }

    /** The README's setup: one line of SNAP configuration on the user's own builder. */
    private Feign.Builder configured() {
        return SnapTransactions.configure(Feign.builder(), tokens, hmac(), profile())
                .encoder(new JacksonEncoder())
                .decoder(new JacksonDecoder());
    }

    private VirtualAccounts api(Feign.Builder builder) {
        return builder.target(VirtualAccounts.class, sandbox.baseUrl().toString());
    }

    private List<RecordedRequest> vaRequests() {
        return sandbox.recordedRequests().stream()
                .filter(r -> r.path().equals(SnapSandbox.VA_CREATE_PATH)).toList();
    }

    /** A transport that lets a test act on each request just before it goes out (revoke its token, alter it). */
    private static final class Intercepting implements Client {
        private final Client delegate = new Http2Client();
        private final UnaryOperator<Request> beforeSend;
        final AtomicInteger calls = new AtomicInteger();

        Intercepting(UnaryOperator<Request> beforeSend) {
            this.beforeSend = beforeSend;
        }

        @Override
        public Response execute(Request request, Request.Options options) throws IOException {
            calls.incrementAndGet();
            return delegate.execute(beforeSend.apply(request), options);
        }
    }

    private static String bearer(Request request) {
        return request.headers().get("Authorization").iterator().next().substring("Bearer ".length());
    }

    @Test
    void creates_a_virtual_account_through_a_users_feign_interface_with_one_line_of_setup() {
        CreateVaResponse response = api(configured()).create(order("TRX-1"));

        assertThat(response.responseCode()).isEqualTo("2002700");
        assertThat(response.virtualAccountData().virtualAccountNo()).matches("[0-9]{16}");
        assertThat(response.virtualAccountData().virtualAccountName()).isEqualTo("John Doe");
        assertThat(response.virtualAccountData().trxId()).isEqualTo("TRX-1");
        RecordedRequest sent = vaRequests().get(0);
        assertThat(sent.signatureValid()).isTrue();
        assertThat(sent.header("X-PARTNER-ID")).isEqualTo(SnapSandboxExtension.CLIENT_KEY);
        assertThat(sent.header("CHANNEL-ID")).isEqualTo(SnapSandboxExtension.CLIENT_KEY + "01");
        assertThat(sent.header("X-EXTERNAL-ID")).matches("[0-9]{32}");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        // feign-jackson's default encoder pretty-prints; the body went out (and was signed) compact
        assertThat(sent.body()).startsWith("{\"partnerServiceId\":\"\",").doesNotContain("\n").doesNotContain(": ");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
        assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
    }

    @Test
    void signs_a_pretty_printed_body_as_sent_when_compaction_is_off_which_a_server_hashing_raw_bytes_accepts() {
        TransactionSigner signer = TransactionSigner.builder().tokens(tokens).symmetricSigner(hmac())
                .partnerId(client.clientKey()).profile(profile()).build();
        SnapTransactionInterceptor asEncoded = SnapTransactionInterceptor.builder().signer(signer)
                .compactJson(false).build();
        VirtualAccounts api = api(SnapTransactions.configure(Feign.builder(), asEncoded)
                .encoder(new JacksonEncoder()).decoder(new JacksonDecoder()));

        assertThat(api.create(order("TRX-PRETTY")).responseCode()).isEqualTo("2002700");
        assertThat(vaRequests().get(0).body()).contains("\n");
    }

    @Test
    void the_compact_encoder_writes_what_is_sent_unchanged() {
        VirtualAccounts api = api(SnapTransactions.configure(Feign.builder(), tokens, hmac(), profile())
                .encoder(SnapTransactions.jsonEncoder()).decoder(new JacksonDecoder()));
        CreateVaRequest request = new CreateVaRequest("", "", "John Doe", "TRX-COMPACT",
                new Amount("10000.00", "IDR"), Map.of("dbProcessUrl", "https://merchant.example/notify"));

        assertThat(api.create(request).responseCode()).isEqualTo("2002700");
        assertThat(vaRequests().get(0).body()).isEqualTo("{\"partnerServiceId\":\"\",\"customerNo\":\"\","
                + "\"virtualAccountName\":\"John Doe\",\"trxId\":\"TRX-COMPACT\",\"totalAmount\":{\"value\":"
                + "\"10000.00\",\"currency\":\"IDR\"},\"additionalInfo\":{\"dbProcessUrl\":"
                + "\"https://merchant.example/notify\"}}");
    }

    @Test
    void a_body_altered_after_signing_gets_401_signature_and_is_not_replayed() {
        Intercepting tamper = new Intercepting(request -> Request.create(request.httpMethod(), request.url(),
                request.headers(), new String(request.body(), StandardCharsets.UTF_8).replace("10000.00", "10.00")
                        .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, request.requestTemplate()));

        assertThatThrownBy(() -> api(configured().client(tamper)).create(order("TRX-TAMPER")))
                .isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
                    assertThat(e.responseCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("4017300"));
                    assertThat(e.isTokenInvalid()).isFalse();
                    assertThat(e.getMessage()).contains("[Signature]")
                            .contains("POST " + SnapSandbox.VA_CREATE_PATH);
                });
        assertThat(tamper.calls).hasValue(1);
        assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
    }

    @Test
    void a_wrong_client_secret_gets_401_signature() {
        VirtualAccounts api = api(SnapTransactions.configure(Feign.builder(), tokens,
                HmacSha512Signer.create(ClientSecret.of(client.clientSecret() + "-not")), profile())
                .encoder(new JacksonEncoder()).decoder(new JacksonDecoder()));

        assertThatThrownBy(() -> api.create(order("TRX-SECRET")))
                .isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
                    assertThat(e.serverMessage()).hasValue("Unauthorized. [Signature]");
                    assertThat(e.getMessage()).contains("client secret").doesNotContain("private key");
                });
        assertThat(vaRequests()).extracting(RecordedRequest::signatureValid).containsExactly(false);
    }

    @Test
    void signing_the_path_with_its_nicepay_prefix_gets_401_signature() {
        ProviderProfile noPrefix = profile().toBuilder().signingPathPrefix("").build();
        VirtualAccounts api = api(SnapTransactions.configure(Feign.builder(), tokens, hmac(), noPrefix)
                .encoder(new JacksonEncoder()).decoder(new JacksonDecoder()));

        assertThatThrownBy(() -> api.create(order("TRX-PATH")))
                .isInstanceOfSatisfying(SnapAuthenticationException.class, e ->
                        assertThat(e.serverMessage()).hasValue("Unauthorized. [Signature]"));
    }

    @Test
    void a_token_revoked_mid_flight_costs_exactly_one_refresh_and_one_replay() {
        AtomicInteger revoked = new AtomicInteger();
        Intercepting revokeFirst = new Intercepting(request -> {
            if (revoked.getAndIncrement() == 0) {
                sandbox.revokeToken(bearer(request)); // the server forgets it while the request is on its way
            }
            return request;
        });

        CreateVaResponse response = api(configured().client(revokeFirst)).create(order("TRX-REVOKED"));

        assertThat(response.responseCode()).isEqualTo("2002700");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
        assertThat(sandbox.stats().vaRequests()).isEqualTo(2);
        assertThat(sandbox.stats().rejections("4017301")).isEqualTo(1);
        List<RecordedRequest> attempts = vaRequests();
        assertThat(attempts).extracting(RecordedRequest::responseCode).containsExactly("4017301", "2002700");
        RecordedRequest first = attempts.get(0);
        RecordedRequest replay = attempts.get(1);
        assertThat(replay.header("X-EXTERNAL-ID")).isNotEqualTo(first.header("X-EXTERNAL-ID"));
        assertThat(replay.header("Authorization")).isNotEqualTo(first.header("Authorization"));
        assertThat(replay.header("X-SIGNATURE")).isNotEqualTo(first.header("X-SIGNATURE"));
        assertThat(replay.body()).isEqualTo(first.body());
        // Feign applied the interceptor twice to one template: each SNAP header went out once, replaced
        for (String name : List.of("Authorization", "X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID", "X-EXTERNAL-ID",
                "CHANNEL-ID", "Content-Type")) {
            assertThat(valuesOf(replay, name)).as(name).hasSize(1);
        }
        assertThat(sandbox.isTokenActive(tokens.accessToken().value())).isTrue();
    }

    private static List<String> valuesOf(RecordedRequest request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    @Test
    void a_second_dead_token_after_the_replay_is_thrown_as_authentication_error_without_looping() {
        Intercepting revokeAll = new Intercepting(request -> {
            sandbox.revokeToken(bearer(request));
            return request;
        });

        assertThatThrownBy(() -> api(configured().client(revokeAll)).create(order("TRX-DEAD")))
                .isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
                    assertThat(e.isTokenInvalid()).isTrue();
                    assertThat(e.getMessage()).startsWith("4017301 Access Token Invalid from POST "
                            + SnapSandbox.VA_CREATE_PATH);
                    vaRequests().forEach(r -> assertThat(e.getMessage())
                            .doesNotContain(r.header("Authorization").substring(7))
                            .doesNotContain(r.header("X-SIGNATURE")));
                });
        assertThat(revokeAll.calls).hasValue(2);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(2);
        assertThat(sandbox.stats().vaRequests()).isEqualTo(2);
    }

    @Test
    void gives_each_call_its_own_replay() {
        AtomicInteger sent = new AtomicInteger();
        Intercepting revokeFirstOfEachCall = new Intercepting(request -> {
            if (sent.getAndIncrement() % 2 == 0) {
                sandbox.revokeToken(bearer(request));
            }
            return request;
        });
        VirtualAccounts api = api(configured().client(revokeFirstOfEachCall));

        assertThat(api.create(order("TRX-A")).responseCode()).isEqualTo("2002700");
        assertThat(api.create(order("TRX-B")).responseCode()).isEqualTo("2002700");
        assertThat(sandbox.stats().vaRequests()).isEqualTo(4);
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(3);
    }

    @Test
    void other_rejections_are_the_domains_typed_errors_and_never_replayed() {
        CreateVaRequest noAmount = new CreateVaRequest("", "", "John Doe", "TRX-X", null, Map.of());

        assertThatThrownBy(() -> api(configured()).create(noAmount))
                .isInstanceOfSatisfying(SnapBadRequestException.class, e -> assertThat(e.getMessage())
                        .startsWith("4002702 Invalid Mandatory Field [totalAmount] from POST "));
        assertThat(sandbox.stats().vaRequests()).isEqualTo(1);
    }

    @Test
    void a_users_own_error_decoder_gets_every_answer_but_the_dead_token_ones() {
        AtomicInteger revoked = new AtomicInteger();
        Intercepting revokeFirst = new Intercepting(request -> {
            if (revoked.getAndIncrement() == 0) {
                sandbox.revokeToken(bearer(request));
            }
            return request;
        });
        VirtualAccounts api = api(configured().client(revokeFirst)
                .errorDecoder((key, response) -> new IllegalStateException("mine: HTTP " + response.status())));

        assertThat(api.create(order("TRX-MINE")).responseCode()).isEqualTo("2002700");
        assertThatThrownBy(() -> api.create(new CreateVaRequest("", "", "x", "TRX-M2", null, Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessage("mine: HTTP 400");
    }

    @Test
    void does_not_resend_after_an_io_failure_unless_the_user_asks_for_retries() {
        AtomicInteger attempts = new AtomicInteger();
        Client failsOnce = new Client() {
            private final Client delegate = new Http2Client();

            @Override
            public Response execute(Request request, Request.Options options) throws IOException {
                if (attempts.incrementAndGet() == 1) {
                    throw new ConnectException("connection refused (simulated)");
                }
                return delegate.execute(request, options);
            }
        };

        assertThatThrownBy(() -> api(configured().client(failsOnce)).create(order("TRX-IO")))
                .isInstanceOfSatisfying(SnapUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.CONNECT);
                    assertThat(e.surelyNotSent()).isTrue();
                    assertThat(e.getMessage()).contains("POST " + SnapSandbox.VA_CREATE_PATH);
                });
        assertThat(attempts).hasValue(1);

        attempts.set(0);
        CreateVaResponse retried = api(configured().client(failsOnce).retryer(new Retryer.Default(1, 1, 2)))
                .create(order("TRX-IO-2"));
        assertThat(retried.responseCode()).isEqualTo("2002700");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void signs_after_the_users_own_interceptors_whatever_order_they_were_added_in() {
        Feign.Builder builder = configured()
                .requestInterceptor(template -> template.body("{\"trxId\":\"TRX-LATE\",\"totalAmount\":{\"value\":"
                        + "\"5.00\",\"currency\":\"IDR\"}}"));

        assertThat(api(builder).create(order("TRX-EARLY")).virtualAccountData().trxId()).isEqualTo("TRX-LATE");
        assertThat(vaRequests()).extracting(RecordedRequest::signatureValid).containsExactly(true);
    }

    @Test
    void the_wire_logger_shows_whole_exchanges_with_the_token_and_signature_masked() {
        ch.qos.logback.classic.Logger wire = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("test.nicepay.http");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        wire.addAppender(captured);
        wire.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            api(configured().logger(SnapTransactions.wireLogger("test.nicepay.http"))
                    .logLevel(feign.Logger.Level.FULL)).create(order("TRX-LOG"));
        } finally {
            wire.detachAppender(captured);
            wire.setLevel(null);
        }

        String log = captured.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .reduce("", (a, b) -> a + "\n" + b);
        RecordedRequest sent = vaRequests().get(0);
        assertThat(log).contains("X-SIGNATURE: ****").contains("Authorization: ****")
                .contains("X-EXTERNAL-ID: " + sent.header("X-EXTERNAL-ID")).contains("\"trxId\":\"TRX-LOG\"")
                .contains("<--- HTTP 200")
                .doesNotContain(sent.header("X-SIGNATURE")).doesNotContain(tokens.accessToken().value());
        assertThatThrownBy(() -> SnapTransactions.wireLogger(" "))
                .isInstanceOf(dev.snapbi.domain.error.SnapConfigurationException.class);
    }

    @Test
    void refuses_to_configure_without_the_parts_it_needs() {
        assertThatThrownBy(() -> SnapTransactions.configure(Feign.builder(), null, hmac(), profile()))
                .isInstanceOf(dev.snapbi.domain.error.SnapConfigurationException.class)
                .hasMessageContaining("AccessTokenService");
        assertThatThrownBy(() -> SnapTransactions.configure(Feign.builder(), tokens, null, profile()))
                .isInstanceOf(dev.snapbi.domain.error.SnapConfigurationException.class)
                .hasMessageContaining("symmetric signer");
        assertThatThrownBy(() -> SnapTransactionInterceptor.builder().build())
                .isInstanceOf(dev.snapbi.domain.error.SnapConfigurationException.class)
                .hasMessageContaining("TransactionSigner");
    }
}
