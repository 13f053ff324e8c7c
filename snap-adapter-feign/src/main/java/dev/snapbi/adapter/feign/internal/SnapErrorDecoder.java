package dev.snapbi.adapter.feign.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.domain.error.SnapErrors;
import feign.Response;
import feign.codec.ErrorDecoder;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Turns every non-2xx answer into the domain's typed error through {@link SnapErrors}: the parsed
 * {@code responseCode} and {@code responseMessage} when the body is SNAP JSON, the HTTP status alone when it is
 * anything else (an HTML page from a proxy, an empty or oversized body), plus method, path, client key and
 * {@code Retry-After}. The HTTP status decides the kind of error.
 */
public final class SnapErrorDecoder implements ErrorDecoder {

    private final ObjectMapper mapper;
    private final Duration bodyDeadline;
    private final int maxBodyBytes;
    private final Clock clock;

    /** A decoder using this mapper, allowing the body {@code bodyDeadline} to arrive and {@code maxBodyBytes}. */
    public SnapErrorDecoder(ObjectMapper mapper, Duration bodyDeadline, int maxBodyBytes, Clock clock) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.maxBodyBytes = maxBodyBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        Exchange exchange = Exchange.of(response.request());
        String code = null;
        String message = null;
        try {
            Bodies.Bounded body = Bodies.readBounded(response, bodyDeadline, maxBodyBytes);
            if (!body.oversized() && body.bytes().length > 0) {
                JsonNode json = readTree(body.bytes());
                if (json != null && json.isObject()) {
                    code = scalar(json.get("responseCode"));
                    message = scalar(json.get("responseMessage"));
                }
            }
        } catch (IOException e) {
            // the status alone says what happened; an unreadable error body adds nothing
        }
        return SnapErrors.response(response.status())
                .responseCode(code)
                .serverMessage(message)
                .request(exchange.method(), exchange.path())
                .clientKey(exchange.clientKey())
                .redacting(Exchange.secrets(response.request()))
                .retryAfter(RetryAfter.parse(response.headers(), clock))
                .toException();
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null; // not JSON: an error page; map by status
        }
    }

    private static String scalar(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
