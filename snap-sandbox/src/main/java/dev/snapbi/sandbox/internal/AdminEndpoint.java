package dev.snapbi.sandbox.internal;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /_sandbox/...} admin endpoints: JSON in, JSON out, never counted in stats nor faulted. Errors answer
 * {@code {"error":"..."}} with 400, 404, 405 or 413. Documented in the module's README.
 */
public final class AdminEndpoint {

    private static final String FAULT_KINDS = "faults are delay, delayNext, fail, drop, processedThenDrop, malformed,"
            + " truncated, html, oversized, tooManyRequests, random";

    private final SandboxContext context;
    private final PaymentDesk desk;

    /** The admin endpoints of this sandbox, paying through {@code desk}. */
    public AdminEndpoint(SandboxContext context, PaymentDesk desk) {
        this.context = context;
        this.desk = desk;
    }

    /** A request the admin cannot serve; becomes {@code {"error": message}} with the status. */
    private static final class AdminError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        AdminError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Answers one admin request. */
    public Reply handle(Incoming request) {
        try {
            if (request.bodyTooLarge()) {
                throw new AdminError(413, "the body is larger than 64 KiB");
            }
            if ("/_sandbox/requests".equals(request.path())) {
                requireMethod(request.method(), "GET");
                return requests(request.rawQuery());
            }
            return Reply.json(200, route(request));
        } catch (AdminError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            Reply reply = Reply.json(e.status, body);
            return e.status == 413 ? reply.withHeader("Connection", "close") : reply;
        }
    }

    private Map<String, Object> route(Incoming request) throws AdminError {
        String path = request.path();
        String method = request.method();
        switch (path) {
            case "/_sandbox/stats":
                requireMethod(method, "GET");
                return stats();
            case "/_sandbox/stats/reset":
                requireMethod(method, "POST");
                context.counters().reset();
                return stats();
            case "/_sandbox/requests/clear":
                requireMethod(method, "POST");
                context.log().clear();
                return Map.of("requests", List.of());
            case "/_sandbox/faults":
                return faults(request, context.faults());
            case "/_sandbox/faults/clear":
                return clearFaults(method, context.faults());
            case "/_sandbox/transaction-faults":
                return faults(request, context.transactionFaults());
            case "/_sandbox/transaction-faults/clear":
                return clearFaults(method, context.transactionFaults());
            case "/_sandbox/pay":
                requireMethod(method, "POST");
                return pay(body(request));
            case "/_sandbox/balance":
                requireMethod(method, "POST");
                return balance(body(request));
            case "/_sandbox/clients":
                if ("GET".equals(method)) {
                    return clients();
                }
                requireMethod(method, "POST");
                return registerClient(body(request));
            case "/_sandbox/tokens/revoke":
                requireMethod(method, "POST");
                return revoke(body(request));
            default:
                throw new AdminError(404, "no admin endpoint at " + shorten(path)
                        + "; see the snap-sandbox README for the list");
        }
    }

    /** {@code GET} describes the plan, {@code POST} adds the fault of the body; both answer the plan. */
    private Map<String, Object> faults(Incoming request, FaultPlan plan) throws AdminError {
        if (!"GET".equals(request.method())) {
            requireMethod(request.method(), "POST");
            addFault(body(request), plan);
        }
        return plan.describe();
    }

    private static Map<String, Object> clearFaults(String method, FaultPlan plan) throws AdminError {
        requireMethod(method, "POST");
        plan.clear();
        return plan.describe();
    }

    private static void requireMethod(String method, String expected) throws AdminError {
        if (!expected.equals(method)) {
            throw new AdminError(405, "use " + expected + " here, not " + shorten(method));
        }
    }

