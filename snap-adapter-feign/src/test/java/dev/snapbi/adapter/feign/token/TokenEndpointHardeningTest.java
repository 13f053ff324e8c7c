package dev.snapbi.adapter.feign.token;

import dev.snapbi.adapter.feign.RawHttpServer;
import dev.snapbi.adapter.feign.TestSupport;
import dev.snapbi.adapter.feign.transaction.FeignTransactionTransport;
import dev.snapbi.adapter.feign.transaction.SnapTransactionInterceptor;
import dev.snapbi.adapter.feign.transaction.SnapTransactions;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 13 items 1, 2, 11, 16, 18 and issue 16 item 12 on the token path. */
@ExtendWith(SnapSandboxExtension.class)
class TokenEndpointHardeningTest {

    private static final Duration SAFETY_NET = Duration.ofSeconds(20);
    private static final String TOKEN_JSON = "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\","
            + "\"accessToken\":\"" + "T".repeat(40) + "\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}";

    private final TokenRequestSupplier requests = B2bTokenRequestSupplier.create(ClientKey.of("RAWCLIENT"),
            RsaSigner.create(RsaKeyPairs.generate().privateKey()), Clock.systemUTC(), SnapTimestamp.JAKARTA);

    private static FeignTokenEndpoint oneAttempt(RawHttpServer server) {
        return FeignTokenEndpoint.builder().baseUrl(server.baseUrl()).readTimeout(Duration.ofSeconds(1))
                .maxAttempts(1).build();
    }

    private static <T extends Throwable> T endsWith(Class<T> type, Executable call) {
        return assertTimeoutPreemptively(SAFETY_NET, () -> catchThrowableOfType(call::execute, type));
    }

