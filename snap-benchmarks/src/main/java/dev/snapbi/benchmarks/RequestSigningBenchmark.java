package dev.snapbi.benchmarks;

import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
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

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The request-signing step alone, over a 1 KiB JSON body (exactly 1,024 bytes), the token cached: what
 * {@code NicepayClient} does before each attempt is sent. The token provider is a real one (a {@code NicepayClient}'s,
 * one token fetched from the sandbox in setup); the signer is configured as the client configures it.
 * <ul>
 *   <li>{@code sign}: {@link TransactionSigner#sign}: the cached token, one clock read, {@code X-TIMESTAMP}, SHA-256
 *   of the body, the string to sign, HMAC-SHA512, Base64, a new {@code X-EXTERNAL-ID}.</li>
 *   <li>{@code signAndHeaders}: {@code sign} plus {@link TransactionHeaders#asMap()}, the header map handed to the
 *   transport.</li>
 *   <li>{@code baseline}: {@link HandWrittenSnapClient#signedHeaders}, the same by hand on the JDK.</li>
 * </ul>
 * Compare the time with {@link SignedCallBenchmark} (one loopback call), and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} with the bytes the step must produce (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestSigningBenchmark extends SandboxBenchmark {

    private static final String PATH = SnapSandbox.VA_CREATE_PATH;

    private TransactionSigner signer;
    private byte[] body;

    /** Starts the sandbox, fetches one token, builds the signers and the body. */
    @Setup(Level.Trial)
    public void setUp() {
        startSandbox();
        signer = TransactionSigner.builder()
                .tokens(library.accessTokens())
                .symmetricSigner(HmacSha512Signer.create(ClientSecret.of(merchant.clientSecret())))
                .partnerId(merchant.clientKey())
                .profile(profile)
                .build();
        body = JsonBodies.pretty(1024).getBytes(StandardCharsets.UTF_8);
        if (body.length != 1024) {
            throw new IllegalStateException("the body has " + body.length + " bytes, not 1024");
        }
        String ours = sign().signature().value();
        String theirs = baseline()[5];
        if (ours.length() != 88 || theirs.length() != 88) {
            throw new IllegalStateException("a signature is not Base64 of 64 bytes");
        }
    }

    /** {@link TransactionSigner#sign(String, String, byte[])}. */
    @Benchmark
    public TransactionHeaders sign() {
        return signer.sign("POST", PATH, body);
    }

    /** {@code sign} and the header map the transport gets. */
    @Benchmark
    public Map<String, String> signAndHeaders() {
        return signer.sign("POST", PATH, body).asMap();
    }

    /** By hand: JCA Mac and MessageDigest per thread, a formatter, Base64, a counter. */
    @Benchmark
    public String[] baseline() {
        return baseline.signedHeaders(PATH, body);
    }
}
