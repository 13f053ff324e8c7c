package dev.snapbi.reliability;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox fails 20 % of token requests at random (5xx, dropped connections, answers delayed past the read timeout,
 * malformed bodies), and thousands of fetches run through the real Feign adapter over loopback with retries on. Each
 * ends in a token the sandbox really issued or in one of the domain's typed errors, within the deadline its settings
 * imply; none hangs; and once everything is closed no thread is left behind. The circuit breaker is kept shut (it
 * is the adapter's own tests' subject): on two busy cores a burst of read timeouts could open it and turn the rest of
 * the run into fail-fast answers that exercise nothing.
 */
class FaultInjectionTest {

    private static final long SEED = 20_241_231L;
    private static final double FAILURE_RATE = 0.2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(200);
    /** Just past the read timeout: the client gives up before the (otherwise normal) answer comes. */
    private static final Duration DELAY = Duration.ofMillis(250);
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration BACKOFF = Duration.ofMillis(10);
    /**
     * The longest one {@code requestToken} may take by its settings: every attempt may use the connect timeout, then
     * the read timeout for the headers and once more for the body; plus the back-offs between attempts.
     */
    private static final Duration ENDPOINT_DEADLINE = CONNECT_TIMEOUT.plus(READ_TIMEOUT.multipliedBy(2))
            .multipliedBy(MAX_ATTEMPTS).plus(BACKOFF.multipliedBy(MAX_ATTEMPTS - 1));
    /** How long a caller of the token service waits for the fetch in flight. */
    private static final Duration MAX_WAIT = Duration.ofMillis(500);
    /** The least time between a failed fetch and the next one. */
    private static final Duration MIN_BACKOFF = Duration.ofMillis(5);
    /**
     * Scheduling slack: 8 workers, the sandbox, GC and the JIT share two cores in one JVM, and a CI run saw a call
     * take 5.5 s against a 2.72 s budget. A hang is a call that never returns, far beyond this.
     */
    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final int WORKERS = 8;

    private Set<Thread> threadsBefore;
    private QuietLog quiet;

    @BeforeEach
    void countThreads() {
        threadsBefore = Threads.live();
        quiet = QuietLog.errorsOnly(AccessTokenService.class); // failed fetches are expected here by the dozen
    }

    @AfterEach
    void restoreLog() {
        quiet.close();
    }

    @Test
    void two_thousand_fetches_under_random_faults_each_end_in_a_token_or_a_typed_error_in_time() throws Exception {
        Results results = fetchThroughTheEndpoint(2000);
        System.out.println("FaultInjectionTest, endpoint: " + results.summary());

        assertThat(results.outcomes).hasSize(2000);
        results.assertEveryOutcomeIsATokenOrAnExpectedTypedError(ENDPOINT_DEADLINE.plus(GRACE));
        // without retries about 80 % would succeed; with three attempts about 94 % (malformed bodies are not retried)
        assertThat(results.tokens()).as("fetches that got a token: %s", results.summary()).isGreaterThan(1700);
        assertThat(results.tokenRequests).as("attempts the sandbox saw").isGreaterThan(2000);
        assertThat(results.allSignaturesValid).as("every attempt had a valid signature and a fresh timestamp")
                .isTrue();

        String leftOver = Threads.awaitNewThreadsEnded(threadsBefore, Duration.ofSeconds(15));
        assertThat(leftOver).as("threads still alive after closing everything").isEmpty();
    }

    @Test
    void token_services_under_random_faults_answer_within_max_wait_and_leave_no_thread_behind() throws Exception {
        Results results = fetchThroughTokenServices(4, 100);
        System.out.println("FaultInjectionTest, token services: " + results.summary());

        assertThat(results.outcomes).hasSize(400);
        results.assertEveryOutcomeIsATokenOrAnExpectedTypedError(MAX_WAIT.plus(GRACE));
        assertThat(results.tokens()).as("calls that got a token: %s", results.summary()).isGreaterThan(300);
        assertThat(results.allSignaturesValid).isTrue();

        String leftOver = Threads.awaitNewThreadsEnded(threadsBefore, Duration.ofSeconds(15));
        assertThat(leftOver).as("threads still alive after closing the services").isEmpty();
    }

