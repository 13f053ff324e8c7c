package dev.snapbi.benchmarks;

import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.ClientKey;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * SHA256withRSA over the B2B string to sign with a 2048-bit key. All three produce the same Base64 text from the same
 * string, so they do the same work but for how the key and the {@link java.security.Signature} are handled:
 * <ul>
 *   <li>{@code ours}: snap-crypto's {@link RsaSigner} (key parsed once, one initialised Signature per thread);</li>
 *   <li>{@code rawJca}: a pre-parsed key and a Signature initialised once per benchmark thread, by hand;</li>
 *   <li>{@code parseEveryCall}: Base64-decode the PKCS#8 key, {@link KeyFactory}, {@code Signature.getInstance},
 *   {@code initSign} on every call, as NICEPAY's Java SDK does ({@code SignatureUtils.signSHA256RSA}).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignerBenchmark {

    static final String ALGORITHM = "SHA256withRSA";

    /** The key in the three forms the variants start from, and the text to sign. */
    @State(Scope.Benchmark)
    public static class Key {
        /** Unencrypted PKCS#8 DER in Base64 without header: what NICEPAY's SDK takes. */
        String pkcs8Base64;
        PrivateKey privateKey;
        RsaSigner signer;
        String text;
        StringToSign stringToSign;

        /** Generates a 2048-bit key and checks that the three variants agree on the signature. */
        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            GeneratedKeyPair pair = RsaKeyPairs.generate(2048);
            privateKey = pair.privateKey();
            pkcs8Base64 = Base64.getEncoder().encodeToString(privateKey.getEncoded());
            signer = RsaSigner.fromPem(pair.privateKeyPem());
            stringToSign = StringToSign.b2b(ClientKey.of("IONPAYTEST"),
                    SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));
            text = stringToSign.value();

            String expected = signEveryCall(pkcs8Base64, text);
            Jca jca = new Jca();
            jca.setUp(this);
            if (!signer.sign(stringToSign).value().equals(expected) || !rawJca(jca, text).equals(expected)) {
                throw new IllegalStateException("the variants disagree on the signature: they do not do the same work");
            }
        }
    }

    /** One initialised {@link java.security.Signature} per benchmark thread: Signature objects are not thread-safe. */
    @State(Scope.Thread)
    public static class Jca {
        java.security.Signature signature;

        /** Initialises this thread's Signature with the pre-parsed key. */
        @Setup(Level.Trial)
        public void setUp(Key key) throws GeneralSecurityException {
            signature = java.security.Signature.getInstance(ALGORITHM);
            signature.initSign(key.privateKey);
        }
    }

    /** snap-crypto's signer. */
    @Benchmark
    public Base64Signature ours(Key key) {
        return key.signer.sign(key.stringToSign);
    }

    /** Plain JCA with everything prepared that can be. */
    @Benchmark
    public String rawJca(Jca jca, Key key) throws GeneralSecurityException {
        return rawJca(jca, key.text);
    }

    /** Parsing the key and creating the Signature on every call. */
    @Benchmark
    public String parseEveryCall(Key key) throws GeneralSecurityException {
        return signEveryCall(key.pkcs8Base64, key.text);
    }

    private static String rawJca(Jca jca, String text) throws GeneralSecurityException {
        jca.signature.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(jca.signature.sign());
    }

    private static String signEveryCall(String pkcs8Base64, String text) throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(pkcs8Base64);
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        java.security.Signature signature = java.security.Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }
}