    /** The JSON object body; an empty body counts as {@code {}}. */
    private static Map<String, Object> body(Incoming request) throws AdminError {
        Optional<String> text = request.strictUtf8Body();
        if (text.isEmpty()) {
            throw new AdminError(400, "the body is not UTF-8");
        }
        if (text.get().isBlank()) {
            return Map.of();
        }
        try {
            return SandboxJson.parseObject(text.get());
        } catch (SandboxJson.JsonException e) {
            throw new AdminError(400, "the body is not a JSON object: " + e.getMessage());
        }
    }

    private Map<String, Object> stats() {
        Counters.Snapshot stats = context.counters().snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tokenRequests", stats.tokenRequests());
        out.put("tokensIssued", stats.tokensIssued());
        out.put("pingRequests", stats.pingRequests());
        out.put("vaRequests", stats.vaRequests());
        out.put("rejectionsByCode", new LinkedHashMap<String, Object>(stats.rejectionsByCode()));
        out.put("requestsByPath", new LinkedHashMap<String, Object>(stats.requestsByPath()));
        return out;
    }

    /** The most entries on one page of {@code GET /_sandbox/requests}, and the default. */
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 100;
    /** The most characters of a body or a header value shown; the rest is cut (the entry says so). */
    static final int MAX_SHOWN_CHARS = 2048;
    /** The rendered page stops before this many characters (one entry is always shown). */
    static final int PAGE_BUDGET_CHARS = 1 << 20;

