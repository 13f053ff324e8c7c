package dev.snapbi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SandboxStats;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A complete B2B token fetch on loopback against {@link SnapSandbox}, the cache bypassed: timestamp, SHA256withRSA
 * signature, POST, JSON answer parsed into a token with its expiry. The sandbox verifies every request (signature
 * included) and the trial fails unless every operation got a new token.
 * <ul>
 *   <li>{@code library}: what an application's cache miss costs. The {@link AccessTokenService} that
 *   {@link FeignAccessTokens} builds, {@code invalidate(last)} then {@code accessToken()} each operation: the token
 *   service (slow path, hand-off to its fetch thread and back), the Feign adapter (Resilience4j retry and circuit
 *   breaker, redacting logger, bounded decoding) and snap-crypto's signer.</li>
 *   <li>{@code libraryOnCallerThread}: {@code library} with the service configured to fetch on the caller's thread
 *   ({@code executor(Runnable::run)}): the hand-off to the fetch thread taken out, everything else kept.</li>
 *   <li>{@code endpoint}: the same without the token service, {@link FeignTokenEndpoint#requestToken} with a
 *   {@link B2bTokenRequestSupplier} on the caller's thread; shows what the hand-off to the fetch thread costs.</li>
 *   <li>{@code baseline}: the same work written by hand: {@link HttpClient}, a JCA {@link Signature} and a Jackson
 *   {@link ObjectMapper}.</li>
 * </ul>
 * One thread only: concurrent callers of one service share one fetch, which is another benchmark. Keep the long
 * warm-up (do not pass {@code -wi 3}); on a shared machine add {@code -prof dev.snapbi.benchmarks.ProcessCpuProfiler}
 * to compare CPU time per fetch as well as wall time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
// a fetch runs only a few hundred times a second and drags in Feign, Resilience4j, Jackson and the HTTP client: the
// JIT was still compiling after 3 x 2 s (-prof comp), so the default warm-up here is 15 x 2 s
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TokenFetchBenchmark {

    private static final String CLIENT_KEY = "BENCHMARK";
    private static final String BODY = "{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT);

    private SnapSandbox sandbox;
    private long tokensFetched;

    private AccessTokenService service;
    private AccessToken last;

    private AccessTokenService callerRunsService;
    private AccessToken lastCallerRuns;

    private FeignTokenEndpoint endpoint;
    private B2bTokenRequestSupplier requests;

    private HttpClient http;
    private URI tokenUrl;
    private ObjectMapper mapper;
    private PrivateKey privateKey;
    private Signature jcaSignature;

    /** Starts the sandbox with one client and wires the three clients to it. */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, IOException, InterruptedException {
        sandbox = SnapSandbox.start();
        SandboxClient client = sandbox.registerNewClient(CLIENT_KEY);
        RsaSigner signer = RsaSigner.create(client.privateKey());

        service = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(CLIENT_KEY)
                .signer(signer)
                .build();
        callerRunsService = FeignAccessTokens.builder()
                .baseUrl(sandbox.baseUrl())
                .clientKey(CLIENT_KEY)
                .signer(signer)
                .tokenService(b -> b.executor(Runnable::run))
                .build();

        endpoint = FeignTokenEndpoint.builder().baseUrl(sandbox.baseUrl()).build();
        requests = B2bTokenRequestSupplier.create(ClientKey.of(CLIENT_KEY), signer, Clock.systemUTC(), JAKARTA);

        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        tokenUrl = URI.create(sandbox.baseUrl() + SnapSandbox.TOKEN_PATH);
        mapper = new ObjectMapper();
        privateKey = client.privateKey();
        jcaSignature = Signature.getInstance("SHA256withRSA");
        jcaSignature.initSign(privateKey);

        // each path once, so a wiring mistake fails here and not as a strange score
        last = library();
        lastCallerRuns = libraryOnCallerThread();
        endpoint();
        baseline();
    }

    /** Fails the trial unless every operation was a real fetch that the sandbox accepted. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            SandboxStats stats = sandbox.stats();
            if (stats.tokensIssued() != tokensFetched || stats.totalRejections() != 0) {
                throw new IllegalStateException("expected " + tokensFetched + " tokens issued and no rejections, the"
                        + " sandbox saw " + stats);
            }
        } finally {
            service.close();
            callerRunsService.close();
            sandbox.close();
        }
    }

    /** The token service with its Feign adapter and signer, its cache bypassed. */
    @Benchmark
    public AccessToken library() {
        if (last != null) {
            service.invalidate(last);
        }
        AccessToken token = service.accessToken();
        if (token.equals(last)) {
            throw new IllegalStateException("the service served the invalidated token");
        }
        last = token;
        tokensFetched++;
        return token;
    }

    /**
     * As {@code library}, but the service fetches on the calling thread ({@code executor(Runnable::run)}) instead of
     * handing the fetch to its own thread: what the hand-off costs, measured without leaving the library.
     */
    @Benchmark
    public AccessToken libraryOnCallerThread() {
        if (lastCallerRuns != null) {
            callerRunsService.invalidate(lastCallerRuns);
        }
        AccessToken token = callerRunsService.accessToken();
        if (token.equals(lastCallerRuns)) {
            throw new IllegalStateException("the service served the invalidated token");
        }
        lastCallerRuns = token;
        tokensFetched++;
        return token;
    }

    /** The Feign adapter and signer alone, on the calling thread. */
    @Benchmark
    public TokenGrant endpoint() {
        TokenGrant grant = endpoint.requestToken(requests);
        tokensFetched++;
        return grant;
    }

    /** By hand: JDK HttpClient, JCA Signature, Jackson. */
    @Benchmark
    public AccessToken baseline() throws GeneralSecurityException, IOException, InterruptedException {
        Instant sentAt = Instant.now();
        String timestamp = TIMESTAMP.format(ZonedDateTime.ofInstant(sentAt, JAKARTA));
        jcaSignature.update((CLIENT_KEY + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(jcaSignature.sign());
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-TIMESTAMP", timestamp)
                .header("X-CLIENT-KEY", CLIENT_KEY)
                .header("X-SIGNATURE", signature)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox answered HTTP " + response.statusCode());
        }
        JsonNode json = mapper.readTree(response.body());
        if (!"2007300".equals(json.path("responseCode").asText())) {
            throw new IllegalStateException("the sandbox answered " + json.path("responseCode").asText());
        }
        Duration expiresIn = Duration.ofSeconds(Long.parseLong(json.path("expiresIn").asText()));
        AccessToken token = AccessToken.of(json.path("accessToken").asText(), json.path("tokenType").asText(),
                sentAt, sentAt.plus(expiresIn));
        tokensFetched++;
        return token;
    }
}
