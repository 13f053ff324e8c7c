package dev.snapbi.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answers of injected faults. None of them issues a real token. */
final class FaultReplies {

    /** The size of an oversized answer: twice the 64 KiB a careful client reads at most. */
    static final int OVERSIZED_BYTES = 128 * 1024;
    /** The service code of the B2B token endpoint, whose lookalikes carry a token. */
    static final String TOKEN_SERVICE = "73";

    private final SandboxContext context;

    FaultReplies(SandboxContext context) {
        this.context = context;
    }

    /**
     * The answer of a fault on the endpoint of {@code service}: success lookalikes are shaped like that endpoint's
     * answers (a token answer for the token service {@value #TOKEN_SERVICE}, a {@code referenceNo} for the others).
     */
    Reply answer(Fault fault, String service) {
        if (fault instanceof Fault.Fail f) {
            return Reply.snap(f.status(), f.responseCode(), f.responseMessage());
        }
        if (fault instanceof Fault.Html h) {
            String reason = reasonPhrase(h.status());
            String page = "<html>\r\n<head><title>" + h.status() + " " + reason + "</title></head>\r\n<body>\r\n"
                    + "<center><h1>" + h.status() + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n";
            return Reply.raw(h.status(), "text/html; charset=utf-8", utf8(page), null);
        }
        if (fault instanceof Fault.TooManyRequests t) {
            return Reply.snap(429, "429" + service + "00", "Too Many Requests")
                    .withHeader("Retry-After", Integer.toString(t.retryAfterSeconds()));
        }
        if (fault instanceof Fault.Plain plain) {
            return switch (plain) {
                case DROP, ANSWER_LOST -> Reply.drop();
                case MALFORMED -> Reply.raw(200, Reply.JSON, utf8(successLookalike(service, "<<not json>>")), null);
                case TRUNCATED -> truncated(service);
                case OVERSIZED -> oversized(service);
            };
        }
        throw new IllegalStateException("no answer for fault " + fault.id());
    }

    /** A success lookalike cut in the middle. */
    private Reply truncated(String service) {
        String value = "\"" + Keys.randomUrlSafe(TOKEN_SERVICE.equals(service) ? 48 : 24) + "\"";
        String whole = successLookalike(service, value);
        return Reply.raw(200, Reply.JSON, utf8(whole.substring(0, whole.length() / 2)), null);
    }

    /** A well-formed success answer padded to {@link #OVERSIZED_BYTES}. */
    private static Reply oversized(String service) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", "200" + service + "00");
        body.put("responseMessage", "Successful");
        body.put("additionalInfo", Map.of("padding", "x".repeat(OVERSIZED_BYTES)));
        return Reply.json(200, body);
    }

    /**
     * A success body around {@code value} (JSON text): the token that was never issued, or NICEPAY's reference of a
     * transaction that was never made.
     */
    private String successLookalike(String service, String value) {
        String head = "{\"responseCode\":\"200" + service + "00\",\"responseMessage\":\"Successful\",";
        if (TOKEN_SERVICE.equals(service)) {
            return head + "\"accessToken\":" + value + ",\"tokenType\":\"Bearer\",\"expiresIn\":\""
                    + context.tokenLifetime().toSeconds() + "\"}";
        }
        return head + "\"referenceNo\":" + value + "}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String reasonPhrase(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Error";
        }
    }
}
