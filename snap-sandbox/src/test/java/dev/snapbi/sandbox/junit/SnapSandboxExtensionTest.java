package dev.snapbi.sandbox.junit;

import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The JUnit 5 extension, used as users would use it, and run through the JUnit launcher to see it clean up. */
class SnapSandboxExtensionTest {

    /** Gets a token from the sandbox with the client's key, as a raw client; returns the answer body. */
    static HttpResponse<String> token(SnapSandbox sandbox, SandboxClient client) throws Exception {
        String timestamp = OffsetDateTime.now(ZoneId.of("Asia/Jakarta")).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(client.privateKey());
        signer.update((client.clientKey() + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(sandbox.baseUrl().resolve(SnapSandbox.TOKEN_PATH))
                .POST(HttpRequest.BodyPublishers.ofString("{\"grantType\":\"client_credentials\"}"))
                .header("Content-Type", "application/json").header("X-TIMESTAMP", timestamp)
                .header("X-CLIENT-KEY", client.clientKey())
                .header("X-SIGNATURE", Base64.getEncoder().encodeToString(signer.sign())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static boolean listens(URI baseUrl) {
        try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
            return socket.isConnected();
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @ExtendWith(SnapSandboxExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithExtendWith {

        private static final AtomicReference<SnapSandbox> FIRST = new AtomicReference<>();

        @BeforeAll
        static void sandbox_is_there_before_all(SnapSandbox sandbox) {
            FIRST.set(sandbox);
        }

        @Test
        @Order(1)
        void hands_the_test_a_running_sandbox_and_a_registered_client_with_its_private_key(
                SnapSandbox sandbox, SandboxClient client) throws Exception {
            assertThat(sandbox).isSameAs(FIRST.get());
            assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(client.clientKey()).isEqualTo(SnapSandboxExtension.CLIENT_KEY);
            assertThat(client.privateKey()).isNotNull();
            assertThat(sandbox.clients()).containsExactly(client);

            HttpResponse<String> response = token(sandbox, client);
            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        @Order(2)
        void shares_one_sandbox_per_class_and_leaves_faults_for_the_test_to_set(SnapSandbox sandbox) {
            assertThat(sandbox).isSameAs(FIRST.get());
            sandbox.faults().dropNext(5);
            sandbox.transactionFaults().processedThenDropNext(2);
        }

        @Test
        @Order(3)
        void clears_faults_before_each_test_but_keeps_stats(SnapSandbox sandbox) {
            assertThat(sandbox.faults().pending()).isZero();
            assertThat(sandbox.transactionFaults().pending()).isZero();
            assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
        }

        @Nested
        class AndNestedDeeper {
            @Test
            void sees_the_same_sandbox(SnapSandbox sandbox, SandboxClient client) {
                assertThat(sandbox).isSameAs(FIRST.get());
                assertThat(client.clientKey()).isEqualTo(SnapSandboxExtension.CLIENT_KEY);
            }
        }
    }

    @Nested
    class WithRegisterExtension {

        @RegisterExtension
        final SnapSandboxExtension extension = SnapSandboxExtension.configured(
                builder -> builder.tokenLifetime(Duration.ofSeconds(60)));

        @Test
        void configures_the_sandbox_and_exposes_it_through_the_field(SnapSandbox sandbox, SandboxClient client)
                throws Exception {
            assertThat(extension.sandbox()).isSameAs(sandbox);
            assertThat(token(sandbox, client).body()).contains("\"expiresIn\":\"60\"");
        }
    }

    @Test
    void starts_the_sandbox_for_a_class_and_closes_it_after_the_class() {
        // a launcher of its own, without listeners found on the class path (the build's reporter among them)
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ClassUsingTheExtension.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        ClassUsingTheExtension.SEEN.set(null);

        launcher.execute(request, listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getTotalFailureCount()).isZero();
        SnapSandbox seen = ClassUsingTheExtension.SEEN.get();
        assertThat(seen).isNotNull();
        assertThat(listens(seen.baseUrl())).isFalse();
    }

    @Test
    void says_when_the_sandbox_is_not_running() {
        assertThatThrownBy(() -> new SnapSandboxExtension().sandbox()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only while a test class");
    }

    /** Run by the launcher above, not by the build (surefire skips nested class files). */
    @ExtendWith(SnapSandboxExtension.class)
    static class ClassUsingTheExtension {
        static final AtomicReference<SnapSandbox> SEEN = new AtomicReference<>();

        @Test
        void first(SnapSandbox sandbox) {
            SEEN.compareAndSet(null, sandbox);
            assertThat(listens(sandbox.baseUrl())).isTrue();
        }

        @Test
        void second(SnapSandbox sandbox) {
            SEEN.compareAndSet(null, sandbox);
            assertThat(SEEN.get()).isSameAs(sandbox);
        }
    }
}
