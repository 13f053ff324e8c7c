package dev.snapbi.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.signedToken;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting, configuring, registering clients and closing. */
class SnapSandboxTest {

    private static KeyPair keys;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @Test
    void listens_on_loopback_and_an_ephemeral_port_by_default() {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            assertThat(sandbox.port()).isPositive();
            assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
            assertThat(sandbox.toString()).isEqualTo("SnapSandbox[http://127.0.0.1:" + sandbox.port() + "]");
        }
    }

    @Test
    void listens_on_the_configured_host_and_port() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (SnapSandbox sandbox = SnapSandbox.builder().host("localhost").port(free).start()) {
            assertThat(sandbox.port()).isEqualTo(free);
            assertThat(sandbox.baseUrl().toString()).isEqualTo("http://localhost:" + free);
            assertThat(Snap.ping(sandbox.baseUrl(), null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void names_the_loopback_address_when_bound_to_every_interface() {
        try (SnapSandbox sandbox = SnapSandbox.builder().host("0.0.0.0").start()) {
            assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
            assertThat(Snap.ping(sandbox.baseUrl(), null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void says_what_to_do_when_the_port_is_taken() {
        try (SnapSandbox first = SnapSandbox.start()) {
            assertThatThrownBy(() -> SnapSandbox.builder().port(first.port()).start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port()).hasMessageContaining("port 0");
        }
    }

    @Test
    void refuses_nonsense_configuration() {
        SnapSandbox.Builder builder = SnapSandbox.builder();
        assertThatThrownBy(() -> builder.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.host(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tokenLifetime(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.timestampWindow(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void closed_from_an_interrupted_thread_it_has_stopped_listening_and_the_interrupt_is_kept() {
        SnapSandbox sandbox = SnapSandbox.start();
        int port = sandbox.port();
        boolean stillInterrupted;
        Thread.currentThread().interrupt(); // as a shutdown after Ctrl-C closes it
        try {
            sandbox.close();
        } finally {
            stillInterrupted = Thread.interrupted(); // and clear it for the next tests
        }

        assertThat(stillInterrupted).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void stops_listening_when_closed_and_closes_twice_quietly() throws Exception {
        SnapSandbox sandbox = SnapSandbox.start();
        int port = sandbox.port();
        sandbox.close();

        assertThatCode(sandbox::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(sandbox.toString()).endsWith(", closed]");
    }

    @Test
    void closing_interrupts_requests_held_by_a_delay() throws Exception {
        SnapSandbox sandbox = SnapSandbox.start();
        sandbox.registerClient("IONPAYTEST", keys.getPublic());
        sandbox.faults().delay(Duration.ofMinutes(5));
        Thread client = new Thread(() -> {
            try {
                signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(), Snap.nowInJakarta())
                        .timeout(Duration.ofMinutes(1)).sendOrThrow();
            } catch (Exception expected) {
                // the connection goes away with the sandbox
            }
        });
        client.start();
        while (sandbox.stats().tokenRequests() == 0) {
            Thread.onSpinWait();
        }
        sandbox.close();
        client.join(10_000);
        assertThat(client.isAlive()).isFalse();
    }

    @Test
    void keeps_sandboxes_in_one_jvm_apart() {
        try (SnapSandbox one = SnapSandbox.builder().clock(new MutableClock(NOW)).start();
             SnapSandbox two = SnapSandbox.builder().clock(new MutableClock(NOW)).start()) {
            one.registerClient("IONPAYTEST", keys.getPublic());
            two.faults().dropNext(1);

            assertThat(signedToken(one.baseUrl(), "IONPAYTEST", keys.getPrivate(), NOW_TEXT).send().statusCode())
                    .isEqualTo(200);
            assertThat(one.stats().tokenRequests()).isEqualTo(1);
            assertThat(two.stats().tokenRequests()).isZero();
            assertThat(two.clients()).isEmpty();
            assertThat(two.faults().pending()).isEqualTo(1);
        }
    }

    @Test
    void registers_a_public_key_only_client_with_a_generated_secret() {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            SandboxClient client = sandbox.registerClient("IONPAYTEST", keys.getPublic());

            assertThat(client.clientKey()).isEqualTo("IONPAYTEST");
            assertThat(client.publicKey()).isEqualTo(keys.getPublic());
            assertThat(client.privateKey()).isNull();
            assertThat(client.clientSecret()).matches("[A-Za-z0-9_-]{43}");
            assertThat(sandbox.registerClient("OTHER", keys.getPublic()).clientSecret())
                    .isNotEqualTo(client.clientSecret());
        }
    }

    @Test
    void keeps_a_given_client_secret_and_generates_one_for_null() {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            assertThat(sandbox.registerClient("A", keys.getPublic(), "my-secret").clientSecret())
                    .isEqualTo("my-secret");
            assertThat(sandbox.registerClient("B", keys.getPublic(), null).clientSecret()).hasSize(43);
            assertThatThrownBy(() -> sandbox.registerClient("C", keys.getPublic(), ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }
    }

    @Test
    void registers_a_new_client_with_a_fresh_2048_bit_key_pair() throws Exception {
        try (SnapSandbox sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start()) {
            SandboxClient client = sandbox.registerNewClient("FRESH");

            assertThat(client.privateKey()).isNotNull();
            assertThat(((java.security.interfaces.RSAPublicKey) client.publicKey()).getModulus().bitLength())
                    .isEqualTo(2048);
            assertThat(signedToken(sandbox.baseUrl(), "FRESH", client.privateKey(), NOW_TEXT).send().statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void replaces_a_client_registered_again_and_forgets_a_removed_one() {
        try (SnapSandbox sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start()) {
            KeyPair old = Snap.newRsaKeyPair();
            sandbox.registerClient("IONPAYTEST", old.getPublic());
            sandbox.registerClient("IONPAYTEST", keys.getPublic());

            assertThat(signedToken(sandbox.baseUrl(), "IONPAYTEST", old.getPrivate(), NOW_TEXT).send().body())
                    .isEqualTo(snapBody("4017300", "Unauthorized. [Signature]"));
            assertThat(sandbox.removeClient("IONPAYTEST")).isTrue();
            assertThat(sandbox.removeClient("IONPAYTEST")).isFalse();
            assertThat(signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(), NOW_TEXT).send().body())
                    .isEqualTo(snapBody("4017300", "Unauthorized. [Unknown client]"));
        }
    }

    @Test
    void refuses_client_keys_that_cannot_travel_in_a_header_or_a_string_to_sign() {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            for (String bad : new String[] {"", "with space", "pipe|key", "tab\tkey", "caf\u00e9", "x".repeat(129)}) {
                assertThatThrownBy(() -> sandbox.registerClient(bad, keys.getPublic()))
                        .as(bad).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> sandbox.registerNewClient(null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(sandbox.clients()).isEmpty();
        }
    }

    @Test
    void refuses_a_key_that_is_not_rsa() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            assertThatThrownBy(() -> sandbox.registerClient("EC", ec.generateKeyPair().getPublic()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA public key");
        }
    }

    @Test
    void shows_no_secret_in_a_client_toString() {
        SandboxClient client = new SandboxClient("IONPAYTEST", keys, "top-secret-value");
        String shown = client.toString();

        assertThat(shown).isEqualTo("SandboxClient[clientKey=IONPAYTEST, publicKey=RSA 2048, privateKey=****,"
                + " clientSecret=****]");
        assertThat(new SandboxClient("X", new KeyPair(keys.getPublic(), null), "s").toString())
                .contains("privateKey=none");
    }
}
