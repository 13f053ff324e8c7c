package dev.snapbi.adapter.feign;

import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.adapter.feign.token.TokenResilience;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Shared wiring for the tests: short back-offs, real signers, real clocks that tests can move. */
public final class TestSupport {

    private TestSupport() {
    }

    /** The default retry rules with a 5 ms back-off, so tests do not wait; Retry-After honoured up to 2 s. */
    public static RetryConfig fastRetry(int maxAttempts) {
        return RetryConfig.from(TokenResilience.retryConfig())
                .maxAttempts(maxAttempts)
                .intervalBiFunction(TokenResilience.retryAfterOr(IntervalFunction.of(Duration.ofMillis(5)),
                        Duration.ofSeconds(2)))
                .build();
    }

    /** An endpoint builder aimed at the sandbox, with short timeouts and back-offs. */
    public static FeignTokenEndpoint.Builder endpointFor(SnapSandbox sandbox) {
        return FeignTokenEndpoint.builder()
                .baseUrl(sandbox.baseUrl())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3))
                .retryConfig(fastRetry(3));
    }

    /** Requests signed with the client's real private key, timestamped by the system clock. */
    public static TokenRequestSupplier requestsFor(SandboxClient client) {
        return requestsFor(client, Clock.systemUTC());
    }

    /** Requests signed with the client's real private key, timestamped by {@code clock}. */
    public static TokenRequestSupplier requestsFor(SandboxClient client, Clock clock) {
        return B2bTokenRequestSupplier.create(ClientKey.of(client.clientKey()), RsaSigner.create(client.privateKey()),
                clock, SnapTimestamp.JAKARTA);
    }

    /**
     * Waits (bounded) until the sandbox has recorded {@code count} answered token requests, and returns them. The
     * sandbox records a request when it has answered it, which for delayed answers is after the client gave up.
     */
    public static List<RecordedRequest> awaitRecorded(SnapSandbox sandbox, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sandbox.recordedRequests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return sandbox.recordedRequests();
    }
}
