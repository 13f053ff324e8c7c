package dev.snapbi.benchmarks;

import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SandboxStats;
import dev.snapbi.sandbox.SnapSandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What the signed-call benchmarks share: the sandbox in this JVM, one merchant registered with it, a
 * {@link NicepayClient} over the default (Feign) transport whose token is fetched at once and cached from then on, and
 * the {@link HandWrittenSnapClient} baseline sending that same token. {@link #close()} fails the trial if the sandbox
 * refused anything or issued more than the one token (a benchmark that measured rejections or token fetches would
 * measure the wrong thing), then closes whatever else the benchmark registered, the client and the sandbox.
 */
final class SandboxMerchant implements AutoCloseable {

    /** The client key registered with the sandbox. */
    static final String CLIENT_KEY = "BENCHMARK";

    final SnapSandbox sandbox;
    final SandboxClient merchant;
    final ProviderProfile profile;
    final NicepayClient library;
    final String token;
    final HandWrittenSnapClient baseline;
    private final List<AutoCloseable> others = new ArrayList<>();

    private SandboxMerchant() {
        sandbox = SnapSandbox.start();
        merchant = sandbox.registerNewClient(CLIENT_KEY);
        profile = ProviderProfile.nicepay(sandbox.baseUrl());
        library = NicepayClient.builder()
                .environment(profile)
                .clientKey(merchant.clientKey())
                .privateKey(merchant.privateKey())
                .clientSecret(merchant.clientSecret())
                .build();
        token = library.accessTokens().accessToken().value(); // fetched now, cached from here on
        baseline = new HandWrittenSnapClient(sandbox.baseUrl(), merchant.clientKey(), merchant.clientSecret(), token);
    }

    /** Starts the sandbox, registers the merchant, builds the client and fetches its one token. */
    static SandboxMerchant start() {
        return new SandboxMerchant();
    }

    /** Closes {@code closeable} in {@link #close()}, before the client and the sandbox (last registered first). */
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

    /** Fails the trial if the sandbox refused anything or issued more than one token; closes everything. */
    @Override
    public void close() throws Exception {
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
