package dev.snapbi.sandbox.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One NICEPAY SNAP service under {@code /nicepay/api/v1.0/...}: a transactional call with the symmetric signature
 * (SNAP-SPEC section 5), verified on the sandbox's own terms, then handed to its {@link Operation}. Every service
 * shares this one framing and authentication path. The string to sign is rebuilt from the request as received:
 * method, the raw path without {@code /nicepay} plus the raw query, the bearer token, lower-case hex SHA-256 of the
 * raw body bytes, and {@code X-TIMESTAMP}; it is checked with HMAC-SHA512 keyed by the client secret registered for
 * {@code X-PARTNER-ID}.
 *
 * <p>Checks, in order: body and header size (413, 431), method (405), {@code Authorization}, {@code X-TIMESTAMP},
 * {@code X-SIGNATURE}, {@code X-PARTNER-ID}, {@code X-EXTERNAL-ID}, {@code CHANNEL-ID} present once each (400xx02
 * missing, 400xx01 repeated), timestamp and external-id shape (400xx01), bearer token issued here, live and not
 * revoked (4017301), timestamp freshness (4017300 [Timestamp]), known partner (4017300 [Unknown client]), token
 * issued to that partner (4017301), signature (4017300 [Signature]), external id not used by the partner on this
 * Jakarta day (4097300), JSON body (400xx00), then the operation's own checks. Authentication and duplicate message
 * checks answer under service 73, as NICEPAY's gateway does; the rest under the service's code.
 *
 * <p>The transaction fault plan applies to every request that reaches a service: a delay first, then either a fault
 * answers instead of the service (nothing is applied) or, for "processed, then the answer lost", the request is
 * handled completely and the connection is then closed without an answer.
 */
public final class TransactionalEndpoint implements Endpoint {

    /** The prefix NICEPAY leaves out of the path it signs. */
    public static final String SIGNING_PREFIX = "/nicepay";
    private static final String GATEWAY = "73";
    private static final int MAX_SIGNATURE_CHARS = 4096;
    private static final int MAX_EXTERNAL_ID = 36;
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final List<String> REQUIRED = List.of("Authorization", "X-TIMESTAMP", "X-SIGNATURE",
            "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID");

    /** What a service does with an authenticated request. */
    @FunctionalInterface
    public interface Operation {
        /** The answer to an authenticated, parsed request; a {@link Rejection} for a refused one. */
        Reply apply(Call call) throws Rejection;
    }

    /**
     * An authenticated request.
     *
     * @param partner the partner ({@code X-PARTNER-ID}), a registered client
     * @param body    the JSON body
     * @param arrival when it arrived, by the sandbox's clock
     */
    public record Call(String partner, Map<String, Object> body, Instant arrival) {
    }

    private final SandboxContext context;
    private final String path;
    private final String service;
    private final String method;
    private final Operation operation;
    private final FaultReplies faultReplies;

