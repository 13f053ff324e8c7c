package dev.snapbi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapbi.adapter.jdk.JdkTransactionTransport;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One signed VA create ({@code POST /nicepay/api/v1.0/transfer-va/create-va}) on loopback against {@link SnapSandbox},
 * the access token cached, each call with a new {@code trxId} (a counter: the sandbox refuses a repeated one) and a new
 * {@code X-EXTERNAL-ID}. The sandbox verifies every request, signature included; the trial fails on any rejection.
 * <ul>
 *   <li>{@code library}: {@code NicepayClient.virtualAccounts().create(...)} as a user writes it, default (Feign)
 *   transport: typed request to compact JSON, {@code TransactionSigner}, the signed-call engine's rules, the answer
 *   read into {@link CreateVaResponse}.</li>
 *   <li>{@code libraryJdk}: the same client over snap-adapter-jdk's {@link JdkTransactionTransport}, sharing
 *   {@code library}'s token.</li>
 *   <li>{@code baseline}: {@link HandWrittenSnapClient}, the same exchange by hand on {@code java.net.http}, JCA and
 *   Jackson, with {@code library}'s cached token.</li>
 * </ul>
 * Allocation: JMH's {@code -prof gc} counts every thread of the JVM, the sandbox's included (the same work for the
 * three); add {@code -prof dev.snapbi.benchmarks.ThreadAllocationProfiler} to split client and server threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SignedCallBenchmark extends SandboxBenchmark {

    static final String CREATED = "2002700";

    private NicepayClient libraryJdk;
    private long sequence;

    /** Starts the sandbox, fetches one token, and checks that each variant creates a VA (2002700). */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        startSandbox();
        JdkTransactionTransport jdkTransport = closing(
                JdkTransactionTransport.builder().readTimeout(Duration.ofSeconds(10)).build());
        libraryJdk = closing(NicepayClient.builder()
                .environment(profile)
                .clientKey(merchant.clientKey())
                .accessTokens(library.accessTokens())
                .clientSecret(merchant.clientSecret())
                .transport(jdkTransport)
                .build());
        expectEach(CREATED, "library", library().responseCode(), "libraryJdk",
                libraryJdk().responseCode(), "baseline", baseline().path("responseCode").asText());
    }

    /** Through the client object, default transport. */
    @Benchmark
    public CreateVaResponse library() {
        return created(library.virtualAccounts().create(request("L" + (++sequence))));
    }

    /** Through the client object over snap-adapter-jdk. */
    @Benchmark
    public CreateVaResponse libraryJdk() {
        return created(libraryJdk.virtualAccounts().create(request("J" + (++sequence))));
    }

    /** By hand: java.net.http, JCA, Jackson. */
    @Benchmark
    public JsonNode baseline() throws IOException, InterruptedException {
        JsonNode answer = baseline.post(SnapSandbox.VA_CREATE_PATH, new VaCreate("B" + (++sequence)));
        if (!CREATED.equals(answer.path("responseCode").asText())) {
            throw new IllegalStateException("the sandbox answered " + answer.path("responseCode").asText());
        }
        return answer;
    }

    private static CreateVaRequest request(String trxId) {
        return CreateVaRequest.builder()
                .virtualAccountName("Jane Doe")
                .trxId(trxId)
                .totalAmount(Amount.idr(10_000))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder()
                        .bankCd("BMRI").goodsNm("Jacket").dbProcessUrl("http://127.0.0.1:9/none").build())
                .build();
    }

    private static CreateVaResponse created(CreateVaResponse response) {
        if (!CREATED.equals(response.responseCode())) {
            throw new IllegalStateException("the sandbox answered " + response.responseCode());
        }
        return response;
    }

    /** The baseline's VA create body: the fields the library sends, in its order. */
    record VaCreate(String partnerServiceId, String customerNo, String virtualAccountNo, String virtualAccountName,
                    String trxId, Money totalAmount, VaInfo additionalInfo) {
        VaCreate(String trxId) {
            this("", "", "", "Jane Doe", trxId, new Money("10000.00", "IDR"), VaInfo.JACKET);
        }
    }

    /** A SNAP amount. */
    record Money(String value, String currency) {
    }

    /** The VA's additionalInfo. */
    record VaInfo(String bankCd, String goodsNm, String dbProcessUrl, String vacctValidDt, String vacctValidTm,
                  String msId, String msFee, String msFeeType, String mbFee, String mbFeeType) {
        static final VaInfo JACKET = new VaInfo("BMRI", "Jacket", "http://127.0.0.1:9/none", "", "", "", "", "", "",
                "");
    }
}
