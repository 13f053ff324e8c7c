package dev.snapbi.testing.tck;

import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.domain.port.TransactionTransport.Request;
import dev.snapbi.domain.port.TransactionTransport.Response;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.testing.tck.internal.CapturedRequest;
import dev.snapbi.testing.tck.internal.LoopbackHttpServer;
import dev.snapbi.testing.tck.internal.PythonHmacCheck;
import dev.snapbi.testing.tck.internal.SandboxSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract every adapter of the domain's {@link TransactionTransport} port must meet. Extend it, build your
 * transport from the settings given, run it with JUnit 5 ({@code junit-jupiter}, with its params module, and AssertJ
 * come from your test classpath; add {@code snap-testing} with test scope):
 * <pre>{@code
 * class MyTransportContractTest extends TransactionTransportContract {
 *     @Override
 *     protected TransactionTransport createTransport(TransportSettings settings) {
 *         return MyTransport.builder()
 *                 .connectTimeout(settings.connectTimeout())
 *                 .readTimeout(settings.readTimeout())      // one deadline for headers and the whole body
 *                 .maxBodyBytes(settings.maxBodyBytes())
 *                 .build();
 *     }
 * }
 * }</pre>
 * Transports that are {@link AutoCloseable} are closed after each test. It runs against a real {@link SnapSandbox}
 * (one per test class, on loopback; its VA creation endpoint verifies the HMAC over the raw bytes received) and
 * against a raw loopback server for what a good server never does. What it checks:
 * <ul>
 *   <li>a signed VA creation succeeds ({@code 2002700}), also with a pretty-printed body: the exact bytes are
 *   sent;</li>
 *   <li>the method, the request target (path and raw query), each header (once, never appended twice, also over
 *   several calls of one transport) and the body bytes arrive exactly as handed over, and the signature that arrives
 *   verifies with an HMAC computed by code that is not the project's (a Python script; skipped when python3 is
 *   absent, failed under {@code CI=true});</li>
 *   <li>every HTTP status, 2xx to 5xx and redirects, comes back as a {@link Response} with its body and headers,
 *   once: not thrown, not retried, not followed;</li>
 *   <li>no answer, a body that drips, an endless chunked body and a gzip body that stops after its header all end
 *   at the read timeout with {@link SnapUnavailableException} {@code TIMEOUT}; a body over the bound is a
 *   {@link SnapProtocolException};</li>
 *   <li>a refused connection is {@link SnapUnavailableException#surelyNotSent() surely not sent}; a connection
 *   dropped after the request was sent is not;</li>
 *   <li>no failure, cause or message carries the access token or the signature sent, even when the server echoes
 *   them.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransactionTransportContract {

    /** The sandbox client the contract signs for. */
    public static final String CLIENT_KEY = "TCKTRANSPORT";
    /** NICEPAY's VA creation path, as the sandbox serves it. */
    public static final String VA_CREATE_PATH = "/nicepay/api/v1.0/transfer-va/create-va";
    /** How long any one exchange may take before the contract calls it hung, by default; see {@link #safetyNet()}. */
    protected static final Duration SAFETY_NET = Duration.ofSeconds(60);
    /** The read timeout of the deadline tests. */
    protected static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(500);
    /** The body bound of the size tests. */
    protected static final int SMALL_BODY_BOUND = 1024;

    private static final AtomicLong TRX = new AtomicLong();

    private SnapSandbox sandbox;
    private SandboxSession session;
    private final List<TransactionTransport> transports = new ArrayList<>();
    private final List<LoopbackHttpServer> servers = new ArrayList<>();

    /**
     * Builds the transport under test with these settings. Called once or more per test; each transport is closed
     * after the test when it is {@link AutoCloseable}.
     */
    protected abstract TransactionTransport createTransport(TransportSettings settings);

    @BeforeAll
    final void startSandbox() {
        sandbox = SnapSandbox.builder().start();
        session = SandboxSession.open(sandbox, CLIENT_KEY);
    }

    @AfterEach
    final void closeTransportsAndServers() throws Exception {
        for (TransactionTransport t : transports) {
            if (t instanceof AutoCloseable c) {
                c.close();
            }
        }
        transports.clear();
        servers.forEach(LoopbackHttpServer::close);
        servers.clear();
    }

    @AfterAll
    final void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /**
     * How long one exchange may take before the contract calls it hung: a safety net, not a measurement. Default
     * {@link #SAFETY_NET} (60 s), far above every timeout the contract configures.
     */
    protected Duration safetyNet() {
        return SAFETY_NET;
    }

    /** The sandbox (one per test class), for checks of your own in a subclass. */
    protected final SnapSandbox sandbox() {
        return sandbox;
    }

    // ---------------------------------------------------------------- the sandbox

    /** A signed VA creation gets NICEPAY's success, and the sandbox verified the signature over the bytes it got. */
    @Test
    void sends_a_signed_va_create_that_the_sandbox_verifies() {
        byte[] body = vaCreateBody(false);
        Request request = signed(sandbox.baseUrl().resolve(VA_CREATE_PATH), body);

        Response response = answerOf(transport(TransportSettings.defaults()), request);

        assertThat(response.status()).as("HTTP status of the VA creation (body: %s)", text(response)).isEqualTo(200);
        assertThat(text(response)).contains("\"responseCode\":\"2002700\"");
        RecordedRequest recorded = lastVaRequest();
        assertThat(recorded.signatureValid()).as("the sandbox verified the HMAC over the bytes it received").isTrue();
        assertThat(recorded.body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    /** The signature covers the bytes as handed over: a pretty-printed body must not be re-serialised. */
    @Test
    void sends_a_pretty_printed_body_byte_for_byte_so_its_signature_still_verifies() {
        byte[] body = vaCreateBody(true);
        Request request = signed(sandbox.baseUrl().resolve(VA_CREATE_PATH), body);

        Response response = answerOf(transport(TransportSettings.defaults()), request);

        assertThat(lastVaRequest().body()).as("the body the sandbox received")
                .isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(response.status()).as("HTTP status (body: %s)", text(response)).isEqualTo(200);
        assertThat(text(response)).contains("\"responseCode\":\"2002700\"");
    }

    // ---------------------------------------------------------------- exactly what was handed over

    /** Method, target with raw query, each header once with its value, and the body bytes arrive unchanged. */
    @Test
    void sends_exactly_the_method_target_headers_and_body_it_was_handed() {
        LoopbackHttpServer server = server((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        byte[] body = ("{ \"note\" : \"caf\u00e9 \\/ \\u00e9 \u20ac\",\r\n\t\"n\" : [1, 2.50, -0] }\n")
                .getBytes(StandardCharsets.UTF_8);
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/echo?b=2&a=%2F1+x"), body);

        answerOf(transport(TransportSettings.defaults()), request);

        CapturedRequest captured = onlyRequest(server);
        assertThat(captured.method()).isEqualTo("POST");
        assertThat(captured.target()).as("request target (path and raw query)")
                .isEqualTo("/nicepay/api/v1.0/tck/echo?b=2&a=%2F1+x");
        assertThat(captured.body()).as("body bytes as sent").isEqualTo(body);
        assertHeadersSentOnce(captured, request);
    }

    /** A transport keeps no header state between calls: each call sends its own values, each once. */
    @Test
    void sets_each_header_once_on_every_call_of_the_same_transport() {
        LoopbackHttpServer server = server((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        TransactionTransport transport = transport(TransportSettings.defaults());
        List<Request> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Request request = signed(server.uri("/nicepay/api/v1.0/tck/call-" + i), ("{\"i\":" + i + "}")
                    .getBytes(StandardCharsets.UTF_8));
            sent.add(request);
            assertThat(answerOf(transport, request).status()).isEqualTo(200);
        }

        List<CapturedRequest> captured = server.requests();
        assertThat(captured).as("requests the server received").hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertHeadersSentOnce(captured.get(i), sent.get(i));
        }
    }

    /**
     * The signature that arrives verifies with an HMAC computed by code that is not the project's (a Python script
     * run on the request as captured on the wire). Skipped with a message when python3 is absent, failed under
     * {@code CI=true}.
     */
    @Test
    void sends_a_signature_that_an_independent_hmac_verifies() {
        PythonHmacCheck.requirePython();
        LoopbackHttpServer server = server((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
        byte[] body = vaCreateBody(true);
        Request request = signed(server.uri(VA_CREATE_PATH + "?tck=1&x=%2F"), body);

        answerOf(transport(TransportSettings.defaults()), request);

        PythonHmacCheck.Verdict verdict = PythonHmacCheck.check(session.client().clientSecret(), onlyRequest(server),
                onlyRequest(server).body());
        assertThat(verdict.output()).as("the independent check's verdict (exit %s)", verdict.exit())
                .isEqualTo("verified");
    }

    // ---------------------------------------------------------------- every status is an answer

    /** Every status is a Response with its body and headers: never thrown, never retried, never followed. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 201, 202, 204, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 408, 409, 413, 429,
            500, 502, 503, 504})
    void returns_every_status_as_a_response_sent_once(int status) {
        byte[] answer = status == 204 ? new byte[0]
                : ("{\"responseCode\":\"" + status + "2700\",\"responseMessage\":\"tck " + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        LoopbackHttpServer server = server((r, out, s) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Tck-Answer", "status-" + status);
            headers.put("Retry-After", "1");
            if (status >= 300 && status < 400) {
                headers.put("Location", s.uri("/elsewhere").toString());
            }
            LoopbackHttpServer.answer(out, status, headers, answer);
        });
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/status"), "{\"a\":1}".getBytes(
                StandardCharsets.UTF_8));

        Response response = answerOf(transport(TransportSettings.defaults()), request);

        for (CapturedRequest captured : server.requests()) {
            assertHeadersSentOnce(captured, request);
        }
        assertThat(server.requests()).as("requests the server received (no retry, no redirect followed)")
                .hasSize(1);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).as("the answer body").isEqualTo(answer);
        assertThat(response.header("X-Tck-Answer")).as("an answer header").hasValue("status-" + status);
    }

    // ---------------------------------------------------------------- connection failures

    /** Nothing listening: the request surely was not sent, so even a money-moving call may be resent. */
    @Test
    void reports_a_refused_connection_as_surely_not_sent() {
        Request request = signed(URI.create("http://127.0.0.1:" + closedPort() + "/nicepay/api/v1.0/tck/refused"),
                "{}".getBytes(StandardCharsets.UTF_8));

        SnapUnavailableException e = failure(SnapUnavailableException.class, transport(TransportSettings.defaults()),
                request);

        assertThat(e.surelyNotSent()).as("surelyNotSent() of %s (reason %s)", e, e.reason()).isTrue();
        assertNoSecretIn(e, request);
    }

    /** A connection dropped after the request went out leaves the outcome open, and is not silently resent. */
    @Test
    void reports_a_connection_dropped_after_sending_as_possibly_sent_without_resending() {
        LoopbackHttpServer server = server((r, out, s) -> {
            throw new IOException("drop without an answer");
        });
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/drop"), "{\"pay\":1}".getBytes(
                StandardCharsets.UTF_8));

        SnapUnavailableException e = failure(SnapUnavailableException.class, transport(TransportSettings.defaults()),
                request);

        assertThat(e.surelyNotSent()).as("surelyNotSent() after the server had the request").isFalse();
        assertThat(server.requests()).as("requests the server received").hasSize(1);
        assertNoSecretIn(e, request);
    }

    // ---------------------------------------------------------------- one deadline for the whole answer

    /** No answer at all ends at the read timeout. */
    @Test
    void gives_up_at_the_read_timeout_when_no_answer_comes() {
        assertTimesOut((r, out, s) -> s.awaitRelease(SAFETY_NET.multipliedBy(2)));
    }

    /** A body that drips one byte at a time, never finishing, ends at the read timeout. */
    @Test
    void gives_up_at_the_read_timeout_on_a_body_that_drips() {
        assertTimesOut((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n{");
            while (!s.awaitRelease(Duration.ofMillis(100))) {
                LoopbackHttpServer.write(out, " ");
            }
        });
    }

    /** An endless chunked body arriving slowly ends at the read timeout. */
    @Test
    void gives_up_at_the_read_timeout_on_an_endless_chunked_body() {
        assertTimesOut((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
            while (!s.awaitRelease(Duration.ofMillis(50))) {
                LoopbackHttpServer.write(out, "2\r\n  \r\n");
            }
        });
    }

    /** A gzip body that stops after its header ends at the read timeout: nothing decompresses outside the deadline. */
    @Test
    void gives_up_at_the_read_timeout_when_a_gzip_body_stops_after_its_header() {
        assertTimesOut((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Encoding: gzip\r\nContent-Length: 200\r\n\r\n");
            out.write(new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
            out.flush();
            s.awaitRelease(SAFETY_NET.multipliedBy(2));
        });
    }

    private void assertTimesOut(LoopbackHttpServer.Script script) {
        LoopbackHttpServer server = server(script);
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/slow"), "{\"a\":1}".getBytes(
                StandardCharsets.UTF_8));
        TransactionTransport transport = transport(TransportSettings.defaults().withReadTimeout(SHORT_READ_TIMEOUT));

        SnapUnavailableException e = failure(SnapUnavailableException.class, transport, request);

        assertThat(e.reason()).as("reason of %s", e).isEqualTo(SnapUnavailableException.Reason.TIMEOUT);
        assertThat(e.surelyNotSent()).isFalse();
        assertNoSecretIn(e, request);
    }

    // ---------------------------------------------------------------- size bound

    /** A body declared larger than the bound is refused, whatever the status. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 500})
    void refuses_a_body_over_the_size_bound(int status) {
        byte[] big = "x".repeat(4 * SMALL_BODY_BOUND).getBytes(StandardCharsets.US_ASCII);
        LoopbackHttpServer server = server((r, out, s) -> LoopbackHttpServer.answer(out, status,
                Map.of("Content-Type", "text/plain"), big));
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/big"), "{}".getBytes(StandardCharsets.UTF_8));
        TransactionTransport transport = transport(TransportSettings.defaults().withMaxBodyBytes(SMALL_BODY_BOUND));

        SnapProtocolException e = failure(SnapProtocolException.class, transport, request);

        assertNoSecretIn(e, request);
    }

    /** An endless body arriving fast hits the bound long before the (long) read timeout. */
    @Test
    void refuses_an_endless_fast_body_at_the_size_bound() {
        LoopbackHttpServer server = server((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String chunk = "400\r\n" + " ".repeat(1024) + "\r\n";
            while (s.released().getCount() > 0) {
                LoopbackHttpServer.write(out, chunk); // ends when the client closes the connection
            }
        });
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/endless"), "{}".getBytes(StandardCharsets.UTF_8));
        TransactionTransport transport = transport(TransportSettings.defaults().withMaxBodyBytes(SMALL_BODY_BOUND)
                .withReadTimeout(SAFETY_NET.dividedBy(2)));

        SnapProtocolException e = failure(SnapProtocolException.class, transport, request);

        assertNoSecretIn(e, request);
    }

    // ---------------------------------------------------------------- secrets

    /** A server that echoes the token and signature into a malformed answer does not get them into the failure. */
    @Test
    void keeps_the_token_and_signature_out_of_a_failure_whose_text_the_server_wrote() {
        LoopbackHttpServer server = server((r, out, s) -> LoopbackHttpServer.write(out, "HTTP/1.1 2x0 "
                + String.join(" ", r.values("Authorization")) + " " + String.join(" ", r.values("X-SIGNATURE"))
                + "\r\nX-Echo: " + String.join(" ", r.values("X-SIGNATURE")) + "\r\n\r\n"));
        Request request = signed(server.uri("/nicepay/api/v1.0/tck/echo"), "{}".getBytes(StandardCharsets.UTF_8));

        SnapException e = failure(SnapException.class, transport(TransportSettings.defaults()), request);

        assertNoSecretIn(e, request);
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /** A transport for these settings, closed after the test. */
    protected final TransactionTransport transport(TransportSettings settings) {
        TransactionTransport t = createTransport(settings);
        if (t == null) {
            throw new IllegalStateException("createTransport returned null");
        }
        transports.add(t);
        return t;
    }

    /** A raw loopback server running this script, closed after the test. */
    protected final LoopbackHttpServer server(LoopbackHttpServer.Script script) {
        LoopbackHttpServer server = LoopbackHttpServer.start(script);
        servers.add(server);
        return server;
    }

    /** A POST to this URI signed for the contract's sandbox client, with {@code Content-Type: application/json}. */
    protected final Request signed(URI uri, byte[] body) {
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        TransactionHeaders h = session.signer().sign("POST", pathAndQuery, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(h.asMap());
        return Request.of("POST", uri, h.signedPath(), headers, body);
    }

    /** The answer, within the safety net; fails the test when the transport threw or hung. */
    protected final Response answerOf(TransactionTransport transport, Request request) {
        Object outcome = outcome(transport, request);
        if (outcome instanceof Throwable t) {
            fail(transport + " threw instead of returning the answer: " + t, t);
        }
        return (Response) outcome;
    }

    /** The failure, of this type, within the safety net; fails the test when the transport answered or hung. */
    protected final <T extends Throwable> T failure(Class<T> type, TransactionTransport transport, Request request) {
        Object outcome = outcome(transport, request);
        if (outcome instanceof Response r) {
            fail(transport + " returned " + r + "; expected it to throw " + type.getName());
        }
        assertThat((Throwable) outcome).as("what %s threw", transport).isInstanceOf(type);
        return type.cast(outcome);
    }

    private Object outcome(TransactionTransport transport, Request request) {
        CompletableFuture<Object> call = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                call.complete(transport.exchange(request));
            } catch (Throwable t) {
                call.complete(t);
            }
        }, "tck-exchange");
        caller.setDaemon(true);
        caller.start();
        try {
            return call.get(safetyNet().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            caller.interrupt();
            return fail(transport + " did not end within " + safetyNet().toMillis() + " ms: no deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Each header of the request arrived exactly once (names case-insensitive) with exactly its value. */
    protected static void assertHeadersSentOnce(CapturedRequest captured, Request request) {
        request.headers().forEach((name, value) -> assertThat(captured.values(name))
                .as("values of header %s as received (sent once, set not appended)", name)
                .hasSize(1)
                .allSatisfy(v -> assertThat(v.equals(value)).as("header %s arrived with the value handed over",
                        name).isTrue()));
    }

    /**
     * No text of the failure, its causes or its suppressed exceptions holds the token or the signature the request
     * carried, whole or a 16-character part of either.
     */
    protected static void assertNoSecretIn(Throwable failure, Request request) {
        List<String> secrets = new ArrayList<>();
        request.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(SnapHeaders.AUTHORIZATION) || name.equalsIgnoreCase(SnapHeaders.X_SIGNATURE)) {
                String secret = value.startsWith("Bearer ") ? value.substring(7) : value;
                secrets.add(secret);
            }
        });
        List<Throwable> all = new ArrayList<>();
        collect(failure, all, 0);
        for (Throwable t : all) {
            List<String> texts = new ArrayList<>(List.of(String.valueOf(t), String.valueOf(t.getMessage())));
            if (t instanceof SnapException s) {
                s.serverMessage().ifPresent(texts::add);
                s.request().ifPresent(texts::add);
            }
            for (String text : texts) {
                for (String secret : secrets) {
                    assertThat(text.contains(secret) || text.contains(secret.substring(0, 16))
                            || text.contains(secret.substring(secret.length() - 16)))
                            .as("%s must not show the token or signature sent (text: %s)", t.getClass().getName(),
                                    text.length() > 300 ? text.substring(0, 300) + "..." : text)
                            .isFalse();
                }
            }
        }
    }

    private static void collect(Throwable t, List<Throwable> into, int depth) {
        if (t == null || depth > 16 || into.contains(t)) {
            return;
        }
        into.add(t);
        for (Throwable s : t.getSuppressed()) {
            collect(s, into, depth + 1);
        }
        collect(t.getCause(), into, depth + 1);
    }

    private byte[] vaCreateBody(boolean pretty) {
        String trxId = "TCK" + System.nanoTime() + "-" + TRX.incrementAndGet();
        String json = pretty
                ? "{\n  \"partnerServiceId\": \"\",\n  \"customerNo\": \"\",\n  \"virtualAccountNo\": \"\",\n"
                + "  \"virtualAccountName\": \"T\\u00e9st \\/ TCK\",\n  \"trxId\": \"" + trxId + "\",\n"
                + "  \"totalAmount\": { \"value\": \"10000.00\", \"currency\": \"IDR\" },\n"
                + "  \"additionalInfo\": { \"bankCd\": \"CENA\", \"goodsNm\": \"Goods / TCK\" }\n}\n"
                : "{\"partnerServiceId\":\"\",\"customerNo\":\"\",\"virtualAccountNo\":\"\",\"virtualAccountName\":"
                + "\"TCK\",\"trxId\":\"" + trxId + "\",\"totalAmount\":{\"value\":\"10000.00\",\"currency\":\"IDR\"},"
                + "\"additionalInfo\":{\"bankCd\":\"CENA\",\"goodsNm\":\"TCK\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private RecordedRequest lastVaRequest() {
        List<RecordedRequest> va = sandbox.recordedRequests().stream()
                .filter(r -> r.path().equals(VA_CREATE_PATH)).toList();
        assertThat(va).as("VA creations the sandbox recorded").isNotEmpty();
        return va.get(va.size() - 1);
    }

    private static CapturedRequest onlyRequest(LoopbackHttpServer server) {
        List<CapturedRequest> requests = server.requests();
        assertThat(requests).as("requests the server received").hasSize(1);
        return requests.get(0);
    }

    private static String text(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
