package dev.snapbi.reliability;

import dev.snapbi.testing.LogCapture;
import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.adapter.feign.token.FeignTokenEndpoint;
import dev.snapbi.cli.SnapCli;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenRequestSupplier;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import dev.snapbi.domain.port.TokenEventListener;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SnapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs the adapter and the CLI through success, a {@code 401 [Signature]} refusal, a 5xx answer that is retried and a
 * timeout, with every logger at TRACE and Feign's wire log at {@code FULL}, and checks that no secret shows anywhere:
 * not in a log line, an exception (message, causes, suppressed, stack trace), a {@code toString()} of the objects
 * involved, nor the CLI's output. The secrets are the real ones: the private keys (every Base64 line of the PEM and the
 * whole encoded key), the client secret, every access token the sandbox issued (read by a {@link RecordingProxy} in
 * front of it, since neither the sandbox nor the CLI reveals them) and every signature the sandbox received.
 */
class SecretRedactionTest {

    private static final String CLIENT = "REDACTED-MERCHANT";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    /** Every sandbox token starts with this (its constant JWT-style header): a token in the clear shows it. */
    private static final String SANDBOX_TOKEN_PREFIX = "eyJ";

    @TempDir
    static Path files;
    private static SnapSandbox sandbox;
    private static RecordingProxy proxy;
    /** The key registered for {@link #CLIENT}. */
    private static GeneratedKeyPair registered;
    /** A key the sandbox does not know: signatures made with it earn {@code 401 [Signature]}. */
    private static GeneratedKeyPair stranger;
    private static String clientSecret;
    private static Path registeredKeyFile;
    private static Path strangerKeyFile;

