package dev.snapbi.adapter.jdk;

import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.testing.tck.internal.LoopbackHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The token endpoint's hardening (issue 13, items 1, 2, 5, 11, 18 as they apply to this adapter): every answer read
 * within one deadline and a size bound, gzip never read outside the deadline, the signature sent never echoed into a
 * failure, timeouts validated, no threads left after close.
 */
class JdkTokenEndpointTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    private final B2bTokenRequestSupplier requests;
    private final String signature;
    private LoopbackHttpServer server;

    JdkTokenEndpointTest() {
        byte[] sig = new byte[256];
        new Random(7).nextBytes(sig);
        Base64Signature s = Base64Signature.ofBytes(sig);
        this.signature = s.value();
        this.requests = B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), x -> s, Clock.systemUTC(),
                SnapTimestamp.JAKARTA);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_success_body_that_drips_ends_at_the_read_timeout() {
        server = LoopbackHttpServer.start((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{");
            while (!s.awaitRelease(Duration.ofMillis(100))) {
                LoopbackHttpServer.write(out, " ");
            }
        });

        assertTimeout();
    }

    @Test
    void an_endless_chunked_body_ends_at_the_read_timeout() {
        server = LoopbackHttpServer.start((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
            while (!s.awaitRelease(Duration.ofMillis(50))) {
                LoopbackHttpServer.write(out, "1\r\n \r\n");
            }
        });

        assertTimeout();
    }

    @Test
    void a_gzip_header_then_silence_ends_at_the_read_timeout() {
        server = LoopbackHttpServer.start((r, out, s) -> {
            LoopbackHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 100\r\n\r\n");
            out.write(new byte[]{0x1f, (byte) 0x8b, 8, 0});
            out.flush();
            s.awaitRelease(Duration.ofSeconds(120));
        });

        assertTimeout();
    }

    @Test
    void an_answer_over_the_bound_is_a_protocol_error_whatever_its_status() {
        for (int status : new int[]{200, 401, 503}) {
            server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, status, Map.of(),
                    " ".repeat(4096).getBytes(StandardCharsets.US_ASCII)));
            try (JdkTokenEndpoint endpoint = endpoint(Duration.ofSeconds(30), 1024)) {
                assertThatThrownBy(() -> endpoint.requestToken(requests)).as("HTTP %s", status)
                        .isInstanceOf(SnapProtocolException.class).hasMessageContaining("1024 bytes");
            }
            server.close();
        }
    }

    @Test
    void a_server_that_echoes_the_signature_does_not_get_it_into_the_error() {
        server = LoopbackHttpServer.start((r, out, s) -> {
            String sent = r.values("X-SIGNATURE").get(0);
            String echo = "{\"responseCode\":\"4017300\",\"responseMessage\":\"Unauthorized. [Signature] got "
                    + sent.substring(0, 186) + "\"}";
            LoopbackHttpServer.answer(out, 401, Map.of("Content-Type", "application/json"),
                    echo.getBytes(StandardCharsets.UTF_8));
        });

        Throwable thrown;
        try (JdkTokenEndpoint endpoint = endpoint(Duration.ofSeconds(30), 65536)) {
            thrown = catchThrowable(() -> endpoint.requestToken(requests));
        }

        assertThat(thrown).isInstanceOfSatisfying(SnapAuthenticationException.class, e -> {
            assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Unauthorized. [Signature]")
                    .doesNotContain(signature.substring(0, 24)));
            assertThat(e.getMessage()).doesNotContain(signature.substring(0, 24))
                    .doesNotContain(signature.substring(100, 124));
        });
    }

    @Test
    void refuses_a_timeout_that_would_overflow() {
        assertThatThrownBy(() -> JdkTokenEndpoint.builder().profile(ProviderProfile.nicepayDevelopment())
                .readTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build())
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("readTimeout");
    }

    @Test
    void close_ends_the_threads_it_started() {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(),
                ("{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":\"abc\","
                        + "\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}").getBytes(StandardCharsets.UTF_8)));
        Set<Thread> before = threads();
        JdkTokenEndpoint endpoint = endpoint(Duration.ofSeconds(30), 65536);
        assertThat(endpoint.requestToken(requests).accessToken()).isEqualTo("abc");
        Set<Thread> started = threads();
        started.removeAll(before);
        assertThat(started).isNotEmpty();

        endpoint.close();

        assertThat(started).noneMatch(Thread::isAlive);
    }

    private void assertTimeout() {
        Throwable thrown;
        try (JdkTokenEndpoint endpoint = endpoint(SHORT, 65536)) {
            thrown = catchThrowable(() -> endpoint.requestToken(requests));
        }
        assertThat(thrown).isInstanceOfSatisfying(SnapUnavailableException.class, e ->
                assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TIMEOUT));
        assertThat(server.requests()).as("attempts").hasSize(1);
    }

    private JdkTokenEndpoint endpoint(Duration readTimeout, int maxBody) {
        return JdkTokenEndpoint.builder().profile(ProviderProfile.nicepay(server.uri("")))
                .readTimeout(readTimeout).maxBodyBytes(maxBody).maxAttempts(1).build();
    }

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("snapbi-jdk-token-") && t.isAlive()).collect(Collectors.toSet());
    }
}
