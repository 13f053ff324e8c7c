package dev.snapbi.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answers of injected faults. None of them issues a real token. */
final class FaultReplies {

    /** The size of an oversized answer: twice the 64 KiB a careful client reads at most. */
    static final int OVERSIZED_BYTES = 128 * 1024;

    private final SandboxContext context;

    FaultReplies(SandboxContext context) {
        this.context = context;
    }

    /** The answer of a fault on a NICEPAY service: bodies shaped like that service's answers. */
    Reply answer(Fault fault, String service) {
        String success = "200" + service + "00";
        if (fault instanceof Fault.Malformed) {
            String body = "{\"responseCode\":\"" + success + "\",\"responseMessage\":\"Successful\","
                    + "\"referenceNo\":<<not json>>}";
            return Reply.raw(200, Reply.JSON, utf8(body), null);
        }
        if (fault instanceof Fault.Truncated) {
            String whole = "{\"responseCode\":\"" + success + "\",\"responseMessage\":\"Successful\","
                    + "\"referenceNo\":\"" + Keys.randomUrlSafe(24) + "\"}";
            return Reply.raw(200, Reply.JSON, utf8(whole.substring(0, whole.length() / 2)), null);
        }
        if (fault instanceof Fault.Oversized) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("responseCode", success);
            body.put("responseMessage", "Successful");
            body.put("additionalInfo", Map.of("padding", "x".repeat(OVERSIZED_BYTES)));
            return Reply.json(200, body);
        }
        if (fault instanceof Fault.TooManyRequests t) {
            return Reply.snap(429, "429" + service + "00", "Too Many Requests")
                    .withHeader("Retry-After", Integer.toString(t.retryAfterSeconds()));
        }
        return answer(fault);
    }

    Reply answer(Fault fault) {
        if (fault instanceof Fault.Fail f) {
            return Reply.snap(f.status(), f.responseCode(), f.responseMessage());
        }
        if (fault instanceof Fault.Drop || fault instanceof Fault.AnswerLost) {
            return Reply.drop();
        }
        if (fault instanceof Fault.Malformed) {
            String body = "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":"
                    + "<<not json>>,\"tokenType\":\"Bearer\",\"expiresIn\":\"" + expiresIn() + "\"}";
            return Reply.raw(200, Reply.JSON, utf8(body), null);
        }
        if (fault instanceof Fault.Truncated) {
            String whole = successLookalike();
            return Reply.raw(200, Reply.JSON, utf8(whole.substring(0, whole.length() / 2)), null);
        }
        if (fault instanceof Fault.Html h) {
            String reason = reasonPhrase(h.status());
            String page = "<html>\r\n<head><title>" + h.status() + " " + reason + "</title></head>\r\n<body>\r\n"
                    + "<center><h1>" + h.status() + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n";
            return Reply.raw(h.status(), "text/html; charset=utf-8", utf8(page), null);
        }
        if (fault instanceof Fault.Oversized) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("responseCode", "2007300");
            body.put("responseMessage", "Successful");
            body.put("additionalInfo", Map.of("padding", "x".repeat(OVERSIZED_BYTES)));
            return Reply.json(200, body);
        }
        if (fault instanceof Fault.TooManyRequests t) {
            return Reply.snap(429, "4297300", "Too Many Requests")
                    .withHeader("Retry-After", Integer.toString(t.retryAfterSeconds()));
        }
        throw new IllegalStateException("no answer for fault " + fault.name());
    }

    /** A success body around a token that was never issued. */
    private String successLookalike() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", "2007300");
        body.put("responseMessage", "Successful");
        body.put("accessToken", Keys.randomUrlSafe(48));
        body.put("tokenType", "Bearer");
        body.put("expiresIn", expiresIn());
        return Json.write(body);
    }

    private String expiresIn() {
        return Long.toString(context.tokenLifetime().toSeconds());
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