    private LogCapture logs;
    /** What the last run of the packaged CLI printed (stdout and stderr together). */
    private String processOutput = "";
    private final List<Object> publicObjects = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        registered = RsaKeyPairs.generate();
        stranger = RsaKeyPairs.generate();
        byte[] random = new byte[36];
        new SecureRandom().nextBytes(random);
        clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        registeredKeyFile = Files.writeString(files.resolve("registered.pem"), registered.privateKeyPem());
        strangerKeyFile = Files.writeString(files.resolve("stranger.pem"), stranger.privateKeyPem());
        sandbox = SnapSandbox.start();
        sandbox.registerClient(CLIENT, registered.publicKey(), clientSecret);
        proxy = RecordingProxy.to(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    @BeforeEach
    void capture() {
        sandbox.faults().clear();
        logs = LogCapture.everythingAtTrace();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void the_adapter_keeps_every_secret_out_of_logs_errors_and_to_string() {
        FeignTokenEndpoint endpoint = endpoint(Duration.ofSeconds(5));
        FeignTokenEndpoint impatient = endpoint(Duration.ofMillis(200));
        TokenRequestSupplier signed = requests(RsaSigner.fromPem(registered.privateKeyPem()));
        TokenRequestSupplier forged = requests(RsaSigner.fromFile(strangerKeyFile));

        // success, and a 500 answered by a retry
        TokenGrant grant = endpoint.requestToken(signed);
        sandbox.faults().failNext(1, 500, "5007300", "General Error");
        TokenGrant retried = endpoint.requestToken(signed);
        // 401 [Signature]
        errors.add(catchThrowable(() -> endpoint.requestToken(forged)));
        assertThat(errors.get(0)).isInstanceOf(SnapAuthenticationException.class).hasMessageContaining("[Signature]");
        // a timeout on every attempt; 500 on every attempt; a body cut in the middle of a token
        sandbox.faults().delayNext(2, Duration.ofMillis(500));
        errors.add(catchThrowable(() -> impatient.requestToken(signed)));
        assertThat(errors.get(1)).isInstanceOfSatisfying(SnapUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(SnapUnavailableException.Reason.TIMEOUT));
        sandbox.faults().failNext(2, 500, "5007300", "General Error");
        errors.add(catchThrowable(() -> endpoint.requestToken(signed)));
        sandbox.faults().truncatedNext(1);
        errors.add(catchThrowable(() -> endpoint.requestToken(signed)));

        // the same through the token service: a token, then a caller that gives up waiting, then a refusal
        List<TokenGrant> grants = new CopyOnWriteArrayList<>();
        AccessToken token;
        try (AccessTokenService tokens = FeignAccessTokens.builder()
                .baseUrl(proxy.baseUrl())
                .clientKey(CLIENT)
                .signer(RsaSigner.fromFile(registeredKeyFile))
                .wireLogging(true)
                .tokenService(s -> s.maxWait(Duration.ofMillis(200)).minBackoff(Duration.ZERO)
                        .listener(new TokenEventListener() {
                            @Override
                            public void onTokenFetched(AccessToken fetched, TokenGrant g) {
                                grants.add(g);
                            }
                        }))
                .build()) {
            token = firstToken(tokens);
            tokens.invalidate(token);
            sandbox.faults().delayNext(1, Duration.ofMillis(600));
            errors.add(catchThrowable(tokens::accessToken));
            assertThat(errors.get(4)).isInstanceOf(SnapUnavailableException.class).hasMessageContaining("within");
            awaitNoFetch(tokens); // the fetch went on without the caller, and succeeded
            publicObjects.addAll(List.of(tokens, tokens.cacheKey(), tokens.accessToken()));
        }
        try (AccessTokenService refused = FeignAccessTokens.builder().baseUrl(proxy.baseUrl()).clientKey(CLIENT)
                .signer(RsaSigner.fromPem(stranger.privateKeyPem())).wireLogging(true).build()) {
            errors.add(catchThrowable(refused::accessToken));
            publicObjects.add(refused);
        }
        assertThat(errors).doesNotContainNull();

        // the symmetric signature of a transactional call, keyed by the client secret
        ClientSecret secret = ClientSecret.of(clientSecret);
        HmacSha512Signer hmac = HmacSha512Signer.create(secret);
        StringToSign transactional = StringToSign.symmetric("POST", "/api/v1.0/transfer-va/create-va", token,
                "{\"partnerServiceId\":\"1\"}".getBytes(StandardCharsets.UTF_8), SnapTimestamp.now(Clock.systemUTC(),
                        SnapTimestamp.JAKARTA));
        Base64Signature symmetric = hmac.sign(transactional);
        errors.add(catchThrowable(() -> StringToSign.symmetric("post", "/api", token, new byte[0],
                SnapTimestamp.now(Clock.systemUTC(), SnapTimestamp.JAKARTA))));

        TokenRequest request = signed.get();
        publicObjects.addAll(List.of(grant, retried, token, request, request.signature(), request.stringToSign(),
                secret, hmac, transactional, symmetric, endpoint, impatient, signed, registered, stranger,
                RsaSigner.fromPem(registered.privateKeyPem()), sandbox, proxy.baseUrl()));
        publicObjects.addAll(grants);
        publicObjects.addAll(sandbox.clients());
        publicObjects.addAll(sandbox.recordedRequests());

        List<String> secrets = secrets();
        secrets.add(symmetric.value());
        assertThat(tokensSeenByTheProxy()).as("tokens issued").hasSizeGreaterThanOrEqualTo(4)
                .contains(token.value(), grant.accessToken(), retried.accessToken());
        String log = logs.text();
        // the log really was verbose: exchanges with their headers and bodies, masked; the domain's own log too
        assertThat(log).contains("---> POST " + proxy.baseUrl() + "/nicepay/v1.0/access-token/b2b")
                .contains("X-CLIENT-KEY: " + CLIENT).contains("X-SIGNATURE: ****").contains("X-TIMESTAMP: ")
                .contains("\"accessToken\":\"****\"").contains("<--- HTTP 401").contains("<--- HTTP 500")
                .contains("token request attempt 2").contains("fetched AccessToken[Bearer, ****");
        assertNoSecretIn(secrets, log);
    }

    @Test
    void the_cli_keeps_every_secret_out_of_its_output_and_its_verbose_log() {
        int ok = cli("token", "--base-url", proxy.baseUrl().toString(), "--client-key", CLIENT, "--private-key",
                registeredKeyFile.toString(), "--verbose");
        sandbox.faults().failNext(1, 500, "5007300", "General Error");
        int retried = cli("token", "--base-url", proxy.baseUrl().toString(), "--client-key", CLIENT,
                "--private-key", registeredKeyFile.toString(), "--verbose");
        int refused = cli("token", "--base-url", proxy.baseUrl().toString(), "--client-key", CLIENT,
                "--private-key", strangerKeyFile.toString(), "--verbose");
        sandbox.faults().delayNext(2, Duration.ofMillis(600));
        int timedOut = cli("token", "--base-url", proxy.baseUrl().toString(), "--client-key", CLIENT,
                "--private-key", registeredKeyFile.toString(), "--read-timeout", "200ms", "--max-attempts", "2",
                "--verbose");

        assertThat(List.of(ok, retried, refused, timedOut)).as("exit codes: success, success, rejected, unavailable")
                .containsExactly(0, 0, 3, 4);
        String output = String.join("\n", outputs);
        assertThat(output).contains("\"accessToken\": \"****").contains("error: 4017300")
                .contains("SnapAuthenticationException").contains("read timeout");
        String log = logs.text();
        assertThat(log).contains("---> POST " + proxy.baseUrl() + "/nicepay/v1.0/access-token/b2b")
                .contains("X-SIGNATURE: ****").contains("<--- HTTP 500").contains("<--- HTTP 401");
        assertThat(tokensSeenByTheProxy()).hasSizeGreaterThanOrEqualTo(2);
        assertNoSecretIn(secrets(), log);
    }

    /**
     * {@code java -jar snap-cli.jar token --verbose} exactly as a user runs it: against its embedded sandbox, so the
     * token is issued inside the child process and cannot be read from here. Every sandbox token starts with the
     * same Base64 JWT header ({@code eyJ...}), so a token printed anywhere would show it; the output must show the
     * exchange instead.
     */
    @Test
    void the_packaged_cli_shows_the_exchange_but_no_token() throws Exception {
        Process run = runJar("token", "--verbose");

        assertThat(run.exitValue()).as(processOutput).isZero();
        assertThat(processOutput).contains("---> POST http://127.0.0.1:").contains("/nicepay/v1.0/access-token/b2b")
                .contains("X-TIMESTAMP: ").contains("X-CLIENT-KEY: SNAPBI-SANDBOX").contains("X-SIGNATURE: ****")
                .contains("Content-Type: application/json").contains("<--- HTTP 200")
                .contains("\"accessToken\": \"****").contains("--show-token to print it");
        assertThat(processOutput).doesNotContain(SANDBOX_TOKEN_PREFIX);
    }

    /**
     * The packaged CLI against a provider (the sandbox behind the recording proxy), so that its token and signature
     * are known here and can be looked for in what it prints. (Refusals and their stack traces are covered in-process
     * above: the same code prints them.)
     */
    @Test
    void the_packaged_cli_against_a_provider_prints_no_secret() throws Exception {
        Process run = runJar("token", "--base-url", proxy.baseUrl().toString(), "--client-key", CLIENT,
                "--private-key", registeredKeyFile.toString(), "--verbose");

        assertThat(run.exitValue()).as(processOutput).isZero();
        assertThat(processOutput).contains("---> POST " + proxy.baseUrl() + "/nicepay/v1.0/access-token/b2b")
                .contains("X-CLIENT-KEY: " + CLIENT).contains("X-SIGNATURE: ****").contains("X-TIMESTAMP: ")
                .contains("<--- HTTP 200").contains("\"accessToken\":\"****\"");
        assertThat(tokensSeenByTheProxy()).isNotEmpty();
        assertNoSecretIn(secrets(), processOutput);
    }

    // ---- the secrets and where they must not be ----

    /** An endpoint through the proxy with Feign's wire log at FULL, two attempts and a breaker that stays shut. */
    private static FeignTokenEndpoint endpoint(Duration readTimeout) {
        return FeignTokenEndpoint.builder()
                .baseUrl(proxy.baseUrl())
                .readTimeout(readTimeout)
                .retryConfig(Fixtures.fastRetry(2, Duration.ofMillis(10)))
                .circuitBreakerConfig(Fixtures.neverOpens())
                .logLevel(feign.Logger.Level.FULL)
                .build();
    }

    private static TokenRequestSupplier requests(RsaSigner signer) {
        return B2bTokenRequestSupplier.create(ClientKey.of(CLIENT), signer, Clock.systemUTC(), SnapTimestamp.JAKARTA);
    }

    /** Private key material, the client secret, every token issued and every signature received so far. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (GeneratedKeyPair pair : List.of(registered, stranger)) {
            secrets.add(Base64.getEncoder().encodeToString(pair.privateKey().getEncoded()));
            pair.privateKeyPem().lines().filter(line -> !line.startsWith("-----") && line.length() >= 16)
                    .forEach(secrets::add);
        }
        secrets.add(clientSecret);
        secrets.addAll(tokensSeenByTheProxy());
        sandbox.recordedRequests().stream().map(r -> r.header("X-SIGNATURE")).filter(Objects::nonNull)
                .forEach(secrets::add);
        assertThat(secrets).as("secrets to look for").hasSizeGreaterThan(40)
                .allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(16));
        assertThat(sandbox.recordedRequests()).extracting(RecordedRequest::signatureValid).contains(true, false);
        return secrets;
    }

    private static List<String> tokensSeenByTheProxy() {
        List<String> tokens = new ArrayList<>();
        for (String answer : proxy.answers()) {
            Matcher m = ACCESS_TOKEN.matcher(answer);
            while (m.find()) {
                tokens.add(m.group(1));
            }
        }
        return tokens;
    }

    /** Looks in {@code text} (logs or output), every error and every public object's {@code toString()}. */
    private void assertNoSecretIn(List<String> secrets, String text) {
        String errorText = errors.stream().map(SecretRedactionTest::everything).collect(Collectors.joining("\n"));
        String objects = publicObjects.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        String output = String.join("\n", outputs);
        assertThat(text).as("the log or output").isNotBlank();
        for (String secret : secrets) {
            // the messages do not quote the secret: a failure would print it to the build log
            String hint = "a secret of " + secret.length() + " chars ending in "
                    + secret.substring(secret.length() - 4);
            assertThat(text.contains(secret)).as("%s in the log or output", hint).isFalse();
            assertThat(errorText.contains(secret)).as("%s in an error", hint).isFalse();
            assertThat(objects.contains(secret)).as("%s in a toString()", hint).isFalse();
            assertThat(output.contains(secret)).as("%s in the CLI's output", hint).isFalse();
        }
        for (String where : List.of(text, errorText, objects, output)) {
            assertThat(where).doesNotContain(SANDBOX_TOKEN_PREFIX).doesNotContain("BEGIN PRIVATE KEY");
        }
    }

    /** Message, toString and stack trace of the error, its causes and its suppressed errors, to any depth. */
    private static String everything(Throwable error) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(error));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            text.append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage())
                    .append('\n');
            pending.add(t.getCause());
            pending.addAll(List.of(t.getSuppressed()));
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return text.append(trace).toString();
    }

    /**
     * The first token: with both cores saturated the first fetch can outlast the 200 ms {@code maxWait} this test
     * needs later; the fetch goes on without the caller, so wait for it and take the cached token.
     */
    private static AccessToken firstToken(AccessTokenService tokens) {
        try {
            return tokens.accessToken();
        } catch (SnapUnavailableException slowMachine) {
            awaitNoFetch(tokens);
            return tokens.accessToken();
        }
    }

    private static void awaitNoFetch(AccessTokenService tokens) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tokens.isFetching()) {
            assertThat(System.nanoTime() - deadline).as("the fetch finished").isNegative();
            Thread.onSpinWait();
        }
    }

    // ---- running the CLI ----

    private int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SnapCli.run(args, new PrintWriter(out), new PrintWriter(err), name -> null, Clock.systemUTC());
        outputs.add(out.toString());
        outputs.add(err.toString());
        return code;
    }

    /**
     * Runs the packaged jar in a new JVM, bounded at 60 s; its stdout and stderr end up in {@link #processOutput}.
     * In a full {@code ./mvnw verify} the jar exists: snap-cli (a dependency of this module) is packaged before this
     * module's tests run. When only this module is built, the jar of an earlier build is used, or the test is skipped.
     */
    private Process runJar(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../snap-cli/target/snap-cli.jar").normalize();
        assumeThat(jar).as("the packaged CLI (run `./mvnw -pl snap-cli -am package` first)").isRegularFile();
        Path log = Files.createTempFile(files, "cli", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the CLI did not finish within 60 s: " + Files.readString(log));
        }
        processOutput = Files.readString(log);
        outputs.add(processOutput);
        return process;
    }
}
