package dev.snapbi.contract.jdk;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.ResponseCode;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A second, deliberately small adapter of the {@link TokenEndpoint} port: the JDK's {@link HttpClient} and
 * {@link TinyJson}, no Feign, no Jackson, no Resilience4j. It exists to prove the port is pluggable: it passes the same
 * {@code TokenEndpointContract} as the Feign adapter.
 * <p>
 * What it supports: HTTP/1.1, redirects never followed, a connect timeout, a read timeout for the answer's headers
 * and again for its body, answers up to 64 KiB, and simple retries: up to {@code maxAttempts} attempts for
 * {@link SnapUnavailableException}s (never for rejections, protocol violations or interrupts), each with a fresh
 * {@code requests.get()}, waiting the server's {@code Retry-After} in seconds (at most 2 s) or 50 ms times the attempt
 * number. No circuit breaker, no HTTP-date {@code Retry-After}, no metrics.
 */
final class JdkHttpTokenEndpoint implements TokenEndpoint {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(2);
    private static final Duration BACKOFF_STEP = Duration.ofMillis(50);

    private final ProviderProfile profile;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;

    private JdkHttpTokenEndpoint(ProviderProfile profile, Duration connectTimeout, Duration readTimeout,
                                 int maxAttempts) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxAttempts < 1) {
            throw new SnapConfigurationException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // the signature must not travel to another host
                .connectTimeout(connectTimeout)
                .build();
    }

    /** An endpoint for the profile's token URL. */
    static JdkHttpTokenEndpoint create(ProviderProfile profile, Duration connectTimeout, Duration readTimeout,
                                       int maxAttempts) {
        return new JdkHttpTokenEndpoint(profile, connectTimeout, readTimeout, maxAttempts);
    }

    @Override
    public TokenGrant requestToken(TokenRequestSupplier requests) {
        Objects.requireNonNull(requests, "requests");
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
        HttpRequest.Builder http = HttpRequest.newBuilder(profile.tokenUrl())
                .timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            http.header(header.getKey(), header.getValue());
        }
        String clientKey = request.clientKey().value();
        HttpResponse<InputStream> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw unavailable(Reason.TIMEOUT, "no connection within the connect timeout ("
                    + connectTimeout.toMillis() + " ms)", clientKey, e);
        } catch (HttpTimeoutException e) {
            throw unavailable(Reason.TIMEOUT, "no answer within the read timeout (" + readTimeout.toMillis()
                    + " ms)", clientKey, e);
        } catch (ConnectException e) {
            throw unavailable(Reason.CONNECT, "the connection was refused", clientKey, e);
        } catch (IOException e) {
            throw unavailable(Reason.CONNECTION, "the connection failed or was dropped ("
                    + e.getClass().getSimpleName() + ")", clientKey, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(Reason.INTERRUPTED, "interrupted while waiting for the answer", clientKey, e);
        }
        byte[] body = readBody(response.body(), clientKey);
        int status = response.statusCode();
        if (body.length > MAX_BODY_BYTES) {
            throw protocol("the answer body is larger than 64 KiB", status, clientKey);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            return grant(status, text, response.headers(), clientKey);
        }
        throw error(status, fieldsOrEmpty(text), response.headers(), clientKey);
    }

    private TokenGrant grant(int status, String text, HttpHeaders headers, String clientKey) {
        Map<String, Object> json;
        try {
            json = TinyJson.parseObject(text);
        } catch (TinyJson.MalformedJsonException e) {
            throw protocol("the answer is not a JSON object (" + e.getMessage() + ")", status, clientKey);
        }
        String rawCode = scalar(json.get("responseCode"));
        ResponseCode code = ResponseCode.tryParse(rawCode).orElse(null);
        if (code == null || !code.isSuccess()) {
            throw error(status, json, headers, clientKey);
        }
        try {
            Duration expiresIn = TokenGrant.parseExpiresIn(scalar(json.get("expiresIn")));
            Object token = json.get("accessToken");
            return TokenGrant.of(code, scalar(json.get("responseMessage")), token instanceof String s ? s : null,
                    scalar(json.get("tokenType")), expiresIn);
        } catch (SnapProtocolException e) {
            throw new SnapProtocolException(e.getMessage() + " (" + where(clientKey) + ")",
                    new ErrorContext(code, status, null, "POST " + profile.tokenPath()), null);
        }
    }

    private SnapException error(int status, Map<String, Object> json, HttpHeaders headers, String clientKey) {
        return SnapErrors.response(status)
                .responseCode(scalar(json.get("responseCode")))
                .serverMessage(scalar(json.get("responseMessage")))
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
            return null; // absent, or an HTTP date: not supported by this small adapter
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /**
     * Reads at most {@code MAX_BODY_BYTES + 1} bytes within the read timeout. The JDK's request timeout stops at the
     * headers; closing the stream is what unblocks a read stuck on a server that stalls mid-body.
     */
    private byte[] readBody(InputStream in, String clientKey) {
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            expired.set(true);
            closeQuietly(in);
        }, CompletableFuture.delayedExecutor(readTimeout.toMillis(), TimeUnit.MILLISECONDS, Runnable::run));
        try (in) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            if (expired.get()) {
                throw unavailable(Reason.TIMEOUT, "the answer body did not arrive within the read timeout ("
                        + readTimeout.toMillis() + " ms)", clientKey, e);
            }
            throw unavailable(Reason.CONNECTION, "the connection dropped while reading the answer", clientKey, e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the failure
        }
    }

    private void pause(Duration delay, TokenRequestSupplier requests) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(Reason.INTERRUPTED, "interrupted while waiting to retry", requests.clientKey().value(),
                    e);
        }
    }

    private SnapUnavailableException unavailable(Reason reason, String problem, String clientKey, Throwable cause) {
        return new SnapUnavailableException(reason, problem + " at " + where(clientKey) + "; retry later",
                ErrorContext.ofRequest("POST", profile.tokenPath()), null, cause);
    }

    private SnapProtocolException protocol(String problem, int status, String clientKey) {
        return new SnapProtocolException(problem + ": HTTP " + status + " from " + where(clientKey)
                + " - a proxy in the way or a server defect; check the base URL",
                new ErrorContext(null, status, null, "POST " + profile.tokenPath()), null);
    }

    private String where(String clientKey) {
        return "POST " + profile.tokenUrl() + " for client " + clientKey;
    }

    @Override
    public String toString() {
        return "JdkHttpTokenEndpoint[POST " + profile.tokenUrl() + ", " + maxAttempts + " attempts]";
    }
}
