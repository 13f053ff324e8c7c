package dev.snapbi.testing;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import dev.snapbi.testing.internal.JdkRsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SnapSandboxExtension.class)
class SandboxSignersTest {

    @Test
    void signs_token_requests_the_sandbox_accepts(SnapSandbox sandbox, SandboxClient client) throws Exception {
        ManualClock clock = ManualClock.startingAt(java.time.Instant.now());
        TokenRequestSupplier requests = SandboxSigners.tokenRequests(client, sandbox, clock);
        TokenRequest request = requests.get();

        HttpResponse<String> answer = send(sandbox.baseUrl(), request);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"2007300\"");
        assertThat(request.timestamp().value()).endsWith("+07:00");
        assertThat(clock.readings()).isEqualTo(1);
    }

    @Test
    void a_signature_by_another_key_is_refused_by_the_sandbox(SnapSandbox sandbox, SandboxClient client)
            throws Exception {
        SandboxClient impostor = new SandboxClient(client.clientKey(), JdkRsa.generate(2048), "secret");

        HttpResponse<String> answer = send(sandbox.baseUrl(),
                SandboxSigners.tokenRequests(impostor, sandbox).get());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("4017300");
    }

    @Test
    void refuses_a_client_known_only_by_its_public_key(SnapSandbox sandbox) {
        SandboxClient publicOnly = sandbox.registerClient("PUBONLY", JdkRsa.generate(2048).getPublic());
        assertThatThrownBy(() -> SandboxSigners.signer(publicOnly))
                .isInstanceOf(SnapConfigurationException.class).hasMessageContaining("public key only");
    }

    private static HttpResponse<String> send(URI baseUrl, TokenRequest request) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(baseUrl.resolve(SnapSandbox.TOKEN_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SnapHeaders.X_TIMESTAMP, request.timestamp().value())
                .header(SnapHeaders.X_CLIENT_KEY, request.clientKey().value())
                .header(SnapHeaders.X_SIGNATURE, request.signature().value())
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