    /** A service at {@code path} with its two-digit code, HTTP method and operation. */
    public TransactionalEndpoint(SandboxContext context, String path, String service, String method,
                                 Operation operation) {
        this.context = context;
        this.path = path;
        this.service = service;
        this.method = method;
        this.operation = operation;
        this.faultReplies = new FaultReplies(context);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String serviceCode() {
        return service;
    }

    @Override
    public Reply handle(Incoming request) {
        context.counters().request(path);
        FaultPlan.Decision decision = context.transactionFaults().next();
        if (!RequestChecks.sleep(decision.delay())) {
            return context.answered(request, false, Reply.drop());
        }
        Fault fault = decision.fault();
        if (fault != null && !(fault == Fault.Plain.ANSWER_LOST)) {
            // answered by the fault: the request is never applied
            return context.answered(request, signatureValid(request), faultReplies.answer(fault, service));
        }
        Instant arrival = context.clock().instant();
        boolean signatureValid = signatureValid(request);
        Reply reply = verify(request, arrival, signatureValid);
        if (reply == null) {
            reply = apply(request, arrival);
        }
        if (fault == Fault.Plain.ANSWER_LOST) {
            context.counters().answered(reply);
            context.log().record(request, signatureValid, Reply.drop());
            return Reply.drop();
        }
        return context.answered(request, signatureValid, reply);
    }

    private Reply apply(Incoming request, Instant arrival) {
        try {
            Map<String, Object> body = RequestChecks.jsonBody(request, service);
            return operation.apply(new Call(request.header("X-PARTNER-ID"), body, arrival));
        } catch (Rejection e) {
            return e.reply();
        }
    }

    /** The rejection of the headers and authentication, or {@code null} when they pass. */
    private Reply verify(Incoming request, Instant arrival, boolean signatureValid) {
        Reply framing = RequestChecks.framingRejection(request, service, method);
        if (framing == null) {
            framing = RequestChecks.onceEach(request, service, REQUIRED);
        }
        if (framing != null) {
            return framing;
        }
        Optional<Instant> timestamp = StrictTimestamp.parse(request.header("X-TIMESTAMP"));
        if (timestamp.isEmpty()) {
            return SnapReplies.invalidFieldFormat(service, "X-TIMESTAMP");
        }
        String externalId = request.header("X-EXTERNAL-ID");
        if (!isVisibleAscii(externalId, MAX_EXTERNAL_ID)) {
            return SnapReplies.invalidFieldFormat(service, "X-EXTERNAL-ID");
        }
        String token = RequestChecks.bearerToken(request.header("Authorization"));
        String tokenOwner = token == null ? null : context.tokens().clientOf(token, arrival);
        if (tokenOwner == null) {
            return accessTokenInvalid();
        }
        if (!StrictTimestamp.isFresh(timestamp.get(), arrival, context.timestampWindow())) {
            return SnapReplies.unauthorized(GATEWAY, "Timestamp");
        }
        String partner = request.header("X-PARTNER-ID");
        if (context.clients().clientSecret(partner) == null) {
            return SnapReplies.unauthorized(GATEWAY, "Unknown client");
        }
        if (!tokenOwner.equals(partner)) {
            return accessTokenInvalid(); // a token of another partner is no token for this one
        }
        if (!signatureValid) {
            return SnapReplies.unauthorized(GATEWAY, "Signature");
        }
        // Only X-EXTERNAL-ID is remembered: a retry with the same X-TIMESTAMP and X-SIGNATURE (a second-precision
        // timestamp and a deterministic HMAC make them byte-identical within a second) but a new id is legitimate.
        LocalDate day = arrival.atZone(JAKARTA).toLocalDate();
        if (!context.externalIds().claim(partner, day, externalId)) {
            return Reply.snap(409, "409" + GATEWAY + "00", "Conflict");
        }
        return null;
    }

    private static Reply accessTokenInvalid() {
        return Reply.snap(401, "401" + GATEWAY + "01", "Access Token Invalid");
    }

    /**
     * Whether {@code X-SIGNATURE} is standard, padded Base64 of HMAC-SHA512, keyed by the client secret registered
     * for {@code X-PARTNER-ID}, over the string to sign rebuilt from the request as received.
     */
    private boolean signatureValid(Incoming request) {
        List<String> signed = RequestChecks.singleValues(request, "Authorization", "X-TIMESTAMP", "X-SIGNATURE",
                "X-PARTNER-ID");
        if (signed == null || request.bodyTooLarge()) {
            return false;
        }
        String token = RequestChecks.bearerToken(signed.get(0));
        String clientSecret = context.clients().clientSecret(signed.get(3));
        byte[] signature = StrictBase64.decode(signed.get(2), MAX_SIGNATURE_CHARS);
        if (token == null || clientSecret == null || signature == null) {
            return false;
        }
        String requestPath = request.path();
        String signedPath = requestPath.startsWith(SIGNING_PREFIX + "/")
                ? requestPath.substring(SIGNING_PREFIX.length()) : requestPath;
        if (request.rawQuery() != null) {
            signedPath += "?" + request.rawQuery();
        }
        String stringToSign = request.method() + ":" + signedPath + ":" + token + ":" + sha256Hex(request.body())
                + ":" + signed.get(1);
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            byte[] expected = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA512", e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static boolean isVisibleAscii(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        return text.chars().allMatch(c -> c > ' ' && c <= '~');
    }
}
