import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import dev.snapbi.testing.LogCapture;
import dev.snapbi.testing.ManualClock;
import dev.snapbi.testing.SandboxSigners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's own test with the sandbox extension, ManualClock, SandboxSigners and LogCapture, run on JUnit 5.9. */
@ExtendWith(SnapSandboxExtension.class)
class UserSandboxTest {

    @Test
    void runs_on_a_junit_older_than_5_10() {
        // NamespacedHierarchicalStore arrived in JUnit 5.10; the NoSuchMethodError users saw came from it
        assertThatThrownBy(() -> Class.forName("org.junit.platform.engine.support.store.NamespacedHierarchicalStore"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void gets_a_token_from_the_sandbox_on_manual_time(SnapSandbox sandbox, SandboxClient client) {
        ManualClock time = ManualClock.startingAt(Instant.now());
        try (LogCapture logs = LogCapture.of(AccessTokenService.class);
             AccessTokenService tokens = FeignAccessTokens.builder().baseUrl(sandbox.baseUrl().toString())
                     .clientKey(client.clientKey()).signer(SandboxSigners.signer(client)).clock(time).build()) {
            assertThat(tokens.accessToken().tokenType()).isEqualTo("Bearer");
            assertThat(sandbox.stats().tokenRequests()).isEqualTo(1);
            assertThat(logs.warnings()).isEmpty();
        }
        time.advance(Duration.ofMinutes(1));
        assertThat(time.instant()).isAfter(Instant.now().plusSeconds(30));
    }
}
