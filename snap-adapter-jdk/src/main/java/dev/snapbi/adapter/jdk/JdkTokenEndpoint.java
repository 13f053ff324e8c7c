package dev.snapbi.adapter.jdk;

import dev.snapbi.adapter.jdk.internal.BoundedExchange;
import dev.snapbi.adapter.jdk.internal.OwnedHttpClient;
import dev.snapbi.adapter.jdk.internal.SecretScrubber;
import dev.snapbi.adapter.jdk.internal.TinyJson;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.error.SnapUnavailableException.Reason;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenRequestSupplier;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The {@link TokenEndpoint} port over the JDK's {@link HttpClient} and a small strict JSON reader, with no
 * third-party dependency: a supported alternative to the Feign adapter.
 * <pre>{@code
 * try (JdkTokenEndpoint endpoint = JdkTokenEndpoint.builder()
 *         .profile(ProviderProfile.nicepayDevelopment())
 *         .readTimeout(Duration.ofSeconds(10))
 *         .build()) {
 *     AccessTokenService tokens = AccessTokenService.builder().endpoint(endpoint)...build();
 * }
 * }</pre>
 * What it does: HTTP/1.1, redirects never followed, a connect timeout, one deadline (the read timeout) for each
 * attempt's answer, headers and whole body, a bound on the body (64 KiB by default), nothing decompressed, and simple
 * retries: up to {@code maxAttempts} attempts for {@link SnapUnavailableException}s (never for rejections, protocol
 * violations or interrupts), each with a fresh {@code requests.get()} so every attempt has its own timestamp and
 * signature, waiting the server's {@code Retry-After} in seconds (at most 2 s) or 50 ms times the attempt number. No
 * circuit breaker. Server text that reaches an error is scrubbed of the signature the attempt sent. Plain
 * {@code http://} goes only to loopback hosts, as {@link ProviderProfile} decides. Thread-safe; {@link #close()} ends
 * the threads it started.
 */
public final class JdkTokenEndpoint implements TokenEndpoint, AutoCloseable {

    /** The default bound on an answer's body: 64 KiB (a token answer is well under 4 KiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(2);
    private static final Duration BACKOFF_STEP = Duration.ofMillis(50);

    private final ProviderProfile profile;
    private final OwnedHttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final int maxBodyBytes;

    private JdkTokenEndpoint(Builder b) {
        if (b.profile == null) {
            throw new SnapConfigurationException("the provider profile is missing, e.g."
                    + " ProviderProfile.nicepayDevelopment()");
        }
        this.profile = b.profile;
        if (!profile.insecureHttpAllowedForTesting()) {
            ProviderProfile.requireHttpsUnlessLoopback(profile.tokenUrl(), "the token URL");
        }
        this.connectTimeout = OwnedHttpClient.requireTimeout(b.connectTimeout, "connectTimeout");
        this.readTimeout = OwnedHttpClient.requireTimeout(b.readTimeout, "readTimeout");
        if (b.maxAttempts < 1 || b.maxAttempts > 10) {
            throw new SnapConfigurationException("maxAttempts must be 1 to 10, got " + b.maxAttempts);
        }
        this.http = OwnedHttpClient.create(b.httpClient, b.executor, connectTimeout, b.maxBodyBytes,
                "snapbi-jdk-token");
        this.maxAttempts = b.maxAttempts;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** A builder: a profile is required; connect 5 s, read 10 s, 3 attempts, 64 KiB by default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TokenGrant requestToken(TokenRequestSupplier requests) {
        Objects.requireNonNull(requests, "requests");
        http.client("JdkTokenEndpoint"); // fails once closed
        SnapUnavailableException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (last != null) {
                pause(last.retryAfter().map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
                        .orElse(BACKOFF_STEP.multipliedBy(attempt - 1)), requests);
            }
            try {
                return attempt(requests);
            } catch (SnapUnavailableException e) {
                if (e.reason() == Reason.INTERRUPTED || !e.isRetryable()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private TokenGrant attempt(TokenRequestSupplier requests) {
        TokenRequest request = requests.get(); // a new timestamp and signature for every attempt
        String clientKey = request.clientKey().value();
        HttpRequest.Builder builder = HttpRequest.newBuilder(profile.tokenUrl())
                .timeout(readTimeout)
                .expectContinue(false)
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.setHeader(header.getKey(), header.getValue());
        }
        SecretScrubber scrubber = SecretScrubber.of(List.of(request.signature().value()));
        BoundedExchange.Answer answer;
        try {
            answer = BoundedExchange.send(http.client("JdkTokenEndpoint"), builder.build(), readTimeout, maxBodyBytes, scrubber);
        } catch (BoundedExchange.Failed f) {
            throw failure(f, clientKey);
        }
        int status = answer.status();
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            return grant(status, text, answer.headers(), clientKey, scrubber);
        }
        throw error(status, fieldsOrEmpty(text), answer.headers(), clientKey, scrubber);
    }

    private SnapException failure(BoundedExchange.Failed f, String clientKey) {
        return switch (f.failure()) {
            // the token contract reports every connection failure as CONNECTION; a token request moves no money
            case CONNECT -> unavailable(Reason.CONNECTION, "no connection could be made (refused, unknown host,"
                    + " connect timeout or TLS handshake failure)", clientKey, f.getCause());
            case CONNECTION -> unavailable(Reason.CONNECTION, "the connection failed or was dropped", clientKey,
                    f.getCause());
            case TIMEOUT -> unavailable(Reason.TIMEOUT, "no complete answer within the read timeout ("
                    + readTimeout.toMillis() + " ms, headers and whole body)", clientKey, null);
            case INTERRUPTED -> unavailable(Reason.INTERRUPTED, "interrupted while waiting for the answer", clientKey,
                    null);
            case TOO_LARGE -> protocol("the answer body is larger than the bound of " + maxBodyBytes + " bytes", 0,
                    clientKey);
            case PROTOCOL -> protocol("the answer is not valid HTTP (malformed, or headers over the JDK's bound)", 0,
                    clientKey);
        };
    }

    private TokenGrant grant(int status, String text, HttpHeaders headers, String clientKey,
                             SecretScrubber scrubber) {
        Map<String, Object> json;
        try {
            json = TinyJson.parseObject(text);
        } catch (TinyJson.MalformedJsonException e) {
            throw protocol("the answer is not a JSON object (" + e.getMessage() + ")", status, clientKey);
        }
        String rawCode = scalar(json.get("responseCode"));
        ResponseCode code = ResponseCode.tryParse(rawCode).orElse(null);
        if (code == null || !code.isSuccess()) {
            throw error(status, json, headers, clientKey, scrubber);
        }
        try {
            Duration expiresIn = TokenGrant.parseExpiresIn(scalar(json.get("expiresIn")));
            Object token = json.get("accessToken");
            return TokenGrant.of(code, scrubber.scrub(scalar(json.get("responseMessage"))),
                    token instanceof String s ? s : null, scalar(json.get("tokenType")), expiresIn);
        } catch (SnapProtocolException e) {
            throw new SnapProtocolException(e.getMessage() + " (" + where(clientKey) + ")",
                    new ErrorContext(code, status, null, "POST " + profile.tokenPath()), null);
        }
    }

    private SnapException error(int status, Map<String, Object> json, HttpHeaders headers, String clientKey,
                                SecretScrubber scrubber) {
        return SnapErrors.response(status)
                .responseCode(scalar(json.get("responseCode")))
                .serverMessage(scrubber.scrub(scalar(json.get("responseMessage"))))
                .request("POST", profile.tokenPath())
                .clientKey(clientKey)
                .retryAfter(retryAfter(headers))
                .toException();
    }

    /** The members of an error answer, or none when it is not a JSON object (an HTML page maps by status alone). */
    private static Map<String, Object> fieldsOrEmpty(String text) {
        try {
            return TinyJson.parseObject(text);
        } catch (TinyJson.MalformedJsonException e) {
            return Map.of();
        }
    }

    /** A string, or a number's text ({@code expiresIn} may come as either); null for anything else. */
    private static String scalar(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof TinyJson.Number n) {
            return n.text();
        }
        return null;
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse("").trim();
        if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null; // absent, or an HTTP date: not supported here
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private void pause(Duration delay, TokenRequestSupplier requests) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(Reason.INTERRUPTED, "interrupted while waiting to retry", requests.clientKey().value(),
                    null);
        }
    }

    private SnapUnavailableException unavailable(Reason reason, String problem, String clientKey, Throwable cause) {
        return new SnapUnavailableException(reason, problem + " at " + where(clientKey) + "; retry later",
                ErrorContext.ofRequest("POST", profile.tokenPath()), null, cause);
    }

    private SnapProtocolException protocol(String problem, int status, String clientKey) {
        return new SnapProtocolException(problem + (status > 0 ? ": HTTP " + status : "") + " from "
                + where(clientKey) + " - a proxy in the way or a server defect; check the base URL",
                new ErrorContext(null, status, null, "POST " + profile.tokenPath()), null);
    }

    private String where(String clientKey) {
        return "POST " + profile.tokenUrl() + " for client " + clientKey;
    }

    /** Stops this endpoint: later calls fail; the threads it started end. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "JdkTokenEndpoint[POST " + profile.tokenUrl() + ", " + maxAttempts + " attempts, read "
                + readTimeout.toMillis() + " ms]";
    }

    /** Builds a {@link JdkTokenEndpoint}; validation happens in {@link #build()}. */
    public static final class Builder {
        private ProviderProfile profile;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxAttempts = 3;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private HttpClient httpClient;
        private Executor executor;

        private Builder() {
        }

        /** The provider and environment (required): the token URL comes from it. */
        public Builder profile(ProviderProfile value) {
            this.profile = value;
            return this;
        }

        /** How long to wait for a connection; default 5 s. Ignored with {@link #httpClient}. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** One deadline for each attempt, connecting, the answer's headers and whole body included; default 10 s. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        /** Attempts per {@code requestToken} call, the first included (1 to 10); default 3. */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /** The largest answer body accepted; default 64 KiB. */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /** Your own client; build it with {@code followRedirects(NEVER)}. Not closed by the endpoint. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** The executor for the client this endpoint builds (yours: not shut down on close). */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /**
         * The endpoint.
         *
         * @throws SnapConfigurationException when the profile is missing, a timeout is not positive or over a day,
         *                                    or a bound is out of range
         */
        public JdkTokenEndpoint build() {
            return new JdkTokenEndpoint(this);
        }
    }
}
