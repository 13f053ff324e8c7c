package dev.snapbi.sandbox;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.snapbi.sandbox.Snap.BODY;
import static dev.snapbi.sandbox.Snap.NOW;
import static dev.snapbi.sandbox.Snap.NOW_TEXT;
import static dev.snapbi.sandbox.Snap.snapBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test: 20 000 token requests over 32 concurrent connections, one in ten wrongly signed. Every answer
 * must be right and every token unique. The sandbox's clock is fixed, so each client's signature is computed once (RSA
 * signing in the test would otherwise dominate the run); the sandbox still verifies every request.
 */
class LoadTest {

    private static final int REQUESTS = 20_000;
    private static final int CONNECTIONS = 32;
    private static final int CLIENTS = 4;

    @Test
    void answers_20000_requests_over_32_connections_without_a_wrong_answer() throws Exception {
        try (SnapSandbox sandbox = SnapSandbox.builder().clock(new MutableClock(NOW)).maxThreads(32).start()) {
            List<HttpRequest> good = new ArrayList<>();
            List<HttpRequest> bad = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                KeyPair keys = Snap.newRsaKeyPair();
                String clientKey = "LOAD" + c;
                sandbox.registerClient(clientKey, keys.getPublic());
                good.add(request(sandbox.baseUrl(), clientKey, Snap.sign(keys.getPrivate(), clientKey + "|" + NOW_TEXT)));
                bad.add(request(sandbox.baseUrl(), clientKey, Snap.sign(keys.getPrivate(), clientKey + "|" + NOW)));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            String rejected = snapBody("4017300", "Unauthorized. [Signature]");

            long started = System.nanoTime();
            ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONNECTIONS; w++) {
                workers.add(connections.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < REQUESTS) {
                        boolean shouldFail = i % 10 == 9;
                        HttpRequest request = (shouldFail ? bad : good).get(i % CLIENTS);
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (shouldFail) {
                                if (response.statusCode() != 401 || !response.body().equals(rejected)) {
                                    wrong.add(i + ": " + response.statusCode() + " " + response.body());
                                }
                            } else if (response.statusCode() != 200
                                    || !response.body().startsWith("{\"responseCode\":\"2007300\"")
                                    || !tokens.add(Snap.accessToken(response.body()))) {
                                wrong.add(i + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            wrong.add(i + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            connections.shutdown();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("LoadTest: %d requests over %d connections in %d ms (%.0f requests/s)%n",
                    REQUESTS, CONNECTIONS, millis, REQUESTS * 1000.0 / Math.max(1, millis));

            assertThat(wrong).isEmpty();
            assertThat(tokens).hasSize(REQUESTS - REQUESTS / 10);
            SandboxStats stats = sandbox.stats();
            assertThat(stats.tokenRequests()).isEqualTo(REQUESTS);
            assertThat(stats.tokensIssued()).isEqualTo(REQUESTS - REQUESTS / 10);
            assertThat(stats.rejectionsByCode()).containsOnlyKeys("4017300");
            assertThat(stats.rejections("4017300")).isEqualTo(REQUESTS / 10);
            assertThat(sandbox.recordedRequests()).hasSize(1000);
        }
    }

    private static HttpRequest request(URI baseUrl, String clientKey, String signature) {
        return HttpRequest.newBuilder(baseUrl.resolve(SnapSandbox.TOKEN_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .header("Content-Type", "application/json").header("X-TIMESTAMP", NOW_TEXT)
                .header("X-CLIENT-KEY", clientKey).header("X-SIGNATURE", signature)
                .timeout(Duration.ofSeconds(30)).build();
    }
}
