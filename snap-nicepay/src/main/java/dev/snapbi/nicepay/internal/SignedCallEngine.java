package dev.snapbi.nicepay.internal;

import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.error.SnapAuthenticationException;
import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapOutcomeUnknownException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.nicepay.call.SnapCall;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.nicepay.call.SnapCaller;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-call engine behind {@code NicepayClient}: for each attempt it signs over the exact body bytes (new
 * timestamp, signature and {@code X-EXTERNAL-ID}), sends through the {@link TransactionTransport}, and decides:
 * <ul>
 *   <li>a dead token ({@code 4017301}/{@code 4017303}): drops exactly the token that was sent and replays once;</li>
 *   <li>no answer, a 5xx or a 429: an inquiry is retried (bounded, backing off, honouring {@code Retry-After}); a
 *   money-moving call is resent only when it surely was not sent, and otherwise ends in
 *   {@link SnapOutcomeUnknownException} (a 429 is a definite refusal and stays a {@link SnapUnavailableException});</li>
 *   <li>a 202: {@link dev.snapbi.domain.error.SnapInProgressException};</li>
 *   <li>anything else that is not a success: the typed error from {@link SnapErrors}, with the server's message
 *   scrubbed of the token and signature that were sent.</li>
 * </ul>
 * Thread-safe; between calls it keeps only what is derived from its configuration (the target URI of each path, the
 * current token's {@code Authorization} value).
 */
public final class SignedCallEngine implements SnapCaller {

    /** Waits between attempts; the production one sleeps. */
    @FunctionalInterface
    public interface Pause {
        /** Waits this long, or throws when interrupted. */
        void pause(Duration delay) throws InterruptedException;

        /** {@link Thread#sleep}. */
        Pause SLEEP = delay -> Thread.sleep(delay.toMillis(), (int) (delay.toNanosPart() % 1_000_000));
    }

    private static final String JSON = "application/json";
    /** Longer waits than this are not done inside a call: the error goes to the caller with its retry-after. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    /** Paths whose target URI is remembered; past that many (paths with ever-changing queries) none is added. */
    private static final int MAX_TARGETS = 256;

    private final TransactionSigner signer;
    private final AccessTokenProvider tokens;
    private final TransactionTransport transport;
    private final ProviderProfile profile;
    private final ClientKey clientKey;
    private final int maxAttempts;
    private final Duration backoff;
    private final Pause pause;
    private final Clock clock;
    private final ConcurrentHashMap<String, URI> targets = new ConcurrentHashMap<>();
    private volatile BearerHeader lastAuthorization;

    /**
     * An engine.
     *
     * @param maxAttempts attempts of an inquiry, the first included (a money-moving call gets as many only while it
     *                    surely was not sent)
     * @param backoff     the first pause between attempts, doubled each time
     */
    public SignedCallEngine(TransactionSigner signer, AccessTokenProvider tokens, TransactionTransport transport,
                            ProviderProfile profile, ClientKey clientKey, int maxAttempts, Duration backoff,
                            Pause pause, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.maxAttempts = maxAttempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SnapCallResponse call(SnapCall call) {
        Objects.requireNonNull(call, "call");
        byte[] body = call.body();
        URI uri = target(call.path());
        boolean replayed = false;
        int attempt = 0;
        Duration nextPause = backoff;
        while (true) {
            attempt++;
            TransactionHeaders signed = signer.sign(call.method(), call.path(), body);
            TransactionTransport.Request request = TransactionTransport.Request.of(call.method(), uri,
                    signed.signedPath(), headers(signed), body);
            TransactionTransport.Response response;
            try {
                response = transport.exchange(request);
            } catch (SnapUnavailableException e) {
                boolean mayResend = e.surelyNotSent() || !call.isMoneyMoving();
                if (mayResend && e.isRetryable() && attempt < maxAttempts) {
                    nextPause = waitBeforeNext(nextPause, null, e);
                    continue;
                }
                if (call.isMoneyMoving() && !e.surelyNotSent()) { // also when interrupted: it may have left
                    throw outcomeUnknown(call, where(call), "no answer came back (" + e.reason() + ")", e.context(),
                            e);
                }
                throw e;
            } catch (SnapProtocolException e) {
                if (call.isMoneyMoving()) {
                    throw outcomeUnknown(call, where(call), "the answer could not be read", e.context(), e);
                }
                throw e;
            }
            byte[] answerBody = response.body(); // one copy, read once here and kept by the SnapCallResponse
            Answer answer = Answer.parse(answerBody);
            ResponseCode code = answer.code();
            int status = response.status();
            if (status >= 200 && status < 300 && status != 202 && code != null && code.isSuccess()
                    && code.httpStatus() != 202) {
                return SnapCallResponse.of(status, response.headers(), answerBody, code, answer.message(),
                        signed.externalId());
            }
            SnapException error = SnapErrors.response(status)
                    .responseCode(answer.rawCode())
                    .serverMessage(answer.message())
                    .redacting(List.of(signed.accessToken().value(), signed.signature().value()))
                    .request(call.method(), pathOnly(call.path()))
                    .clientKey(clientKey.value())
                    .retryAfter(retryAfter(response).orElse(null))
                    .businessReference(call.businessReference().orElse(null))
                    .statusCall(call.statusCall().orElse(null))
                    .toException();
            if (error instanceof SnapAuthenticationException auth && auth.isTokenInvalid() && !replayed) {
                tokens.invalidate(signed.accessToken()); // exactly the token that was sent; a newer one is kept
                replayed = true;
                attempt--; // the replay is not a retry
                continue;
            }
            if (error instanceof SnapUnavailableException unavailable) {
                boolean definiteRefusal = unavailable.reason() == SnapUnavailableException.Reason.TOO_MANY_REQUESTS;
                if (call.isMoneyMoving()) {
                    if (definiteRefusal) {
                        throw unavailable;
                    }
                    throw outcomeUnknown(call, where(call), "the server answered HTTP " + status,
                            unavailable.context(), unavailable);
                }
                if (attempt < maxAttempts) {
                    Optional<Duration> asked = unavailable.retryAfter();
                    if (asked.isEmpty() || asked.get().compareTo(MAX_PAUSE) <= 0) {
                        nextPause = waitBeforeNext(nextPause, asked.orElse(null), unavailable);
                        continue;
                    }
                }
                throw unavailable;
            }
            if (error instanceof SnapProtocolException && call.isMoneyMoving()) {
                throw outcomeUnknown(call, where(call), "the answer is not a readable SNAP answer", error.context(),
                        error);
            }
            throw error;
        }
    }

    /** The absolute target of a path, parsed once per path (a client calls few paths, over and over). */
    private URI target(String path) {
        URI known = targets.get(path);
        if (known != null) {
            return known;
        }
        URI uri = URI.create(profile.baseUrl() + path);
        if (targets.size() < MAX_TARGETS) {
            targets.putIfAbsent(path, uri);
        }
        return uri;
    }

    /** The headers of one attempt: {@code Content-Type}, then the signed ones in their stable order. */
    private Map<String, String> headers(TransactionHeaders signed) {
        Map<String, String> headers = new LinkedHashMap<>(16);
        headers.put(SnapHeaders.CONTENT_TYPE, JSON);
        headers.put(SnapHeaders.AUTHORIZATION, authorization(signed.accessToken()));
        headers.put(SnapHeaders.X_TIMESTAMP, signed.timestamp().value());
        headers.put(SnapHeaders.X_SIGNATURE, signed.signature().value());
        headers.put(SnapHeaders.X_PARTNER_ID, signed.partnerId().value());
        headers.put(SnapHeaders.X_EXTERNAL_ID, signed.externalId());
        headers.put(SnapHeaders.CHANNEL_ID, signed.channelId());
        return headers;
    }

    /** {@code Bearer <token>}, made once per token rather than once per call. */
    private String authorization(AccessToken token) {
        BearerHeader known = lastAuthorization;
        if (known != null && known.token == token) {
            return known.header;
        }
        String header = token.authorizationHeader();
        lastAuthorization = new BearerHeader(token, header);
        return header;
    }

    /** A token and its header value. */
    private record BearerHeader(AccessToken token, String header) {
    }

    private static String where(SnapCall call) {
        return call.method() + " " + pathOnly(call.path());
    }

    private Duration waitBeforeNext(Duration planned, Duration asked, SnapException cause) {
        Duration delay = asked != null && asked.compareTo(planned) > 0 ? asked : planned;
        if (delay.compareTo(MAX_PAUSE) > 0) {
            delay = MAX_PAUSE;
        }
        if (!delay.isZero() && !delay.isNegative()) {
            try {
                pause.pause(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED,
                        "interrupted while waiting to retry: " + cause.getMessage(), cause.context(), null, cause);
            }
        }
        Duration doubled = planned.multipliedBy(2);
        return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }

    private SnapOutcomeUnknownException outcomeUnknown(SnapCall call, String where, String what,
                                                       ErrorContext context, SnapException cause) {
        String reference = call.businessReference().orElse(null);
        String statusCall = call.statusCall().orElse(null);
        String message = "outcome unknown: " + where + " may have been processed but " + what
                + "; it was not sent again. Do not resend it: "
                + (statusCall == null ? "look it up with the status call of this service"
                : "look it up with " + statusCall)
                + (reference == null ? "" : " for " + reference)
                + ", and resend with the same reference only if the provider does not know it (404xx01)";
        ErrorContext ctx = context == null || context.request() == null
                ? new ErrorContext(context == null ? null : context.responseCode(),
                context == null ? 0 : context.httpStatus(), context == null ? null : context.serverMessage(), where)
                : context;
        return new SnapOutcomeUnknownException(message, ctx, reference, statusCall, cause);
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private Optional<Duration> retryAfter(TransactionTransport.Response response) {
        Optional<String> header = response.header("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 86_400)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "SignedCallEngine[" + clientKey + ", " + profile.name() + ", " + transport.getClass().getSimpleName()
                + ", " + maxAttempts + " attempts]";
    }
}