    @Test
    void a_token_body_dripped_one_byte_at_a_time_ends_at_the_read_deadline() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 100"));
            for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(300); // the scenario: a server that drips
            }
        }); FeignTokenEndpoint endpoint = oneAttempt(server)) {
            SnapUnavailableException e = endsWith(SnapUnavailableException.class,
                    () -> endpoint.requestToken(requests));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void an_endless_chunked_token_body_ends_at_the_size_limit() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("400\r\n" + " ".repeat(0x400) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        }); FeignTokenEndpoint endpoint = oneAttempt(server)) {
            SnapProtocolException e = endsWith(SnapProtocolException.class, () -> endpoint.requestToken(requests));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("larger than 64 KiB");
        }
    }

    @Test
    void a_gzip_header_then_silence_ends_at_the_read_deadline() throws Exception {
        byte[] gzip = gzip(TOKEN_JSON);
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Encoding: gzip", "Content-Length: " + gzip.length));
            out.write(gzip, 0, 10);
            out.flush();
            Thread.sleep(60_000); // the scenario: silence after the gzip header
        }); FeignTokenEndpoint endpoint = oneAttempt(server)) {
            SnapUnavailableException e = endsWith(SnapUnavailableException.class,
                    () -> endpoint.requestToken(requests));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void an_error_body_that_never_ends_ends_at_the_read_deadline_too() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 503 Busy", "Content-Type: text/html", "Content-Length: 5000"));
            out.write("<html>".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(60_000);
        }); FeignTokenEndpoint endpoint = oneAttempt(server)) {
            SnapUnavailableException e = endsWith(SnapUnavailableException.class,
                    () -> endpoint.requestToken(requests));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isIn(Reason.TIMEOUT, Reason.SERVER_ERROR);
        }
    }

    @Test
    void a_gzip_token_answer_is_decoded_in_memory() throws Exception {
        byte[] gzip = gzip(TOKEN_JSON);
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                    "Content-Encoding: gzip", "Content-Length: " + gzip.length));
            out.write(gzip);
        }); FeignTokenEndpoint endpoint = oneAttempt(server)) {
            assertThat(endpoint.requestToken(requests).accessToken()).isEqualTo("T".repeat(40));
        }
    }

    @Test
    void the_body_size_limit_is_configurable() throws Exception {
        String padded = TOKEN_JSON.replace("\"Successful\"", "\"" + "x".repeat(3000) + "\"");
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            byte[] body = padded.getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.head("HTTP/1.1 200 OK", "Content-Length: " + body.length));
            out.write(body);
        }); FeignTokenEndpoint small = FeignTokenEndpoint.builder().baseUrl(server.baseUrl()).maxAttempts(1)
                .maxBodyBytes(2048).build(); FeignTokenEndpoint big = oneAttempt(server)) {
            assertThatThrownBy(() -> small.requestToken(requests)).isInstanceOf(SnapProtocolException.class)
                    .hasMessageContaining("larger than 2 KiB");
            assertThat(big.requestToken(requests).accessToken()).isEqualTo("T".repeat(40));
        }
    }

    @Test
    void max_attempts_is_a_setting_of_the_endpoint_builder_too() throws Exception {
        try (RawHttpServer server = RawHttpServer.answering(out -> {
            out.write(RawHttpServer.head("HTTP/1.1 503 Busy", "Content-Length: 0"));
        }); FeignTokenEndpoint endpoint = FeignTokenEndpoint.builder().baseUrl(server.baseUrl()).maxAttempts(2)
                .retryConfig(TestSupport.fastRetry(2)).build()) {
            assertThatThrownBy(() -> endpoint.requestToken(requests)).isInstanceOf(SnapUnavailableException.class);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void http_408_and_the_codes_4087300_and_4297300_in_a_200_are_retried_as_readme_says() throws Exception {
        String[] answers = {
                "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0",
                "HTTP/1.1 200 OK\r\nContent-Length: 48\r\n\r\n{\"responseCode\":\"4087300\",\"responseMessage\":\"x\"}",
                "HTTP/1.1 200 OK\r\nContent-Length: 48\r\n\r\n{\"responseCode\":\"4297300\",\"responseMessage\":\"x\"}",
        };
        for (String answer : answers) {
            try (RawHttpServer server = RawHttpServer.answering(out -> {
                out.write((answer + (answer.contains("\r\n\r\n") ? "" : "\r\n\r\n"))
                        .getBytes(StandardCharsets.US_ASCII));
            }); FeignTokenEndpoint endpoint = FeignTokenEndpoint.builder().baseUrl(server.baseUrl())
                    .retryConfig(TestSupport.fastRetry(3)).build()) {
                SnapUnavailableException e = catchThrowableOfType(() -> endpoint.requestToken(requests),
                        SnapUnavailableException.class);
                assertThat(e).as(answer).isNotNull();
                assertThat(e.reason()).isIn(Reason.TIMEOUT, Reason.TOO_MANY_REQUESTS);
                assertThat(server.connections()).as(answer).isEqualTo(3);
            }
        }
    }

    @Test
    void a_signature_a_server_echoes_back_is_masked_in_the_message_and_the_wire_log() throws Exception {
        ch.qos.logback.classic.Logger wire = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(FeignTokenEndpoint.WIRE_LOGGER);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        wire.addAppender(logs);
        wire.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (RawHttpServer server = RawHttpServer.replying((request, out) -> {
            String signature = request.lines().filter(l -> l.toLowerCase().startsWith("x-signature: "))
                    .findFirst().orElseThrow().substring("x-signature: ".length());
            // a gateway that echoes the header, cut short and whole
            byte[] body = ("{\"responseCode\":\"4017300\",\"responseMessage\":\"Unauthorized. [Signature "
                    + signature.substring(0, 186) + "] expected for " + signature + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.head("HTTP/1.1 401 Unauthorized", "Content-Type: application/json",
                    "X-Echo: " + signature, "Content-Length: " + body.length));
            out.write(body);
        }); FeignTokenEndpoint endpoint = FeignTokenEndpoint.builder().baseUrl(server.baseUrl()).maxAttempts(1)
                .logLevel(feign.Logger.Level.FULL).build()) {
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> endpoint.requestToken(requests));

            String signature = server.requests().get(0).lines()
                    .filter(l -> l.toLowerCase().startsWith("x-signature: ")).findFirst().orElseThrow()
                    .substring("x-signature: ".length());
            assertThat(e).isInstanceOf(dev.snapbi.domain.error.SnapAuthenticationException.class)
                    .hasMessageContaining("Unauthorized. [Signature ****");
            String log = String.join("\n", logs.list.stream()
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList());
            assertThat(log).contains("<--- HTTP 401");
            for (String text : List.of(e.getMessage(), e.toString(), log)) {
                for (int i = 0; i + 16 <= signature.length(); i += 4) {
                    assertThat(text).doesNotContain(signature.substring(i, i + 16));
                }
            }
        } finally {
            wire.detachAppender(logs);
            wire.setLevel(null);
        }
    }

    @Test
    void timeouts_out_of_range_are_configuration_errors_not_arithmetic_exceptions() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().readTimeout(huge))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().connectTimeout(huge))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> FeignAccessTokens.builder().readTimeout(Duration.ofDays(2)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> FeignAccessTokens.builder().connectTimeout(Duration.ofNanos(1)))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> FeignTokenEndpoint.builder().maxAttempts(0))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    void a_null_setting_is_a_configuration_error_naming_it_in_every_builder() {
        List<Executable> calls = List.of(
                () -> FeignTokenEndpoint.builder().clock(null),
                () -> FeignTokenEndpoint.builder().profile(null),
                () -> FeignTokenEndpoint.builder().readTimeout(null),
                () -> FeignTokenEndpoint.builder().client(null),
                () -> FeignTokenEndpoint.builder().retryConfig(null),
                () -> FeignAccessTokens.builder().clock(null),
                () -> FeignAccessTokens.builder().signer(null),
                () -> FeignAccessTokens.builder().clientKey((String) null),
                () -> FeignAccessTokens.builder().readTimeout(null),
                () -> FeignTransactionTransport.builder().readTimeout(null),
                () -> SnapTransactionInterceptor.builder().signer(null));
        List<String> names = List.of("clock", "profile", "readTimeout", "client", "retryConfig", "clock", "signer",
                "clientKey", "readTimeout", "readTimeout", "signer");
        for (int i = 0; i < calls.size(); i++) {
            Executable call = calls.get(i);
            assertThatThrownBy(call::execute).isInstanceOf(SnapConfigurationException.class)
                    .hasMessage(names.get(i) + " must not be null");
        }
    }

    @Test
    void a_retry_within_the_same_second_sends_identical_headers_and_the_sandbox_accepts_it(SnapSandbox sandbox,
                                                                                          SandboxClient client) {
        sandbox.clearRecordedRequests();
        sandbox.faults().failNext(1, 500, "5007300", "General Error");
        Clock frozen = Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC); // both attempts, one second
        try (FeignTokenEndpoint endpoint = TestSupport.endpointFor(sandbox).build()) {
            endpoint.requestToken(TestSupport.requestsFor(client, frozen));
        }
        List<dev.snapbi.sandbox.RecordedRequest> sent = sandbox.recordedRequests();
        assertThat(sent).extracting(dev.snapbi.sandbox.RecordedRequest::status).containsExactly(500, 200);
        assertThat(sent.get(1).header("X-TIMESTAMP")).isEqualTo(sent.get(0).header("X-TIMESTAMP"));
        assertThat(sent.get(1).header("X-SIGNATURE")).isEqualTo(sent.get(0).header("X-SIGNATURE")); // PKCS#1 v1.5
    }

    @Test
    void closed_token_services_transports_and_capabilities_leave_no_http_client_selector_threads(SnapSandbox sandbox, SandboxClient client)
            throws InterruptedException {
        Set<String> before = selectorThreads();
        List<AccessTokenService> services = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AccessTokenService tokens = FeignAccessTokens.builder().profile(ProviderProfile.nicepay(sandbox.baseUrl()))
                    .clientKey(client.clientKey()).signer(RsaSigner.create(client.privateKey())).build();
            tokens.accessToken();
            services.add(tokens);
        }
        List<FeignTransactionTransport> transports = new ArrayList<>();
        List<SnapTransactions> transactions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            transports.add(FeignTransactionTransport.create());
            SnapTransactions snap = SnapTransactions.builder().tokens(services.get(i)).partnerId(client.clientKey())
                    .symmetricSigner((text) -> { throw new AssertionError("nothing is signed here"); })
                    .profile(ProviderProfile.nicepay(sandbox.baseUrl())).build();
            snap.client();
            transactions.add(snap);
        }
        Set<String> ours = selectorThreads();
        ours.removeAll(before);
        assertThat(ours).hasSizeGreaterThanOrEqualTo(60);

        // closed, but still referenced (as a user's field would hold them): closing alone must release the threads
        services.forEach(AccessTokenService::close);
        transports.forEach(FeignTransactionTransport::close);
        transactions.forEach(SnapTransactions::close);

        // bounded polling: on JDK 17 a dropped client's selector thread ends once the client is collected
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> alive = selectorThreads();
        alive.retainAll(ours);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
            alive = selectorThreads();
            alive.retainAll(ours);
        }
        assertThat(alive).isEmpty();
        java.lang.ref.Reference.reachabilityFence(services);
        java.lang.ref.Reference.reachabilityFence(transports);
        java.lang.ref.Reference.reachabilityFence(transactions);
    }

    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("HttpClient-") && n.endsWith("-SelectorManager"))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
