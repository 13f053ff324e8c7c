package dev.snapbi.adapter.jdk;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.port.TransactionTransport.Request;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.testing.tck.internal.LoopbackHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plain http goes only to loopback, judged by the host's text: names that resolve to 127.0.0.1 (through the test
 * hosts file, {@code -Djdk.net.hosts.file}, so no traffic leaves this machine) are refused before anything connects.
 * The positive controls prove the names really reach the loopback server when the loud opt-out is used.
 */
class PlainHttpGuardTest {

    private LoopbackHttpServer server;

    @BeforeAll
    static void namesResolveFromTheTestHostsFileOnly() throws Exception {
        assertThat(System.getProperty("jdk.net.hosts.file")).as("-Djdk.net.hosts.file (set by the surefire argLine)")
                .isNotNull();
        assertThat(InetAddress.getByName("merchant.test").isLoopbackAddress()).isTrue();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.attacker.example", "127.0.0.1.nip.io", "merchant.test"})
    void the_transport_refuses_plain_http_to_a_name_that_resolves_to_loopback_before_connecting(String name) {
        server = okServer();
        try (JdkTransactionTransport transport = JdkTransactionTransport.builder().build()) {
            URI target = URI.create("http://" + name + ":" + server.uri("/").getPort() + "/nicepay/api/v1.0/x");

            assertThatThrownBy(() -> transport.exchange(request(target)))
                    .isInstanceOf(SnapConfigurationException.class)
                    .hasMessageContaining("refusing plain http:// to " + name);
        }
        assertThat(server.connectionsAccepted()).as("connections the loopback server accepted").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.attacker.example", "127.0.0.1.nip.io", "merchant.test"})
    void the_loud_opt_out_lets_the_same_name_through_so_the_refusal_above_is_by_name(String name) {
        server = okServer();
        try (JdkTransactionTransport transport = JdkTransactionTransport.builder().allowInsecureHttpForTesting()
                .build()) {
            URI target = URI.create("http://" + name + ":" + server.uri("/").getPort() + "/nicepay/api/v1.0/x");

            assertThat(transport.exchange(request(target)).status()).isEqualTo(200);
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void the_transport_sends_plain_http_to_loopback_literals_and_localhost() {
        server = okServer();
        int port = server.uri("/").getPort();
        try (JdkTransactionTransport transport = JdkTransactionTransport.builder().build()) {
            for (String host : new String[]{"127.0.0.1", "localhost", "LOCALHOST"}) {
                assertThat(transport.exchange(request(URI.create("http://" + host + ":" + port + "/x"))).status())
                        .as("status via %s", host).isEqualTo(200);
            }
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void the_token_endpoint_refuses_a_profile_on_such_a_name_before_connecting() {
        server = okServer();
        URI base = URI.create("http://127.0.0.1.nip.io:" + server.uri("/").getPort());

        assertThatThrownBy(() -> JdkTokenEndpoint.builder().profile(ProviderProfile.nicepay(base)).build())
                .isInstanceOf(SnapConfigurationException.class)
                .hasMessageContaining("refusing plain http:// to 127.0.0.1.nip.io");
        assertThat(server.connectionsAccepted()).isZero();
    }

    @Test
    void the_token_endpoint_follows_the_profiles_loud_opt_out() {
        server = LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200,
                Map.of("Content-Type", "application/json"), ("{\"responseCode\":\"2007300\",\"responseMessage\":"
                        + "\"Successful\",\"accessToken\":\"abc\",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        ProviderProfile profile = ProviderProfile.nicepay(URI.create("https://merchant.test")).toBuilder()
                .allowInsecureHttpForTesting().baseUrl("http://merchant.test:" + server.uri("/").getPort()).build();

        try (JdkTokenEndpoint endpoint = JdkTokenEndpoint.builder().profile(profile).maxAttempts(1).build()) {
            TokenGrant grant = endpoint.requestToken(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"),
                    s -> Base64Signature.ofBytes(new byte[]{1, 2, 3}), Clock.systemUTC(), SnapTimestamp.JAKARTA));
            assertThat(grant.accessToken()).isEqualTo("abc");
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void an_unknown_host_is_surely_not_sent() {
        try (JdkTransactionTransport transport = JdkTransactionTransport.builder().build()) {
            // resolved through the test hosts file only: the lookup never leaves this machine
            assertThatThrownBy(() -> transport.exchange(request(URI.create("https://no-such-host.test/x"))))
                    .isInstanceOfSatisfying(SnapUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.CONNECT);
                        assertThat(e.surelyNotSent()).isTrue();
                    });
        }
    }

    private static LoopbackHttpServer okServer() {
        return LoopbackHttpServer.start((r, out, s) -> LoopbackHttpServer.answer(out, 200, Map.of(), new byte[0]));
    }

    private static Request request(URI uri) {
        return Request.of("POST", uri, uri.getRawPath(), Map.of("Content-Type", "application/json",
                "Authorization", "Bearer secret-token-value-0123456789"), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
