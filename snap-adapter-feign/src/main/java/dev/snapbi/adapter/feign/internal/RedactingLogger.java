package dev.snapbi.adapter.feign.internal;

import dev.snapbi.domain.error.SnapErrors;
import feign.Request;
import feign.Response;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Feign's wire log, through SLF4J at DEBUG, with secrets masked at every level including {@code FULL}: the values of
 * {@code X-SIGNATURE}, {@code Authorization} (and cookies), and of JSON fields such as {@code accessToken}. Bodies are
 * read bounded (64 KiB, within the read deadline), never buffered whole. Nothing is read or formatted unless DEBUG is
 * enabled for the logger.
 */
public final class RedactingLogger extends feign.Logger {

    private final org.slf4j.Logger log;
    private final Duration bodyDeadline;
    private final int maxBodyBytes;

    /**
     * Logs to the SLF4J logger {@code loggerName}, allowing bodies {@code bodyDeadline} to arrive and
     * {@code maxBodyBytes}.
     */
    public RedactingLogger(String loggerName, Duration bodyDeadline, int maxBodyBytes) {
        this.log = LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (log.isDebugEnabled()) {
            // every line goes through the redactor once more: Feign may log text this class did not prepare
            log.debug(Redactor.redactText(String.format(methodTag(configKey) + format, args)));
        }
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        if (!log.isDebugEnabled()) {
            return;
        }
        log(configKey, "---> %s %s", request.httpMethod().name(), request.url());
        if (logLevel.ordinal() < Level.HEADERS.ordinal()) {
            return;
        }
        logHeaders(configKey, request.headers(), java.util.List.of());
        byte[] body = request.body();
        int length = body == null ? 0 : body.length;
        if (body != null && logLevel.ordinal() >= Level.FULL.ordinal()) {
            log(configKey, "");
            log(configKey, "%s", Redactor.redactText(new String(body, StandardCharsets.UTF_8)));
        }
        log(configKey, "---> END HTTP (%s-byte body)", length);
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response,
                                              long elapsedTime) throws IOException {
        if (!log.isDebugEnabled()) {
            return response;
        }
        int status = response.status();
        log(configKey, "<--- HTTP %s%s (%sms)", status, response.reason() == null ? "" : " " + response.reason(),
                elapsedTime);
        if (logLevel.ordinal() < Level.HEADERS.ordinal()) {
            return response;
        }
        logHeaders(configKey, response.headers(), Exchange.secrets(response.request()));
        if (response.body() == null || status == 204 || status == 205) {
            log(configKey, "<--- END HTTP (0-byte body)");
            return response;
        }
        if (Bodies.isDeclaredOversized(response, maxBodyBytes)) {
            log(configKey, "<--- END HTTP (%s-byte body, over the %s-byte limit: not read)",
                    response.body().length(), maxBodyBytes);
            return response;
        }
        Bodies.Bounded body;
        try {
            body = Bodies.readBounded(response, bodyDeadline, maxBodyBytes);
        } finally {
            response.close();
        }
        if (logLevel.ordinal() >= Level.FULL.ordinal()) {
            log(configKey, "");
            if (body.oversized()) {
                log(configKey, "(body over the %s-byte limit: not shown)", maxBodyBytes);
            } else if (body.bytes().length > 0) {
                log(configKey, "%s", Redactor.redactText(SnapErrors.withoutSecrets(
                        new String(body.bytes(), StandardCharsets.UTF_8), Exchange.secrets(response.request()))));
            }
        }
        log(configKey, "<--- END HTTP (%s%s-byte body)", body.oversized() ? "more than " : "",
                body.oversized() ? maxBodyBytes : body.bytes().length);
        // the decoders read the same (bounded) bytes, and see an oversized body as oversized
        return response.toBuilder().body(body.bytes()).build();
    }

    @Override
    protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
        log(configKey, "<--- ERROR %s: %s (%sms)", ioe.getClass().getSimpleName(), ioe.getMessage(), elapsedTime);
        return ioe;
    }

    private void logHeaders(String configKey, Map<String, Collection<String>> headers,
                            Collection<String> secrets) {
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                log(configKey, "%s: %s", header.getKey(),
                        Redactor.headerValue(header.getKey(), SnapErrors.withoutSecrets(value, secrets)));
            }
        }
    }
}