    /** Runs {@code fetches} calls of {@code requestToken} on {@value #WORKERS} threads sharing one endpoint. */
    private Results fetchThroughTheEndpoint(int fetches) throws InterruptedException {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            SandboxClient client = sandbox.registerNewClient("FAULTS");
            TokenRequestSupplier requests = B2bTokenRequestSupplier.create(ClientKey.of(client.clientKey()),
                    RsaSigner.create(client.privateKey()), Clock.systemUTC(), SnapTimestamp.JAKARTA);
            FeignTokenEndpoint endpoint = FeignTokenEndpoint.builder()
                    .baseUrl(sandbox.baseUrl())
                    .connectTimeout(CONNECT_TIMEOUT)
                    .readTimeout(READ_TIMEOUT)
                    .retryConfig(Fixtures.fastRetry(MAX_ATTEMPTS, BACKOFF))
                    .circuitBreakerConfig(Fixtures.neverOpens())
                    .logLevel(feign.Logger.Level.NONE)
                    .build();
            sandbox.faults().randomFailures(FAILURE_RATE, SEED, DELAY);
            AtomicInteger remaining = new AtomicInteger(fetches);
            List<Outcome> outcomes = runWorkers(WORKERS, () -> remaining.getAndDecrement() > 0,
                    () -> endpoint.requestToken(requests).toAccessToken(Instant.now()), sandbox);
            return new Results(outcomes, sandbox);
        }
    }

    /** {@code services} token services (one client each) on their own threads, {@code cycles} fetches each. */
    private Results fetchThroughTokenServices(int services, int cycles) throws InterruptedException {
        try (SnapSandbox sandbox = SnapSandbox.start()) {
            List<AccessTokenService> tokenServices = new ArrayList<>();
            try {
                for (int i = 1; i <= services; i++) {
                    SandboxClient client = sandbox.registerNewClient("FAULTS-" + i);
                    tokenServices.add(FeignAccessTokens.builder()
                            .baseUrl(sandbox.baseUrl())
                            .clientKey(client.clientKey())
                            .signer(RsaSigner.create(client.privateKey()))
                            .connectTimeout(CONNECT_TIMEOUT)
                            .readTimeout(READ_TIMEOUT)
                            .retryConfig(Fixtures.fastRetry(MAX_ATTEMPTS, BACKOFF))
                            .circuitBreakerConfig(Fixtures.neverOpens())
                            .tokenService(s -> s.maxWait(MAX_WAIT).minBackoff(MIN_BACKOFF))
                            .build());
                }
                sandbox.faults().randomFailures(FAILURE_RATE, SEED, DELAY);
                List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(services);
                for (AccessTokenService service : tokenServices) {
                    pool.execute(() -> {
                        for (int cycle = 0; cycle < cycles; cycle++) {
                            Outcome outcome = Outcome.of(service::accessToken, sandbox);
                            outcomes.add(outcome);
                            if (outcome.token != null) {
                                // the next call must fetch again: drop exactly this token
                                service.invalidate(outcome.token);
                            } else {
                                pause(MIN_BACKOFF); // within it the service rethrows the last error at once
                            }
                        }
                    });
                }
                awaitWorkers(pool);
                return new Results(outcomes, sandbox);
            } finally {
                tokenServices.forEach(AccessTokenService::close);
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Outcome> runWorkers(int workers, Supplier<Boolean> more, Supplier<AccessToken> fetch,
                                            SnapSandbox sandbox) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < workers; i++) {
            pool.execute(() -> {
                while (more.get()) {
                    outcomes.add(Outcome.of(fetch, sandbox));
                }
            });
        }
        awaitWorkers(pool);
        return outcomes;
    }

    /** Bounded: a fetch that hangs shows up here, with the stacks of the workers stuck in it. */
    private static void awaitWorkers(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        boolean finished = pool.awaitTermination(120, TimeUnit.SECONDS);
        if (!finished) {
            String stuck = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith("pool-"))
                    .map(e -> e.getKey().getName() + ":\n    " + List.of(e.getValue()).stream().limit(15)
                            .map(String::valueOf).collect(Collectors.joining("\n    ")))
                    .collect(Collectors.joining("\n"));
            pool.shutdownNow();
            assertThat(finished).as("every fetch returned; stuck workers:\n%s", stuck).isTrue();
        }
    }

    /** How one call ended: a token (checked at the sandbox when received) or an error, and how long it took. */
    private static final class Outcome {
        final AccessToken token;
        final boolean tokenActive;
        final Throwable error;
        final Duration took;

        private Outcome(AccessToken token, boolean tokenActive, Throwable error, Duration took) {
            this.token = token;
            this.tokenActive = tokenActive;
            this.error = error;
            this.took = took;
        }

        static Outcome of(Supplier<AccessToken> call, SnapSandbox sandbox) {
            long started = System.nanoTime();
            try {
                AccessToken token = call.get();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                return new Outcome(token, sandbox.isTokenActive(token.value()), null, took);
            } catch (Throwable t) {
                return new Outcome(null, false, t, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private static final class Results {
        final List<Outcome> outcomes;
        final long tokenRequests;
        final boolean allSignaturesValid;

        Results(List<Outcome> outcomes, SnapSandbox sandbox) {
            this.outcomes = List.copyOf(outcomes);
            this.tokenRequests = sandbox.stats().tokenRequests();
            // the sandbox verified every attempt (it keeps the last 1000; a delayed one may still be sleeping), and
            // refused none (no 4xx: no stale timestamp, no bad signature); the only codes sent are the injected 5xx
            this.allSignaturesValid = sandbox.recordedRequests().size() >= Math.min(1000, tokenRequests) - WORKERS
                    && sandbox.recordedRequests().stream().allMatch(r -> r.signatureValid())
                    && sandbox.stats().rejectionsByCode().keySet().stream().allMatch(code -> code.startsWith("5"));
        }

        /** Counts by outcome, for failure messages and the report. */
        String summary() {
            return outcomes.stream().collect(Collectors.groupingBy(o -> o.error == null ? "token"
                    : o.error instanceof SnapUnavailableException u ? "unavailable " + u.reason()
                    : o.error.getClass().getSimpleName(), java.util.TreeMap::new, Collectors.counting()))
                    + ", slowest " + outcomes.stream().map(o -> o.took).max(Duration::compareTo).orElse(Duration.ZERO)
                    .toMillis() + " ms, " + tokenRequests + " requests";
        }

        long tokens() {
            return outcomes.stream().filter(o -> o.token != null).count();
        }

        void assertEveryOutcomeIsATokenOrAnExpectedTypedError(Duration deadline) {
            for (Outcome outcome : outcomes) {
                assertThat(outcome.took).as("a call's duration").isLessThanOrEqualTo(deadline);
                if (outcome.error == null) {
                    assertThat(outcome.tokenActive).as("the token was issued by the sandbox and is valid").isTrue();
                    continue;
                }
                assertThat(outcome.error).isInstanceOf(SnapException.class);
                if (outcome.error instanceof SnapUnavailableException unavailable) {
                    // 5xx, dropped connection, answer later than the read timeout (or than maxWait), or no
                    // connection within the connect timeout while the cores are saturated (CONNECT)
                    assertThat(unavailable.reason()).as(unavailable.getMessage())
                            .isIn(Reason.SERVER_ERROR, Reason.CONNECTION, Reason.TIMEOUT, Reason.CONNECT);
                } else {
                    // a malformed body: not retried, since the server answered
                    assertThat(outcome.error).as(outcome.error.getMessage()).isInstanceOf(SnapProtocolException.class);
                }
            }
        }
    }
}
