package dev.snapbi.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JMH-free measurement that chose the JCA provider and the thread-safety strategy of {@link RsaSigner} and
 * {@link RsaVerifier}: SunRsaSign versus Bouncy Castle, and a per-thread {@link Signature} ({@link ThreadLocal})
 * versus {@code Signature.getInstance(alg, provider)} plus {@code initSign} on every call; and the same question for
 * {@link HmacSha512Signer}'s {@code Mac} (per thread, per call, or a clone of an initialised prototype). Not a test (surefire does
 * not run it); see SIGNER-MEASUREMENT.md for the command and the figures. Proper benchmarks belong in JMH.
 */
public final class SignerMeasurement {

    private static final byte[] DATA = "normaltest|2024-12-31T10:11:40+07:00".getBytes(StandardCharsets.UTF_8);
    private static final String ALG = "SHA256withRSA";

    private SignerMeasurement() {
    }

    interface Op {
        void run() throws GeneralSecurityException;
    }

    public static void main(String[] args) throws Exception {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Provider sun = Security.getProvider("SunRsaSign");
        Provider bc = new BouncyCastleProvider();
        System.out.printf("java %s, %s %s, %d cpus, %d ms per sample, %d rounds%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), millis, rounds);
        for (int bits : new int[] {2048, 1024}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            byte[] signature = sign(sun, pair);
            Map<String, Op> ops = new LinkedHashMap<>();
            for (Provider p : List.of(sun, bc)) {
                ThreadLocal<Signature> signers = ThreadLocal.withInitial(() -> initSign(p, pair));
                ops.put("sign   " + p.getName() + " ThreadLocal", () -> {
                    Signature s = signers.get();
                    s.update(DATA);
                    s.sign();
                });
                ops.put("sign   " + p.getName() + " per-call", () -> {
                    Signature s = Signature.getInstance(ALG, p);
                    s.initSign(pair.getPrivate());
                    s.update(DATA);
                    s.sign();
                });
                ThreadLocal<Signature> verifiers = ThreadLocal.withInitial(() -> initVerify(p, pair));
                ops.put("verify " + p.getName() + " ThreadLocal", () -> {
                    Signature s = verifiers.get();
                    s.update(DATA);
                    check(s.verify(signature));
                });
                ops.put("setup  " + p.getName() + " ThreadLocal.get", signers::get);
                ops.put("setup  " + p.getName() + " sign per-call", () -> {
                    Signature s = Signature.getInstance(ALG, p);
                    s.initSign(pair.getPrivate());
                });
                ops.put("setup  " + p.getName() + " verify per-call", () -> {
                    Signature s = Signature.getInstance(ALG, p);
                    s.initVerify(pair.getPublic());
                });
                ops.put("verify " + p.getName() + " per-call", () -> {
                    Signature s = Signature.getInstance(ALG, p);
                    s.initVerify(pair.getPublic());
                    s.update(DATA);
                    check(s.verify(signature));
                });
            }
            if (bits == 2048) {
                addHmac(ops);
            }
            Map<String, List<Double>> samples = new LinkedHashMap<>();
            for (String name : ops.keySet()) {
                samples.put(name, new ArrayList<>());
                measure(ops.get(name), millis); // warm-up
            }
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Op> e : ops.entrySet()) {
                    samples.get(e.getKey()).add(measure(e.getValue(), millis));
                }
            }
            System.out.printf("%nRSA %d bits: microseconds per operation, one thread, %d interleaved samples%n",
                    bits, rounds);
            System.out.printf("  %-34s %9s %9s %9s%n", "operation", "min", "median", "max");
            for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("  %-34s %9.2f %9.2f %9.2f%n", e.getKey(), v[0], v[v.length / 2], v[v.length - 1]);
            }
        }
    }

    private static void addHmac(Map<String, Op> ops) throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec("a-client-secret-of-some-length".getBytes(StandardCharsets.UTF_8),
                "HmacSHA512");
        byte[] data = ("POST:/api/v1.0/transfer-va/create-va:" + "t".repeat(800) + ":" + "0".repeat(64)
                + ":2024-12-31T10:11:40+07:00").getBytes(StandardCharsets.UTF_8);
        Provider sunJce = Mac.getInstance("HmacSHA512").getProvider();
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA512", sunJce);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        ops.put("hmac   " + sunJce.getName() + " ThreadLocal", () -> macs.get().doFinal(data));
        ops.put("hmac   " + sunJce.getName() + " per-call", () -> {
            Mac mac = Mac.getInstance("HmacSHA512", sunJce);
            mac.init(key);
            mac.doFinal(data);
        });
        Mac prototype = Mac.getInstance("HmacSHA512", sunJce);
        prototype.init(key);
        ops.put("hmac   " + sunJce.getName() + " clone", () -> {
            try {
                ((Mac) prototype.clone()).doFinal(data);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static double measure(Op op, long millis) throws GeneralSecurityException {
        long end = System.nanoTime() + millis * 1_000_000L;
        long start = System.nanoTime();
        long count = 0;
        long now;
        do {
            op.run();
            count++;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1000.0 / count;
    }

    private static byte[] sign(Provider p, KeyPair pair) throws GeneralSecurityException {
        Signature s = initSign(p, pair);
        s.update(DATA);
        return s.sign();
    }

    private static Signature initSign(Provider p, KeyPair pair) {
        try {
            Signature s = Signature.getInstance(ALG, p);
            s.initSign(pair.getPrivate());
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Signature initVerify(Provider p, KeyPair pair) {
        try {
            Signature s = Signature.getInstance(ALG, p);
            s.initVerify(pair.getPublic());
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("the signature did not verify");
        }
    }
}
