package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import static dev.snapbi.sandbox.Snap.BODY;
import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.signedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stats and the recorded requests: what tests use to see how many requests a client really made. */
class StatsAndRecordingTest {

    private static KeyPair keys;
    private SnapSandbox sandbox;

    @BeforeAll
    static void keys() {
        keys = Snap.newRsaKeyPair();
    }

    @BeforeEach
    void start() {
        sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).start();
        sandbox.registerClient("IONPAYTEST", keys.getPublic());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Snap.TokenCall token() {
        return signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(), NOW_TEXT);
    }

    @Test
    void counts_token_requests_tokens_issued_pings_and_rejections_by_code() {
        String token = Snap.accessToken(token().send().body());
        token().send();
        token().send();
        token().header("X-SIGNATURE", Snap.sign(keys.getPrivate(), "other")).send();
        token().header("X-SIGNATURE", Snap.sign(keys.getPrivate(), "again other")).send();
        token().header("X-CLIENT-KEY", "NOBODY").send();
        token().method("PUT").send();
        token().without("X-TIMESTAMP").send();
        sandbox.faults().tooManyRequestsNext(1, 1).htmlErrorNext(1, 502);
        token().send();
        token().send();
        Snap.ping(sandbox.baseUrl(), "Bearer " + token);
        Snap.ping(sandbox.baseUrl(), null);

        SandboxStats stats = sandbox.stats();

        assertThat(stats.tokenRequests()).isEqualTo(10);
        assertThat(stats.tokensIssued()).isEqualTo(3);
        assertThat(stats.pingRequests()).isEqualTo(2);
        assertThat(stats.rejectionsByCode()).containsExactly(Map.entry("4007302", 1L), Map.entry("4017300", 3L),
                Map.entry("4017301", 1L), Map.entry("4057300", 1L), Map.entry("4297300", 1L));
        assertThat(stats.rejections("4017300")).isEqualTo(3);
        assertThat(stats.rejections("5007300")).isZero();
        assertThat(stats.totalRejections()).isEqualTo(7);
    }

    @Test
    void resetStats_sets_the_counters_to_zero_and_keeps_the_recorded_requests() {
        token().send();
        sandbox.resetStats();

        assertThat(sandbox.stats()).isEqualTo(new SandboxStats(0, 0, 0, 0, Map.of(), Map.of()));
        assertThat(sandbox.recordedRequests()).hasSize(1);
        sandbox.clearRecordedRequests();
        assertThat(sandbox.recordedRequests()).isEmpty();
    }

    @Test
    void records_method_path_headers_body_signature_validity_and_answer() {
        token().header("X-EXTRA", "one").send();
        token().header("X-SIGNATURE", Snap.sign(keys.getPrivate(), "nope")).send();

        List<RecordedRequest> recorded = sandbox.recordedRequests();

        assertThat(recorded).hasSize(2);
        RecordedRequest good = recorded.get(0);
        assertThat(good.method()).isEqualTo("POST");
        assertThat(good.path()).isEqualTo(SnapSandbox.TOKEN_PATH);
        assertThat(good.header("x-client-key")).isEqualTo("IONPAYTEST");
        assertThat(good.header("X-TIMESTAMP")).isEqualTo(NOW_TEXT);
        assertThat(good.header("X-Signature")).isEqualTo(Snap.sign(keys.getPrivate(), "IONPAYTEST|" + NOW_TEXT));
        assertThat(good.header("x-extra")).isEqualTo("one");
        assertThat(good.header("X-MISSING")).isNull();
        assertThat(good.hasHeader("content-type")).isTrue();
        assertThat(good.body()).isEqualTo(BODY);
        assertThat(good.signatureValid()).isTrue();
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.responseCode()).isEqualTo("2007300");

        RecordedRequest bad = recorded.get(1);
        assertThat(bad.signatureValid()).isFalse();
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.responseCode()).isEqualTo("4017300");
        assertThatThrownBy(() -> bad.headers().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void records_the_signature_as_valid_even_when_another_check_fails() {
        signedToken(sandbox.baseUrl(), "IONPAYTEST", keys.getPrivate(), Snap.jakarta(NOW.minusSeconds(3600))).send();
        token().body("{}").send();

        assertThat(sandbox.recordedRequests()).extracting(RecordedRequest::signatureValid).containsExactly(true, true);
        assertThat(sandbox.recordedRequests()).extracting(RecordedRequest::responseCode)
                .containsExactly("4017300", "4007302");
    }

    @Test
    void keeps_only_the_last_1000_requests() {
        for (int i = 0; i < 1010; i++) {
            // cheap requests: no signature work on either side
            Snap.token(sandbox.baseUrl()).header("X-CLIENT-KEY", "K" + i).send();
        }

        List<RecordedRequest> recorded = sandbox.recordedRequests();

        assertThat(recorded).hasSize(1000);
        assertThat(recorded.get(0).header("X-CLIENT-KEY")).isEqualTo("K10");
        assertThat(recorded.get(999).header("X-CLIENT-KEY")).isEqualTo("K1009");
        assertThat(sandbox.stats().tokenRequests()).isEqualTo(1010);
    }

    @Test
    void recorded_requests_never_show_signatures_in_toString() {
        token().send();
        String signature = Snap.sign(keys.getPrivate(), "IONPAYTEST|" + NOW_TEXT);

        String shown = sandbox.recordedRequests().get(0).toString();

        assertThat(shown).doesNotContain(signature).contains("X-signature=****", "X-client-key=IONPAYTEST",
                "answered 200 2007300");
    }
}
