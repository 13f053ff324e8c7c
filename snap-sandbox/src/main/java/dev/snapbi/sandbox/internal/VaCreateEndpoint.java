package dev.snapbi.sandbox.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * {@code POST /nicepay/api/v1.0/transfer-va/create-va} (service 27): a transactional call with the symmetric
 * signature (SNAP-SPEC section 5), verified on the sandbox's own terms. The string to sign is rebuilt from the request
 * as received: method, the raw path without {@code /nicepay} plus the raw query, the bearer token, lower-case hex
 * SHA-256 of the raw body bytes, and {@code X-TIMESTAMP}; it is checked with HMAC-SHA512 keyed by the client secret
 * registered for {@code X-PARTNER-ID}. Faults never apply here.
 *
 * <p>Checks, in order: body and header size (413, 431), method (405), {@code Authorization}, {@code X-TIMESTAMP},
 * {@code X-SIGNATURE}, {@code X-PARTNER-ID}, {@code X-EXTERNAL-ID}, {@code CHANNEL-ID} present once each (4002702
 * missing, 4002701 repeated), timestamp and external-id shape (4002701), bearer token issued here, live and not
 * revoked (4017301), timestamp freshness (4017300 [Timestamp]), known partner (4017300 [Unknown client]), token
 * issued to that partner (4017301), signature (4017300 [Signature]), external id not used by the partner on this
 * Jakarta day (4097300), JSON body (4002700), {@code trxId} and {@code totalAmount} (4002702 missing, 4002701 bad
 * format). Authentication and duplicate checks answer under service 73, as NICEPAY's gateway does.
 */
public final class VaCreateEndpoint implements Endpoint {

