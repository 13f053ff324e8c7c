package dev.snapbi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.balance.BalanceInquiryResponse;
import dev.snapbi.sandbox.SnapSandbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of signed calls from several threads sharing one client, the token cached: a balance inquiry
 * ({@code POST /nicepay/api/v1.0/balance-inquiry}, an inquiry, so nothing accumulates in the sandbox) on loopback.
 * Every thread shares one {@code NicepayClient} (one token service, one signer, one transport), or one
 * {@link HandWrittenSnapClient} for the baseline. Run with {@code -t 1}, {@code -t 4}, {@code -t 16}: if the token or
 * the signer were a lock, {@code library} would stop scaling before {@code baseline} does. The sandbox answers in the
 * same JVM, on the same cores: on a small machine it caps both. The trial fails on any rejection.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignedCallThroughputBenchmark extends SandboxBenchmark {

    static final String BALANCE = "2001100";

    private BalanceInquiry baselineRequest;

    /** Starts the sandbox, fetches one token, and checks both variants get a balance (2001100). */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        startSandbox();
        baselineRequest = new BalanceInquiry(merchant.clientKey(), new BalanceInfo(""));
        expectEach(BALANCE, "library", library().responseCode(), "baseline",
                baseline().path("responseCode").asText());
    }

    /** {@code NicepayClient.balances().inquiry()}, default transport. */
    @Benchmark
    public BalanceInquiryResponse library() {
        BalanceInquiryResponse answer = library.balances().inquiry();
        if (!BALANCE.equals(answer.responseCode())) {
            throw new IllegalStateException("the sandbox answered " + answer.responseCode());
        }
        return answer;
    }

    /** By hand: java.net.http, JCA, Jackson. */
    @Benchmark
    public JsonNode baseline() throws IOException, InterruptedException {
        JsonNode answer = baseline.post(SnapSandbox.BALANCE_INQUIRY_PATH, baselineRequest);
        if (!BALANCE.equals(answer.path("responseCode").asText())) {
            throw new IllegalStateException("the sandbox answered " + answer.path("responseCode").asText());
        }
        return answer;
    }

    /** The baseline's balance inquiry body. */
    record BalanceInquiry(String accountNo, BalanceInfo additionalInfo) {
    }

    /** Its additionalInfo. */
    record BalanceInfo(String msId) {
    }
}
