package dev.snapbi.benchmarks;

import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SandboxStats;
import dev.snapbi.sandbox.SnapSandbox;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;

/**
 * What the signed-call benchmarks share, as their superclass: {@link #startSandbox()} starts the sandbox in this JVM,
 * registers one merchant, builds a {@link NicepayClient} over the default (Feign) transport whose token is fetched at
 * once and cached from then on, and the {@link HandWrittenSnapClient} baseline sending that same token. At the end of
 * each iteration it tells {@link ThreadAllocationProfiler} (while the sandbox still runs); at the end of the trial it
 * fails if the sandbox refused anything or issued more than the one token (a benchmark that measured rejections or
 * token fetches would measure the wrong thing), then closes whatever the benchmark registered, the client and the
 * sandbox.
 */
@State(Scope.Benchmark)
public abstract class SandboxBenchmark {

    /** The client key registered with the sandbox. */
    static final String CLIENT_KEY = "BENCHMARK";

    SnapSandbox sandbox;
    SandboxClient merchant;
    ProviderProfile profile;
    NicepayClient library;
    HandWrittenSnapClient baseline;
    private final List<AutoCloseable> others = new ArrayList<>();

    /** Starts the sandbox, registers the merchant, builds the client and fetches its one token; call from setup. */
    void startSandbox() {
        sandbox = SnapSandbox.start();
        merchant = sandbox.registerNewClient(CLIENT_KEY);
        profile = ProviderProfile.nicepay(sandbox.baseUrl());
        library = NicepayClient.builder()
                .environment(profile)
                .clientKey(merchant.clientKey())
                .privateKey(merchant.privateKey())
                .clientSecret(merchant.clientSecret())
                .build();
        String token = library.accessTokens().accessToken().value(); // fetched now, cached from here on
        baseline = new HandWrittenSnapClient(sandbox.baseUrl(), merchant.clientKey(), merchant.clientSecret(), token);
    }

    /** Closes {@code closeable} at the end of the trial, before the client and the sandbox (last registered first). */
    <T extends AutoCloseable> T closing(T closeable) {
        others.add(0, closeable);
        return closeable;
    }

    /**
     * Fails unless every variant answered {@code expected}: a wiring mistake then fails the setup instead of showing
     * as a strange score.
     *
     * @param codes variant name, response code, variant name, response code, ...
     */
    static void expectEach(String expected, String... codes) {
        for (int i = 0; i + 1 < codes.length; i += 2) {
            if (!expected.equals(codes[i + 1])) {
                throw new IllegalStateException("expected " + expected + " from every variant, got "
                        + String.join(" ", codes));
            }
        }
    }

    /** Marks the end of the iteration for {@link ThreadAllocationProfiler}, while the sandbox still runs. */
    @TearDown(Level.Iteration)
    public void iterationEnded() {
        ThreadAllocationProfiler.iterationEnded();
    }

    /** Fails the trial if the sandbox refused anything or issued more than one token; closes everything. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            SandboxStats stats = sandbox.stats();
            if (stats.totalRejections() != 0 || stats.tokensIssued() != 1) {
                throw new IllegalStateException("expected one token and no rejections, the sandbox saw " + stats);
            }
        } finally {
            try {
                for (AutoCloseable other : others) {
                    other.close();
                }
            } finally {
                library.close();
                sandbox.close();
            }
        }
    }
}