    /**
     * One page of the recorded requests, oldest first: {@code ?offset=0&limit=100}. Bodies and header values are cut
     * to {@value #MAX_SHOWN_CHARS} characters, and the page ends early rather than grow past about 1 MiB of JSON;
     * {@code nextOffset} says where the next page starts ({@code null} at the end).
     */
    private Reply requests(String rawQuery) throws AdminError {
        int offset = (int) queryInteger(rawQuery, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = (int) queryInteger(rawQuery, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        List<RequestLog.Entry> all = context.log().snapshot();
        StringBuilder out = new StringBuilder(8192).append("{\"requests\":[");
        int index = Math.min(offset, all.size());
        int end = Math.min(all.size(), offset + limit);
        int shown = 0;
        while (index < end) {
            String entry = SandboxJson.write(render(all.get(index)));
            if (shown > 0 && out.length() + entry.length() > PAGE_BUDGET_CHARS) {
                break;
            }
            out.append(shown > 0 ? "," : "").append(entry);
            shown++;
            index++;
        }
        out.append("],\"total\":").append(all.size()).append(",\"offset\":").append(offset)
                .append(",\"nextOffset\":").append(index < all.size() ? Integer.toString(index) : "null").append('}');
        return Reply.raw(200, Reply.JSON, out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    private static Map<String, Object> render(RequestLog.Entry recorded) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("method", recorded.method());
        entry.put("path", cut(recorded.path()));
        Map<String, Object> headers = new LinkedHashMap<>();
        boolean cut = false;
        for (Map.Entry<String, List<String>> header : recorded.headers().entrySet()) {
            List<String> values = new ArrayList<>();
            for (String value : header.getValue()) {
                cut |= value.length() > MAX_SHOWN_CHARS;
                values.add(RequestLog.isSensitiveHeader(header.getKey()) ? "****" : cut(value));
            }
            headers.put(cut(header.getKey()), values);
        }
        entry.put("headers", headers);
        entry.put("body", cut(recorded.body()));
        entry.put("truncated", cut || recorded.body().length() > MAX_SHOWN_CHARS);
        entry.put("signatureValid", recorded.signatureValid());
        entry.put("status", recorded.status());
        entry.put("responseCode", recorded.responseCode());
        return entry;
    }

    private static String cut(String text) {
        return text.length() > MAX_SHOWN_CHARS ? text.substring(0, MAX_SHOWN_CHARS) : text;
    }

    /** An integer query parameter ({@code name=123}), or the fallback when absent. */
    private static long queryInteger(String rawQuery, String name, long fallback, long min, long max)
            throws AdminError {
        if (rawQuery == null) {
            return fallback;
        }
        for (String pair : rawQuery.split("&", 16)) {
            if (pair.startsWith(name + "=")) {
                String value = pair.substring(name.length() + 1);
                try {
                    long n = Long.parseLong(value);
                    if (n >= min && n <= max) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // answered below
                }
                throw new AdminError(400, "'" + name + "' must be an integer between " + min + " and " + max);
            }
        }
        return fallback;
    }

    private void addFault(Map<String, Object> body, FaultPlan plan) throws AdminError {
        String kind = string(body, "fault", null);
        if (kind == null) {
            throw new AdminError(400, "say which fault: {\"fault\":\"drop\",\"count\":1}; " + FAULT_KINDS);
        }
        try {
            for (Fault.Plain plain : Fault.Plain.values()) {
                if (plain.id().equals(kind)) {
                    plan.enqueue(plain, count(body));
                    return;
                }
            }
            switch (kind) {
                case "delay":
                    plan.standingDelay(Duration.ofMillis(integer(body, "millis", null, 0, Long.MAX_VALUE)));
                    break;
                case "delayNext":
                    plan.enqueue(new Fault.Delay(Duration.ofMillis(integer(body, "millis", null, 0,
                            Long.MAX_VALUE))), count(body));
                    break;
                case "fail":
                    plan.enqueue(new Fault.Fail((int) integer(body, "status", null, 0, 999),
                            string(body, "responseCode", null), string(body, "responseMessage", "")), count(body));
                    break;
                case "html":
                    plan.enqueue(new Fault.Html((int) integer(body, "status", 502L, 0, 999)), count(body));
                    break;
                case "tooManyRequests":
                    plan.enqueue(new Fault.TooManyRequests((int) integer(body, "retryAfterSeconds", 1L, 0,
                            Integer.MAX_VALUE)), count(body));
                    break;
                case "random":
                    plan.random(number(body, "probability"), integer(body, "seed", 0L, Long.MIN_VALUE,
                            Long.MAX_VALUE), Duration.ofMillis(integer(body, "delayMillis", 0L, 0, Long.MAX_VALUE)));
                    break;
                default:
                    throw new AdminError(400, "unknown fault '" + shorten(kind) + "'; " + FAULT_KINDS);
            }
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new AdminError(400, e.getMessage());
        }
    }

    private Map<String, Object> pay(Map<String, Object> body) throws AdminError {
        String reference = string(body, "referenceNo", string(body, "tXidVA", null));
        if (reference == null) {
            throw new AdminError(400, "give {\"referenceNo\":\"...\"}: the tXidVA of a VA, or the referenceNo of a"
                    + " QRIS or e-wallet payment");
        }
        PaymentDesk.Outcome outcome;
        try {
            outcome = desk.pay(reference, null);
        } catch (IllegalArgumentException e) {
            throw new AdminError(404, e.getMessage());
        } catch (IllegalStateException e) {
            throw new AdminError(409, e.getMessage());
        }
        return describe(outcome);
    }

    /** A paid payment and its notification as JSON-ready values. */
    static Map<String, Object> describe(PaymentDesk.Outcome outcome) {
        Ledger.Payment p = outcome.payment();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", p.kind().name());
        out.put("clientKey", p.partner());
        out.put("referenceNo", p.referenceNo());
        out.put("partnerReferenceNo", p.partnerReferenceNo());
        out.put("amount", p.amount().json());
        out.put("status", p.status());
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("url", outcome.notificationUrl() == null ? null : outcome.notificationUrl().toString());
        notification.put("status", outcome.notificationStatus());
        notification.put("error", outcome.notificationError());
        notification.put("body", outcome.notificationBody());
        out.put("notification", notification);
        return out;
    }

    private Map<String, Object> balance(Map<String, Object> body) throws AdminError {
        String clientKey = string(body, "clientKey", null);
        if (clientKey == null) {
            throw new AdminError(400, "give {\"clientKey\":\"...\"} and, to set it, \"balance\":\"1000000.00\"");
        }
        String balance = string(body, "balance", null);
        if (balance != null) {
            try {
                context.ledger().setBalance(clientKey, new BigDecimal(balance));
            } catch (NumberFormatException e) {
                throw new AdminError(400, "'balance' must be a decimal string such as \"1000000.00\"");
            } catch (IllegalArgumentException e) {
                throw new AdminError(400, e.getMessage());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientKey", clientKey);
        out.put("balance", context.ledger().balance(clientKey).toPlainString());
        return out;
    }

    private static int count(Map<String, Object> body) throws AdminError {
        return (int) integer(body, "count", 1L, 1, FaultPlan.MAX_COUNT);
    }

    private Map<String, Object> clients() {
        List<Map<String, Object>> list = context.clients().all((clientKey, keyPair, clientSecret) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("clientKey", clientKey);
            entry.put("publicKey", Keys.publicKeyPem(keyPair.getPublic()));
            return entry;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", list);
        return out;
    }

    private Map<String, Object> registerClient(Map<String, Object> body) throws AdminError {
        String clientKey = string(body, "clientKey", null);
        if (clientKey == null) {
            throw new AdminError(400, "give a clientKey, and a publicKey (PEM) unless the sandbox should generate a"
                    + " key pair");
        }
        String publicKeyText = string(body, "publicKey", null);
        String secret = string(body, "clientSecret", null);
        try {
            KeyPair keyPair;
            if (publicKeyText == null) {
                keyPair = Keys.generateRsa(2048);
            } else {
                PublicKey publicKey = Keys.parsePublicKey(publicKeyText);
                keyPair = new KeyPair(publicKey, null);
            }
            String clientSecret = secret == null ? Keys.randomSecret() : secret;
            context.clients().register(clientKey, keyPair, clientSecret);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clientKey", clientKey);
            out.put("publicKey", Keys.publicKeyPem(keyPair.getPublic()));
            if (keyPair.getPrivate() != null) {
                // a sandbox-made test key: handing it back is the point of generating it
                out.put("privateKey", Keys.privateKeyPem(keyPair.getPrivate()));
            }
            out.put("clientSecret", clientSecret);
            return out;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new AdminError(400, e.getMessage());
        }
    }

    private Map<String, Object> revoke(Map<String, Object> body) throws AdminError {
        Object all = body.get("all");
        String token = string(body, "accessToken", null);
        int revoked;
        if (Boolean.TRUE.equals(all)) {
            revoked = context.tokens().revokeAll();
        } else if (token != null) {
            revoked = context.tokens().revoke(token) ? 1 : 0;
        } else {
            throw new AdminError(400, "give {\"accessToken\":\"...\"} or {\"all\":true}");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("revoked", revoked);
        return out;
    }

    private static String string(Map<String, Object> body, String name, String fallback) throws AdminError {
        Object value = body.get(name);
        if (value == null || value == SandboxJson.NULL) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new AdminError(400, "'" + name + "' must be a string");
        }
        return s;
    }

    private static long integer(Map<String, Object> body, String name, Long fallback, long min, long max)
            throws AdminError {
        Object value = body.get(name);
        if (value == null || value == SandboxJson.NULL) {
            if (fallback == null) {
                throw new AdminError(400, "'" + name + "' is required");
            }
            return fallback;
        }
        long n;
        if (value instanceof Long l) {
            n = l;
        } else if (value instanceof BigDecimal d) {
            try {
                n = d.longValueExact();
            } catch (ArithmeticException e) {
                throw new AdminError(400, "'" + name + "' must be an integer");
            }
        } else {
            throw new AdminError(400, "'" + name + "' must be a number");
        }
        if (n < min || n > max) {
            throw new AdminError(400, "'" + name + "' must be between " + min + " and " + max);
        }
        return n;
    }

    private static double number(Map<String, Object> body, String name) throws AdminError {
        Object value = body.get(name);
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        throw new AdminError(400, "'" + name + "' is required and must be a number");
    }

    private static String shorten(String text) {
        String s = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
