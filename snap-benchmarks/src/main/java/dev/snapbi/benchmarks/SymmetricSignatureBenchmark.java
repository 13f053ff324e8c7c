package dev.snapbi.benchmarks;

import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.domain.json.CompactJson;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The symmetric signature of a transactional call, everything the caller does per request: minify the pretty JSON
 * body ({@link CompactJson}), encode it, build the string to sign (SHA-256 of the body, lower-case hex,
 * {@link StringToSign#symmetric}) and HMAC-SHA512 it ({@link HmacSha512Signer}). {@code bodyBytes} is the size of the
 * pretty input body in bytes (exactly); throughput in MB/s is ops/s x bodyBytes / 10^6 (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SymmetricSignatureBenchmark {

    /** The size of the pretty-printed JSON body: 1 KiB and 64 KiB. */
    @Param({"1024", "65536"})
    public int bodyBytes;

    private String prettyBody;
    private HmacSha512Signer signer;
    private String accessToken;
    private SnapTimestamp timestamp;

    /** Builds the body and the signer. */
    @Setup(Level.Trial)
    public void setUp() {
        prettyBody = JsonBodies.pretty(bodyBytes);
        if (prettyBody.getBytes(StandardCharsets.UTF_8).length != bodyBytes) {
            throw new IllegalStateException("the body has " + prettyBody.length() + " bytes, not " + bodyBytes);
        }
        if (CompactJson.compact(prettyBody).length() >= bodyBytes) {
            throw new IllegalStateException("the body has no whitespace to drop: minify would have nothing to do");
        }
        signer = HmacSha512Signer.create(ClientSecret.of("33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+"
                + "LDYAbpGKZYSwtlyyLOtS/8aD7A=="));
        accessToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
        timestamp = SnapTimestamp.parse("2024-12-31T10:11:40+07:00");
    }

    /** Minify, SHA-256, string to sign, HMAC-SHA512, Base64. */
    @Benchmark
    public Base64Signature sign() {
        byte[] body = CompactJson.compact(prettyBody).getBytes(StandardCharsets.UTF_8);
        return signer.sign(StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va", accessToken, body,
                timestamp));
    }
}
