package dev.snapbi.adapter.feign.transaction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.snapbi.adapter.feign.RawHttpServer;
import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static dev.snapbi.adapter.feign.transaction.SnapTransactionsTest.CreateVaResponse;
import static dev.snapbi.adapter.feign.transaction.SnapTransactionsTest.VirtualAccounts;
import static dev.snapbi.adapter.feign.transaction.SnapTransactionsTest.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The capability with an explicit partner id over the AccessTokenProvider port (issue 14), and the hardening of
 * signed calls (issue 13 items 1, 4, 5, 6): bounded bodies, typed errors only, secrets masked in echoed text.
 * Tokens come from the sandbox; misbehaving answers from a raw loopback server.
 */
@ExtendWith(SnapSandboxExtension.class)
class SnapTransactionsHardeningTest {

    private static final Duration SAFETY_NET = Duration.ofSeconds(20);

    private SnapSandbox sandbox;
    private SandboxClient client;
    private AccessTokenService tokens;
    private SnapTransactions snap;

    @BeforeEach
    void setUp(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
        tokens = FeignAccessTokens.builder().baseUrl(sandbox.baseUrl()).clientKey(client.clientKey())
                .signer(RsaSigner.create(client.privateKey())).build();
        snap = SnapTransactions.builder().tokens(tokens).partnerId(client.clientKey())
                .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(client.clientSecret())))
                .profile(ProviderProfile.nicepay(sandbox.baseUrl())).readTimeout(Duration.ofSeconds(1)).build();
        sandbox.clearRecordedRequests();
    }

    @AfterEach
    void tearDown() {
        snap.close();
        tokens.close();
    }

    private VirtualAccounts api(Feign.Builder builder, URI base) {
        return builder.encoder(SnapTransactions.jsonEncoder()).decoder(new JacksonDecoder())
                .target(VirtualAccounts.class, base.toString());
    }

    private List<RecordedRequest> vaRequests() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(SnapSandbox.VA_CREATE_PATH)).toList();
    }

    @Test
    void creates_a_virtual_account_with_the_token_port_and_an_explicit_partner_id() {
        CreateVaResponse created = api(snap.configure(Feign.builder()), sandbox.baseUrl()).create(order("TRX-PORT"));

        assertThat(created.responseCode()).isEqualTo("2002700");
        RecordedRequest sent = vaRequests().get(0);
        assertThat(sent.signatureValid()).isTrue();
        assertThat(sent.header("X-PARTNER-ID")).isEqualTo(client.clientKey());
    }

    @Test
    void as_a_capability_it_wraps_but_never_replaces_the_users_client_or_retryer() {
        AtomicInteger clientCalls = new AtomicInteger();
        AtomicInteger retryerClones = new AtomicInteger();
        Client mine = new Client() {
            private final Client delegate = new Http2Client();

            @Override
            public Response execute(Request request, Request.Options options) throws IOException {
                clientCalls.incrementAndGet();
                return delegate.execute(request, options);
            }
        };
        Retryer myRetryer = new Retryer() {
            @Override
            public void continueOrPropagate(RetryableException e) {
                throw e;
            }

            @Override
            public Retryer clone() {
                retryerClones.incrementAndGet();
                return this;
            }
        };

        CreateVaResponse created = api(Feign.builder().client(mine).retryer(myRetryer).addCapability(snap),
                sandbox.baseUrl()).create(order("TRX-MINE"));

        assertThat(created.responseCode()).isEqualTo("2002700");
        assertThat(clientCalls).hasValue(1);
        assertThat(retryerClones).hasPositiveValue();
        assertThat(vaRequests()).extracting(RecordedRequest::signatureValid).containsExactly(true);
    }

    @Test
    void a_2xx_body_dripped_one_byte_at_a_time_ends_at_the_deadline_with_the_adapters_client_and_a_users()
            throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 100"));
            for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(300); // the scenario: a server that drips
            }
        })) {
            for (Feign.Builder builder : List.of(snap.configure(Feign.builder()),
                    Feign.builder().client(new Http2Client()).retryer(Retryer.NEVER_RETRY)
                            .options(new Request.Options(Duration.ofSeconds(2), Duration.ofSeconds(1), false))
                            .addCapability(snap))) {
                Throwable e = endsWithin(() -> api(builder, server.baseUrl()).create(order("TRX-DRIP")));
                assertThat(e).isInstanceOfSatisfying(SnapUnavailableException.class,
                        u -> assertThat(u.reason()).isEqualTo(Reason.TIMEOUT));
            }
        }
    }

    @Test
    void an_endless_chunked_2xx_body_ends_at_the_size_limit() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        })) {
            Throwable e = endsWithin(() -> api(snap.configure(Feign.builder()), server.baseUrl())
                    .create(order("TRX-ENDLESS")));
            assertThat(e).isInstanceOf(SnapProtocolException.class).hasMessageContaining("larger than the limit");
        }
    }

    @Test
    void a_gzip_header_then_silence_ends_at_the_deadline() throws Exception {
        byte[] gzip = gzip("{\"responseCode\":\"2002700\"}");
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Encoding: gzip", "Content-Length: " + gzip.length));
            out.write(gzip, 0, 10);
            out.flush();
            Thread.sleep(60_000); // the scenario: silence after the gzip header
        })) {
            Throwable e = endsWithin(() -> api(snap.configure(Feign.builder()), server.baseUrl())
                    .create(order("TRX-GZIP")));
            assertThat(e).isInstanceOfSatisfying(SnapUnavailableException.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.TIMEOUT));
        }
    }

    @Test
    void a_2xx_the_users_decoder_cannot_read_is_a_typed_error_without_the_signed_request() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            byte[] body = "{\"responseCode\":\"2002700\",\"virtualAccountData\":\"not an object\"}"
                    .getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Length: " + body.length));
            out.write(body);
        })) {
            Throwable e = catchThrowable(() -> api(snap.configure(Feign.builder()), server.baseUrl())
                    .create(order("TRX-UNDECODABLE")));

            assertThat(e).isInstanceOf(SnapProtocolException.class).hasMessageContaining("could not be decoded");
            assertNoFeignAndNoSecrets(e, sentSecrets(server));
        }
    }

    @Test
    void secrets_a_server_echoes_back_are_masked_in_messages_and_logs() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("test.echo");
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        try (RawHttpServer server = RawHttpServer.replying((request, out) -> {
            // a gateway that echoes the secret headers first (the message is shortened to 200 characters)
            List<String> lines = new ArrayList<>(List.of(request.substring(0, request.indexOf("\r\n\r\n"))
                    .split("\r\n")));
            lines.sort((a, b) -> Boolean.compare(!isSecretHeader(a), !isSecretHeader(b)));
            String echoed = String.join(" | ", lines).replace("\"", "'");
            byte[] body = ("{\"responseCode\":\"4017300\",\"responseMessage\":\"Unauthorized. [Signature] you sent: "
                    + echoed + "\"}").getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.head("HTTP/1.1 401 Unauthorized", "Content-Type: application/json",
                    "X-Echo: " + echoed, "Content-Length: " + body.length));
            out.write(body);
        })) {
            Throwable e = catchThrowable(() -> api(snap.configure(Feign.builder())
                    .logger(SnapTransactions.wireLogger("test.echo")).logLevel(feign.Logger.Level.FULL),
                    server.baseUrl()).create(order("TRX-ECHO")));

            List<String> secrets = sentSecrets(server);
            assertThat(e).isInstanceOf(SnapAuthenticationException.class);
            assertThat(((SnapException) e).serverMessage().orElseThrow()).contains("Unauthorized. [Signature]")
                    .contains("****");
            assertNoFeignAndNoSecrets(e, secrets);
            String log = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            assertThat(log).contains("<--- HTTP 401");
            assertNoPieceOf(log, secrets);
        } finally {
            root.detachAppender(logs);
            root.setLevel(null);
        }
    }

    @Test
    void a_signed_call_to_plain_http_on_a_name_that_is_not_loopback_is_refused_before_connecting()
            throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> out.write(RawHttpServer.head("HTTP/1.1 200 OK",
                "Content-Length: 2")))) {
            URI byName = URI.create("http://snap-test.example:" + server.port());
            assertThatThrownBy(() -> api(snap.configure(Feign.builder()), byName).create(order("TRX-NAME")))
                    .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("'snap-test.example'");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void the_builder_names_what_is_missing_or_null() {
        assertThatThrownBy(() -> SnapTransactions.builder().partnerId(null))
                .isInstanceOf(SnapConfigurationException.class).hasMessage("partnerId must not be null");
        assertThatThrownBy(() -> SnapTransactions.builder().tokens(tokens).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("partnerId");
        assertThatThrownBy(() -> SnapTransactions.builder().partnerId("X").build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("tokens");
        assertThatThrownBy(() -> SnapTransactions.builder().readTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
    }

    private static boolean isSecretHeader(String line) {
        String lower = line.toLowerCase();
        return lower.startsWith("authorization:") || lower.startsWith("x-signature:");
    }

    private static Throwable endsWithin(Executable call) {
        return assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowable(call::execute));
    }

    /** The Authorization token and X-SIGNATURE of every request the server received. */
    private static List<String> sentSecrets(RawHttpServer server) {
        List<String> secrets = new ArrayList<>();
        for (String request : server.requests()) {
            for (String line : request.split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("authorization: bearer ")) {
                    secrets.add(line.substring("authorization: bearer ".length()));
                } else if (lower.startsWith("x-signature: ")) {
                    secrets.add(line.substring("x-signature: ".length()));
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(2);
        return secrets;
    }

    private static void assertNoFeignAndNoSecrets(Throwable e, List<String> secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(FeignException.class);
            assertNoPieceOf(String.valueOf(t.getMessage()), secrets);
            assertNoPieceOf(t.toString(), secrets);
        }
    }

    /** Not the secret, and no 16-character piece of it either. */
    private static void assertNoPieceOf(String text, List<String> secrets) {
        for (String secret : secrets) {
            for (int i = 0; i + 16 <= secret.length(); i += 4) {
                assertThat(text).doesNotContain(secret.substring(i, i + 16));
            }
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
