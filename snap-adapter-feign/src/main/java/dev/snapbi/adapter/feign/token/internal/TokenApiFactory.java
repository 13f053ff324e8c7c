package dev.snapbi.adapter.feign.token.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapbi.adapter.feign.internal.JsonMappers;
import dev.snapbi.adapter.feign.internal.RedactingLogger;
import dev.snapbi.adapter.feign.internal.SnapErrorDecoder;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.Target;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Builds the Feign client of the token endpoint: decoders, redacted wire log, timeouts, no Feign retries. */
public final class TokenApiFactory {

    private TokenApiFactory() {
    }

    /**
     * The token endpoint at {@code tokenUrl} over {@code http}.
     *
     * @param body       how long an answer body may take after its headers
     * @param clock      reads {@code Retry-After} dates
     * @param wireLogger the SLF4J logger name of the wire log
     * @param name       the Feign target's name
     */
    public static TokenApi create(Client http, Duration connect, Duration read, Duration body, int maxBodyBytes,
                                  Clock clock, Logger.Level logLevel, String wireLogger, String name, URI tokenUrl) {
        ObjectMapper mapper = JsonMappers.tokenAnswers();
        return Feign.builder()
                .client(http)
                .options(new Request.Options(connect, read, false))
                .retryer(Retryer.NEVER_RETRY) // Resilience4j retries, with a fresh signature each time
                .decoder(new TokenGrantDecoder(mapper, body, maxBodyBytes, clock))
                .errorDecoder(new SnapErrorDecoder(mapper, body, maxBodyBytes, clock))
                .logger(new RedactingLogger(wireLogger, body, maxBodyBytes))
                .logLevel(logLevel)
                .target(new Target.HardCodedTarget<>(TokenApi.class, name, tokenUrl.toString()));
    }
}
