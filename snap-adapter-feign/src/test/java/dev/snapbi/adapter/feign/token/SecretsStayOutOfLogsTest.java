package dev.snapbi.adapter.feign.token;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.snapbi.adapter.feign.TestSupport;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.sandbox.RecordedRequest;
import dev.snapbi.sandbox.SandboxClient;
import dev.snapbi.sandbox.SnapSandbox;
import dev.snapbi.sandbox.junit.SnapSandboxExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static dev.snapbi.adapter.feign.TestSupport.endpointFor;
import static dev.snapbi.adapter.feign.TestSupport.requestsFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs successes and failures with Feign's wire log at {@code FULL} and every SLF4J logger at TRACE, and checks that
 * no signature, access token, private key or bearer credential shows up in any log line or exception.
 */
@ExtendWith(SnapSandboxExtension.class)
class SecretsStayOutOfLogsTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level previousLevel;
    private SnapSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void captureEverything(SnapSandbox sandbox, SandboxClient client) {
        this.sandbox = sandbox;
        this.client = client;
        sandbox.clearRecordedRequests();
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    @Test
    void no_secret_reaches_the_log_at_full_wire_logging_nor_any_error() {
        // a breaker that never opens here: this test wants every failure to reach the wire
        CircuitBreakerConfig patient = CircuitBreakerConfig.custom().minimumNumberOfCalls(100).build();
        FeignTokenEndpoint endpoint = endpointFor(sandbox).logLevel(feign.Logger.Level.FULL)
                .circuitBreakerConfig(patient).build();
        List<String> tokens = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();

        tokens.add(endpoint.requestToken(requestsFor(client)).accessToken());
        sandbox.faults().failNext(1, 500, "5007300", "General Error");
        tokens.add(endpoint.requestToken(requestsFor(client)).accessToken());
        sandbox.faults().truncatedNext(1);
        errors.add(failure(() -> endpoint.requestToken(requestsFor(client))));
        sandbox.faults().malformedNext(1);
        errors.add(failure(() -> endpoint.requestToken(requestsFor(client))));
        sandbox.faults().failNext(1, 401, "4017300", "Unauthorized. [Signature]");
        errors.add(failure(() -> endpoint.requestToken(requestsFor(client))));
        sandbox.faults().dropNext(3);
        errors.add(failure(() -> endpoint.requestToken(requestsFor(client))));
        try (AccessTokenService service = FeignAccessTokens.builder().baseUrl(sandbox.baseUrl())
                .clientKey(client.clientKey()).signer(RsaSigner.create(client.privateKey()))
                .endpoint(e -> e.logLevel(feign.Logger.Level.FULL)).build()) {
            AccessToken token = service.accessToken();
            tokens.add(token.value());
            tokens.add(token.authorizationHeader());
        }

        List<String> secrets = new ArrayList<>(tokens);
        sandbox.recordedRequests().stream().map(r -> r.header("X-SIGNATURE")).forEach(secrets::add);
        String privateKey = Base64.getEncoder().encodeToString(client.privateKey().getEncoded());
        for (int i = 0; i + 64 <= privateKey.length(); i += 64) {
            secrets.add(privateKey.substring(i, i + 64)); // any line of the key's PEM
        }
        assertThat(secrets).hasSizeGreaterThan(10).allMatch(s -> s != null && s.length() >= 24);
        assertThat(sandbox.recordedRequests()).extracting(RecordedRequest::signatureValid).contains(true);

        String log = captured.list.stream().map(SecretsStayOutOfLogsTest::text).collect(Collectors.joining("\n"));
        String errorText = errors.stream().map(SecretsStayOutOfLogsTest::text).collect(Collectors.joining("\n"));

        // the log really was verbose: headers and bodies were written, masked
        assertThat(log).contains("X-SIGNATURE: ****").contains("\"accessToken\":\"****\"")
                .contains("X-CLIENT-KEY: " + client.clientKey()).contains("\"grantType\":\"client_credentials\"")
                .contains("token request attempt 2").contains("<--- HTTP 500")
                .contains("succeeded in");
        assertThat(errors).hasSize(4).doesNotContainNull();
        for (String secret : secrets) {
            assertThat(log).as("the log").doesNotContain(secret);
            assertThat(errorText).as("the errors").doesNotContain(secret);
        }
        // sandbox tokens are JWT-shaped; a partial one from the truncated body must not show either
        assertThat(log).doesNotContain("eyJ");
        assertThat(errorText).doesNotContain("eyJ");
    }

    private static Throwable failure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String text(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        return event.getThrowableProxy() == null ? message
                : message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    private static String text(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return error.getMessage() + "\n" + out;
    }

    @Test
    void the_wire_log_is_silent_unless_debug_is_enabled() {
        root.setLevel(Level.INFO);
        FeignTokenEndpoint endpoint = endpointFor(sandbox).logLevel(feign.Logger.Level.FULL).build();

        TokenGrant grant = endpoint.requestToken(requestsFor(client));

        assertThat(grant.accessToken()).isNotBlank();
        assertThat(captured.list).noneMatch(e -> e.getLoggerName().startsWith("dev.snapbi"));
    }
}
