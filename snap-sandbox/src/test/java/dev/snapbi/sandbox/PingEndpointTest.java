package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;

import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.jakarta;
import static dev.snapbi.sandbox.Snap.ping;
import static dev.snapbi.sandbox.Snap.signedToken;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

/** The protected ping resource: which tokens it takes, and when it stops taking them. */
class PingEndpointTest {

    private static final String OK = snapBody("2000000", "Successful");
    private static final String INVALID = snapBody("4017301", "Access Token Invalid");
    private static KeyPair keys;

    private MutableClock clock;
    private SnapSandbox sandbox;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(NOW);
        sandbox = SnapSandbox.builder().clock(clock).start();
        sandbox.registerClient("IONPAYTEST", keys.getPublic());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String newToken() {
        HttpResponse<String> response = signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(),
                jakarta(clock.instant())).send();
        assertThat(response.statusCode()).isEqualTo(200);
        return Snap.accessToken(response.body());
    }

    private void assertPing(String authorization, int status, String body) {
        HttpResponse<String> response = ping(sandbox.baseUrl(), authorization);
        assertThat(response.statusCode()).as("ping with %s", authorization).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void answers_200_to_a_token_it_issued() {
        assertPing("Bearer " + newToken(), 200, OK);
    }

    @Test
    void takes_the_bearer_scheme_in_any_case() {
        assertPing("bearer " + newToken(), 200, OK);
    }

    @Test
    void answers_401_4017301_to_anything_but_a_live_token_it_issued() {
        String token = newToken();
        assertPing(null, 401, INVALID);
        assertPing("Bearer", 401, INVALID);
        assertPing("Bearer " + token.substring(1), 401, INVALID);
        assertPing("Bearer  " + token, 401, INVALID);
        assertPing("Basic " + token, 401, INVALID);
        assertPing(token, 401, INVALID);
        try (SnapSandbox other = SnapSandbox.builder().clock(clock).start()) {
            other.registerClient("IONPAYTEST", keys.getPublic());
            String foreign = Snap.accessToken(signedToken(other.baseUrl(), "IONPAYTEST", keys.getPrivate(),
                    jakarta(clock.instant())).send().body());
            assertPing("Bearer " + foreign, 401, INVALID);
        }
    }

    @Test
    void stops_taking_a_token_when_it_expires_by_the_sandbox_clock() {
        String token = newToken();
        clock.advance(Duration.ofSeconds(899));
        assertPing("Bearer " + token, 200, OK);
        assertThat(sandbox.isTokenActive(token)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertPing("Bearer " + token, 401, INVALID);
        assertThat(sandbox.isTokenActive(token)).isFalse();
    }

    @Test
    void stops_taking_a_revoked_token_and_keeps_taking_the_others() {
        String revoked = newToken();
        String kept = newToken();
        sandbox.revokeToken(revoked);
        assertPing("Bearer " + revoked, 401, INVALID);
        assertPing("Bearer " + kept, 200, OK);
        assertThat(sandbox.isTokenActive(revoked)).isFalse();
        assertThat(sandbox.isTokenActive(kept)).isTrue();
    }

    @Test
    void stops_taking_every_token_after_revoking_all() {
        String first = newToken();
        String second = newToken();
        sandbox.revokeAllTokens();
        assertPing("Bearer " + first, 401, INVALID);
        assertPing("Bearer " + second, 401, INVALID);
        assertPing("Bearer " + newToken(), 200, OK);
    }

    @Test
    void answers_405_to_other_methods() {
        HttpResponse<String> response = Snap.send(HttpRequest.newBuilder(sandbox.baseUrl()
                .resolve(SnapSandbox.PING_PATH)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + newToken()).build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo(snapBody("4050000", "Requested Function Is Not Supported"));
    }

    @Test
    void is_never_faulted() {
        String token = newToken();
        sandbox.faults().dropNext(1).failNext(1, 500, "5007300", "General Error");
        assertPing("Bearer " + token, 200, OK);
        assertThat(sandbox.faults().pending()).isEqualTo(2);
    }

    @Test
    void counts_pings_and_their_rejections() {
        String token = newToken();
        ping(sandbox.baseUrl(), "Bearer " + token);
        ping(sandbox.baseUrl(), "Bearer nope");
        SandboxStats stats = sandbox.stats();
        assertThat(stats.pingRequests()).isEqualTo(2);
        assertThat(stats.rejectionsByCode()).containsExactly(entry("4017301", 1L));
    }

    @Test
    void isTokenActive_says_no_to_nothing() {
        assertThat(sandbox.isTokenActive(null)).isFalse();
        assertThat(sandbox.isTokenActive("")).isFalse();
        assertThatCode(() -> sandbox.revokeToken(null)).doesNotThrowAnyException();
    }
}