    /** The path, as NICEPAY serves it. */
    public static final String PATH = "/nicepay/api/v1.0/transfer-va/create-va";
    /** The prefix NICEPAY leaves out of the path it signs. */
    public static final String SIGNING_PREFIX = "/nicepay";
    private static final String SERVICE = "27";
    private static final String GATEWAY = "73";
    private static final int MAX_SIGNATURE_CHARS = 4096;
    private static final int MAX_EXTERNAL_ID = 36;
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final List<String> REQUIRED = List.of("Authorization", "X-TIMESTAMP", "X-SIGNATURE",
            "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,16}\\.\\d{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter TXID_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);

    private final SandboxContext context;
    private final ExternalIdRegistry externalIds = new ExternalIdRegistry();
    private final AtomicLong sequence = new AtomicLong();
    private final String vaPrefix;

    /** An endpoint over this sandbox's state. */
    public VaCreateEndpoint(SandboxContext context) {
        this.context = context;
        this.vaPrefix = "88" + String.format(Locale.ROOT, "%06d", new SecureRandom().nextInt(1_000_000));
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String serviceCode() {
        return SERVICE;
    }

    /** What the checks found: the rejection (or {@code null}) and whether the signature verified. */
    private record Verdict(Reply rejection, boolean signatureValid) {
    }

    @Override
    public Reply handle(Incoming request) {
        context.counters().vaRequest();
        Instant arrival = context.clock().instant();
        boolean signatureValid = signatureValid(request);
        Reply reply = verify(request, arrival, signatureValid);
        if (reply == null) {
            reply = bodyChecksOrSuccess(request);
        }
        context.counters().answered(reply);
        context.log().record(request, signatureValid, reply);
        return reply;
    }

    /** The rejection of the headers and authentication, or {@code null} when they pass. */
    private Reply verify(Incoming request, Instant arrival, boolean signatureValid) {
        Reply framing = SnapReplies.framingRejection(request, SERVICE);
        if (framing != null) {
            return framing;
        }
        for (String name : REQUIRED) {
            List<String> values = request.headerValues(name);
            if (values.isEmpty() || values.get(0).isBlank()) {
                return SnapReplies.invalidMandatoryField(SERVICE, name);
            }
            if (values.size() > 1) {
                return SnapReplies.invalidFieldFormat(SERVICE, name);
            }
        }
        Optional<Instant> timestamp = StrictTimestamp.parse(request.header("X-TIMESTAMP"));
        if (timestamp.isEmpty()) {
            return SnapReplies.invalidFieldFormat(SERVICE, "X-TIMESTAMP");
        }
        String externalId = request.header("X-EXTERNAL-ID");
        if (!isVisibleAscii(externalId, MAX_EXTERNAL_ID)) {
            return SnapReplies.invalidFieldFormat(SERVICE, "X-EXTERNAL-ID");
        }
        String token = bearerToken(request.header("Authorization"));
        String tokenOwner = token == null ? null : context.tokens().clientOf(token, arrival);
        if (tokenOwner == null) {
            return accessTokenInvalid();
        }
        if (!StrictTimestamp.isFresh(timestamp.get(), arrival, context.timestampWindow())) {
            return SnapReplies.unauthorized(GATEWAY, "Timestamp");
        }
        String partner = request.header("X-PARTNER-ID");
        if (context.clients().find(partner) == null) {
            return SnapReplies.unauthorized(GATEWAY, "Unknown client");
        }
        if (!tokenOwner.equals(partner)) {
            return accessTokenInvalid(); // a token of another partner is no token for this one
        }
        if (!signatureValid) {
            return SnapReplies.unauthorized(GATEWAY, "Signature");
        }
        LocalDate day = arrival.atZone(JAKARTA).toLocalDate();
        if (!externalIds.claim(partner, day, externalId)) {
            return Reply.snap(409, "409" + GATEWAY + "00", "Conflict");
        }
        return null;
    }

    private static Reply accessTokenInvalid() {
        return Reply.snap(401, "401" + GATEWAY + "01", "Access Token Invalid");
    }

    private Reply bodyChecksOrSuccess(Incoming request) {
        Map<String, Object> body;
        try {
            Optional<String> text = request.strictUtf8Body();
            if (text.isEmpty()) {
                return SnapReplies.badRequest(SERVICE);
            }
            body = Json.parseObject(text.get());
        } catch (Json.JsonException e) {
            return SnapReplies.badRequest(SERVICE);
        }
        Object trxId = body.get("trxId");
        if (!(trxId instanceof String t) || t.isEmpty()) {
            return trxId == null || trxId == Json.NULL || "".equals(trxId)
                    ? SnapReplies.invalidMandatoryField(SERVICE, "trxId")
                    : SnapReplies.invalidFieldFormat(SERVICE, "trxId");
        }
        Object amount = body.get("totalAmount");
        if (amount == null || amount == Json.NULL) {
            return SnapReplies.invalidMandatoryField(SERVICE, "totalAmount");
        }
        if (!(amount instanceof Map<?, ?> totalAmount)) {
            return SnapReplies.invalidFieldFormat(SERVICE, "totalAmount");
        }
        Reply amountProblem = field(totalAmount, "value", AMOUNT);
        if (amountProblem == null) {
            amountProblem = field(totalAmount, "currency", CURRENCY);
        }
        if (amountProblem != null) {
            return amountProblem;
        }
        return success(request.header("X-PARTNER-ID"), body);
    }

    private static Reply field(Map<?, ?> totalAmount, String name, Pattern shape) {
        Object value = totalAmount.get(name);
        if (value == null || value == Json.NULL) {
            return SnapReplies.invalidMandatoryField(SERVICE, "totalAmount." + name);
        }
        if (!(value instanceof String s) || !shape.matcher(s).matches()) {
            return SnapReplies.invalidFieldFormat(SERVICE, "totalAmount." + name);
        }
        return null;
    }

    private Reply success(String partner, Map<String, Object> request) {
        long n = sequence.incrementAndGet();
        Map<String, Object> data = new LinkedHashMap<>();
        for (String echoed : List.of("partnerServiceId", "customerNo")) {
            Object value = request.get(echoed);
            data.put(echoed, value instanceof String ? value : "");
        }
        data.put("virtualAccountNo", vaPrefix + String.format(Locale.ROOT, "%08d", n % 100_000_000L));
        Object name = request.get("virtualAccountName");
        data.put("virtualAccountName", name instanceof String ? name : "");
        data.put("trxId", request.get("trxId"));
        data.put("totalAmount", request.get("totalAmount"));
        Map<String, Object> info = new LinkedHashMap<>();
        Object additional = request.get("additionalInfo");
        if (additional instanceof Map<?, ?> given) {
            for (String echoed : List.of("bankCd", "goodsNm", "vacctValidDt", "vacctValidTm")) {
                Object value = given.get(echoed);
                if (value instanceof String) {
                    info.put(echoed, value);
                }
            }
        }
        info.put("tXidVA", partner + "02" + TXID_TIME.format(context.clock().instant().atZone(JAKARTA))
                + String.format(Locale.ROOT, "%04d", n % 10_000));
        data.put("additionalInfo", info);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", "200" + SERVICE + "00");
        body.put("responseMessage", "Successful");
        body.put("virtualAccountData", data);
        return Reply.json(200, body);
    }

    /**
     * Whether {@code X-SIGNATURE} is standard, padded Base64 of HMAC-SHA512, keyed by the client secret registered
     * for {@code X-PARTNER-ID}, over the string to sign rebuilt from the request as received.
     */
    private boolean signatureValid(Incoming request) {
        List<String> authorizations = request.headerValues("Authorization");
        List<String> timestamps = request.headerValues("X-TIMESTAMP");
        List<String> signatures = request.headerValues("X-SIGNATURE");
        List<String> partners = request.headerValues("X-PARTNER-ID");
        if (authorizations.size() != 1 || timestamps.size() != 1 || signatures.size() != 1 || partners.size() != 1
                || request.bodyTooLarge()) {
            return false;
        }
        String token = bearerToken(authorizations.get(0));
        RegisteredClient client = context.clients().find(partners.get(0));
        byte[] signature = StrictBase64.decode(signatures.get(0), MAX_SIGNATURE_CHARS);
        if (token == null || client == null || signature == null) {
            return false;
        }
        String path = request.path();
        String signedPath = path.startsWith(SIGNING_PREFIX + "/") ? path.substring(SIGNING_PREFIX.length()) : path;
        if (request.rawQuery() != null) {
            signedPath += "?" + request.rawQuery();
        }
        String stringToSign = request.method() + ":" + signedPath + ":" + token + ":" + sha256Hex(request.body())
                + ":" + timestamps.get(0);
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            byte[] expected = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA512", e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive, one space), or {@code null}. */
    private static String bearerToken(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || authorization.length() <= prefix.length()
                || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return authorization.substring(prefix.length());
    }

    private static boolean isVisibleAscii(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        return text.chars().allMatch(c -> c > ' ' && c <= '~');
    }
}
