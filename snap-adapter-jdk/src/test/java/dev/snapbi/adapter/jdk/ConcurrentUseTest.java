package dev.snapbi.adapter.jdk;

import dev.snapbi.domain.port.TransactionTransport.Request;
import dev.snapbi.domain.port.TransactionTransport.Response;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.testing.tck.internal.SandboxSession;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One transport shared by many threads: every signed call verifies and succeeds. */
class ConcurrentUseTest {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 5;

    @Test
    void sixteen_threads_share_one_transport_for_signed_va_creations() throws Exception {
        try (SnapSandbox sandbox = SnapSandbox.builder().start();
             JdkTransactionTransport transport = JdkTransactionTransport.builder().build()) {
            SandboxSession session = SandboxSession.open(sandbox, "CONCURRENT");
            URI target = sandbox.baseUrl().resolve(SnapSandbox.VA_CREATE_PATH);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        start.await();
                        List<Integer> statuses = new ArrayList<>();
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            byte[] body = ("{\"trxId\":\"C" + thread + "-" + i + "\",\"totalAmount\":{\"value\":"
                                    + "\"10000.00\",\"currency\":\"IDR\"}}").getBytes(StandardCharsets.UTF_8);
                            TransactionHeaders h = session.signer().sign("POST", target.getRawPath(), body);
                            Map<String, String> headers = new LinkedHashMap<>();
                            headers.put("Content-Type", "application/json");
                            headers.putAll(h.asMap());
                            Response r = transport.exchange(Request.of("POST", target, h.signedPath(), headers, body));
                            statuses.add(r.status());
                        }
                        return statuses;
                    }));
                }
                start.countDown();
                for (Future<List<Integer>> f : results) {
                    assertThat(f.get(120, TimeUnit.SECONDS)).containsOnly(200);
                }
            } finally {
                pool.shutdownNow();
            }
            List<RecordedRequest> va = sandbox.recordedRequests().stream()
                    .filter(r -> r.path().equals(SnapSandbox.VA_CREATE_PATH)).toList();
            assertThat(va).hasSize(THREADS * CALLS_PER_THREAD).allMatch(RecordedRequest::signatureValid);
        }
    }
}
