package dev.snapbi.sandbox;

import dev.snapbi.sandbox.internal.SandboxJson;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.snapbi.sandbox.Snap.signedToken;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault mode, set from Java, as a raw HTTP client sees it. */
@ExtendWith(SnapSandboxExtension.class)
class FaultsTest {

    private final SnapSandbox sandbox;
    private final SandboxClient client;

    FaultsTest(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
    }

    private Snap.TokenCall request() {
        return signedToken(sandbox.baseUrl(), client.clientKey(), client.privateKey(), Snap.nowInJakarta());
    }

    private void assertIssuesTokens() {
        HttpResponse<String> response = request().send();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"responseCode\":\"2007300\"");
        assertThat(sandbox.isTokenActive(Snap.accessToken(response.body()))).isTrue();
    }

    @Test
    void failNext_answers_the_given_status_and_code_count_times_then_answers_normally() {
        sandbox.faults().failNext(2, 503, "5037300", "Service Unavailable");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = request().send();
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo(snapBody("5037300", "Service Unavailable"));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        assertThat(sandbox.faults().pending()).isZero();
        assertIssuesTokens();
    }

    @Test
    void dropNext_closes_the_connection_without_an_answer() {
        long before = sandbox.stats().tokenRequests();
        sandbox.faults().dropNext(1);

        assertThatThrownBy(() -> request().sendOrThrow()).isInstanceOf(IOException.class);

        assertThat(sandbox.stats().tokenRequests()).isEqualTo(before + 1);
        RecordedRequest dropped = last();
        assertThat(dropped.status()).isZero();
        assertThat(dropped.responseCode()).isNull();
        assertThat(dropped.signatureValid()).isTrue();
        assertIssuesTokens();
    }

    @Test
    void malformedNext_answers_200_with_a_body_that_is_not_json() {
        long issued = sandbox.stats().tokensIssued();
        sandbox.faults().malformedNext(1);

        HttpResponse<String> response = request().send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"responseCode\":\"2007300\"");
        assertThatThrownBy(() -> SandboxJson.parse(response.body())).isInstanceOf(SandboxJson.JsonException.class);
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(issued);
        assertIssuesTokens();
    }

    @Test
    void truncatedNext_answers_200_with_a_success_body_cut_short_but_a_matching_length() {
        sandbox.faults().truncatedNext(1);

        HttpResponse<String> response = request().send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"responseCode\":\"2007300\"").doesNotEndWith("}");
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(response.body().length()));
        assertThatThrownBy(() -> SandboxJson.parse(response.body())).isInstanceOf(SandboxJson.JsonException.class);
        assertIssuesTokens();
    }

    @Test
    void htmlErrorNext_answers_an_html_page_with_the_given_status() {
        sandbox.faults().htmlErrorNext(1, 502);

        HttpResponse<String> response = request().send();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).startsWith("<html>").contains("<h1>502 Bad Gateway</h1>");
        assertThat(last().responseCode()).isNull();
        assertIssuesTokens();
    }

    @Test
    void oversizedNext_answers_a_well_formed_body_larger_than_64_kib() throws Exception {
        sandbox.faults().oversizedNext(1);

        HttpResponse<String> response = request().send();

        assertThat(response.statusCode()).isEqualTo(200);
        int length = response.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(length).isGreaterThan(64 * 1024);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(length));
        assertThat(SandboxJson.parseObject(response.body())).containsEntry("responseCode", "2007300")
                .doesNotContainKey("accessToken");
        assertIssuesTokens();
    }

    @Test
    void tooManyRequestsNext_answers_429_with_retry_after() {
        sandbox.faults().tooManyRequestsNext(1, 7);

        HttpResponse<String> response = request().send();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.body()).isEqualTo(snapBody("4297300", "Too Many Requests"));
        assertIssuesTokens();
    }

    @Test
    void delay_holds_every_answer_until_cleared() {
        sandbox.faults().delay(Duration.ofMillis(1500));

        // a client that waits less than the delay must time out: the delay cannot be shorter than asked
        assertThatThrownBy(() -> request().timeout(Duration.ofMillis(150)).sendOrThrow())
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> request().timeout(Duration.ofMillis(150)).sendOrThrow())
                .isInstanceOf(HttpTimeoutException.class);

        sandbox.faults().delay(Duration.ZERO);
        assertIssuesTokens();
    }

    @Test
    void delayNext_holds_the_next_answers_then_answers_them_normally() {
        sandbox.faults().delayNext(2, Duration.ofMillis(1500));

        assertThatThrownBy(() -> request().timeout(Duration.ofMillis(150)).sendOrThrow())
                .isInstanceOf(HttpTimeoutException.class);
        // the second delayed request is answered normally once the delay is over
        assertIssuesTokens();
        assertThat(sandbox.faults().pending()).isZero();
    }

    @Test
    void queued_faults_are_consumed_in_the_order_they_were_added() throws Exception {
        sandbox.faults().failNext(1, 500, "5007300", "General Error").dropNext(1).malformedNext(1)
                .tooManyRequestsNext(1, 1);

        assertThat(request().send().statusCode()).isEqualTo(500);
        assertThatThrownBy(() -> request().sendOrThrow()).isInstanceOf(IOException.class);
        assertThat(request().send().body()).contains("<<not json>>");
        assertThat(request().send().statusCode()).isEqualTo(429);
        assertIssuesTokens();
    }

    @Test
    void faulted_requests_are_still_verified_and_recorded() {
        sandbox.faults().failNext(2, 500, "5007300", "General Error");
        String timestamp = Snap.nowInJakarta();
        signedToken(sandbox.baseUrl(), client.clientKey(), client.privateKey(), timestamp)
                .header("X-SIGNATURE", Snap.sign(client.privateKey(), "something else")).send();
        request().send();

        List<RecordedRequest> recorded = sandbox.recordedRequests();
        RecordedRequest badlySigned = recorded.get(recorded.size() - 2);
        RecordedRequest wellSigned = recorded.get(recorded.size() - 1);
        assertThat(badlySigned.signatureValid()).isFalse();
        assertThat(wellSigned.signatureValid()).isTrue();
        assertThat(List.of(badlySigned.status(), wellSigned.status())).containsOnly(500);
        assertThat(List.of(badlySigned.responseCode(), wellSigned.responseCode())).containsOnly("5007300");
    }

    @Test
    void faults_answer_even_invalid_requests_and_never_issue_tokens() {
        long issued = sandbox.stats().tokensIssued();
        sandbox.faults().failNext(1, 200, "2007300", "Successful");

        HttpResponse<String> response = request().without("X-SIGNATURE").send();

        assertThat(response.body()).isEqualTo(snapBody("2007300", "Successful"));
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(issued);
    }

    @Test
    void random_failures_with_probability_one_fault_every_request_with_all_four_kinds() {
        List<String> outcomes = randomOutcomes(sandbox, 1.0, 42L, 80);

        assertThat(outcomes).contains("5xx", "dropped", "malformed", "token");
        assertThat(outcomes).allMatch(o -> List.of("5xx", "dropped", "malformed", "token").contains(o));
    }

    @Test
    void random_failures_repeat_for_the_same_seed() {
        List<String> first = randomOutcomes(sandbox, 0.5, 7L, 60);
        List<String> second;
        try (SnapSandbox other = SnapSandbox.start()) {
            other.registerClient(client.clientKey(), client.publicKey());
            second = randomOutcomes(other, 0.5, 7L, 60);
        }
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("token").containsAnyOf("5xx", "dropped", "malformed");
    }

    @Test
    void random_failures_wait_for_queued_faults_and_stop_at_probability_zero() {
        sandbox.faults().randomFailures(1.0, 1L, Duration.ZERO).tooManyRequestsNext(1, 3);
        assertThat(request().send().statusCode()).isEqualTo(429);

        sandbox.faults().randomFailures(0.0, 1L, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            assertIssuesTokens();
        }
    }

    @Test
    void clear_forgets_queue_delay_and_random_mode() {
        sandbox.faults().delay(Duration.ofMinutes(1)).dropNext(3).randomFailures(1.0, 3L, Duration.ZERO);
        sandbox.faults().clear();

        assertThat(sandbox.faults().pending()).isZero();
        assertIssuesTokens();
    }

    @Test
    void refuses_faults_that_make_no_sense() {
        assertThatThrownBy(() -> sandbox.faults().dropNext(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().failNext(1, 99, "1007300", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().failNext(1, 500, "", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().htmlErrorNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().delay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().delay(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().randomFailures(1.5, 1L, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().tooManyRequestsNext(1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.faults().pending()).isZero();
    }

    private RecordedRequest last() {
        List<RecordedRequest> recorded = sandbox.recordedRequests();
        return recorded.get(recorded.size() - 1);
    }

    /** What a client saw for each of {@code n} requests in random-failure mode. */
    private List<String> randomOutcomes(SnapSandbox target, double probability, long seed, int n) {
        target.faults().randomFailures(probability, seed, Duration.ofMillis(1));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                HttpResponse<String> response = signedToken(target.baseUrl(), client.clientKey(),
                        client.privateKey(), Snap.nowInJakarta()).sendOrThrow();
                if (response.statusCode() >= 500) {
                    outcomes.add("5xx");
                } else if (response.body().contains("<<not json>>")) {
                    outcomes.add("malformed");
                } else if (response.statusCode() == 200 && target.isTokenActive(Snap.accessToken(response.body()))) {
                    outcomes.add("token");
                } else {
                    outcomes.add("unexpected " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                outcomes.add("dropped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        target.faults().clear();
        return outcomes;
    }
}
