package dev.snapbi.adapter.feign.token.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.adapter.feign.internal.Bodies;
import dev.snapbi.adapter.feign.internal.Exchange;
import dev.snapbi.adapter.feign.internal.RetryAfter;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.model.TokenGrant;
import feign.Response;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Decodes a 2xx answer into a {@link TokenGrant}: reads the body bounded (64 KiB, within the read deadline), maps it
 * with Jackson, and throws the domain's error when the body is oversized, not JSON, carries a non-success
 * {@code responseCode} or an unusable token or {@code expiresIn}. Jackson's own exceptions never leave: their
 * messages may quote the body, which may hold the token.
 */
public final class TokenGrantDecoder implements Decoder {

    private final JacksonDecoder jackson;
    private final Duration bodyDeadline;
    private final int maxBodyBytes;
    private final Clock clock;

    /** A decoder using this mapper, allowing the body {@code bodyDeadline} to arrive and {@code maxBodyBytes}. */
    public TokenGrantDecoder(ObjectMapper mapper, Duration bodyDeadline, int maxBodyBytes, Clock clock) {
        this.jackson = new JacksonDecoder(Objects.requireNonNull(mapper, "mapper"));
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.maxBodyBytes = maxBodyBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Exchange exchange = Exchange.of(response.request());
        int status = response.status();
        Bodies.Bounded body = Bodies.readBounded(response, bodyDeadline, maxBodyBytes);
        if (body.oversized()) {
            throw protocol("the answer body is larger than " + describeLimit(maxBodyBytes), status, exchange);
        }
        TokenResponseBody parsed;
        try {
            parsed = (TokenResponseBody) jackson.decode(response.toBuilder().body(body.bytes()).build(),
                    TokenResponseBody.class);
        } catch (JsonProcessingException e) {
            throw protocol("the answer is not the expected JSON (" + describe(e) + ")", status, exchange);
        } catch (RuntimeException e) {
            throw protocol("the answer could not be read as JSON (" + e.getClass().getSimpleName() + ")", status,
                    exchange);
        }
        if (parsed == null) {
            throw protocol("the answer has no body", status, exchange);
        }
        ResponseCode code = ResponseCode.tryParse(parsed.responseCode()).orElse(null);
        if (code == null || !code.isSuccess()) {
            throw SnapErrors.response(status)
                    .responseCode(parsed.responseCode())
                    .serverMessage(parsed.responseMessage())
                    .request(exchange.method(), exchange.path())
                    .clientKey(exchange.clientKey())
                    .redacting(Exchange.secrets(response.request()))
                    .retryAfter(RetryAfter.parse(response.headers(), clock))
                    .toException();
        }
        try {
            Duration expiresIn = TokenGrant.parseExpiresIn(parsed.expiresInText());
            return TokenGrant.of(code, parsed.responseMessage(), parsed.accessToken(), parsed.tokenType(), expiresIn);
        } catch (SnapProtocolException e) {
            throw new SnapProtocolException(e.getMessage() + " (" + exchange.request()
                    + (exchange.clientKey() == null ? "" : ", client " + exchange.clientKey()) + ")",
                    new ErrorContext(code, status, null, exchange.request()), null);
        }
    }

    private static SnapProtocolException protocol(String problem, int status, Exchange exchange) {
        return new SnapProtocolException(problem + ": HTTP " + status + " from " + exchange.request()
                + (exchange.clientKey() == null ? "" : " for client " + exchange.clientKey())
                + " - a proxy in the way or a server defect; check the base URL",
                new ErrorContext(null, status, null, exchange.request()), null);
    }

    static String describeLimit(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** The kind of JSON problem and where, never the offending text (it may be part of the token). */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String kind = e.getClass().getSimpleName();
        if (at == null) {
            return kind;
        }
        return kind + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
