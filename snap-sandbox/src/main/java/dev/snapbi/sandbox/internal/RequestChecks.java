package dev.snapbi.sandbox.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request checks every SNAP endpoint shares (token, ping, each NICEPAY service), so that each is written once: the
 * framing (body size, header size, method), headers present exactly once, the {@code Content-Type}, the bearer token,
 * the JSON body; and the fault plan's delay.
 */
public final class RequestChecks {

    private RequestChecks() {
    }

    /**
     * What every SNAP endpoint answers before looking at the request's content: {@code 413} for an oversized body,
     * {@code 431} for oversized headers, {@code 405} for a method other than {@code method}; {@code null} when none
     * applies.
     */
    public static Reply framingRejection(Incoming request, String service, String method) {
        if (request.bodyTooLarge()) {
            return SnapReplies.bodyTooLarge(service);
        }
        if (request.headersTooLarge()) {
            return SnapReplies.headersTooLarge(service);
        }
        if (!method.equals(request.method())) {
            return SnapReplies.notSupported(service);
        }
        return null;
    }

    /**
     * {@code 400xx02 Invalid Mandatory Field [name]} for the first header of {@code names} that is missing or blank,
     * {@code 400xx01 Invalid Field Format [name]} for one sent more than once; {@code null} when each is there once.
     */
    public static Reply onceEach(Incoming request, String service, List<String> names) {
        for (String name : names) {
            List<String> values = request.headerValues(name);
            if (values.isEmpty() || values.get(0).isBlank()) {
                return SnapReplies.invalidMandatoryField(service, name);
            }
            if (values.size() > 1) {
                return SnapReplies.invalidFieldFormat(service, name);
            }
        }
        return null;
    }

    /**
     * The single values of these headers, in order, or {@code null} when any of them is missing or repeated (for the
     * signature checks, which only say valid or not).
     */
    public static List<String> singleValues(Incoming request, String... names) {
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            List<String> all = request.headerValues(names[i]);
            if (all.size() != 1) {
                return null;
            }
            values[i] = all.get(0);
        }
        return List.of(values);
    }

    /** Whether a {@code Content-Type} names {@code application/json} (parameters and case aside). */
    public static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive, one space), or {@code null}. */
    public static String bearerToken(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || authorization.length() <= prefix.length()
                || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return authorization.substring(prefix.length());
    }

    /**
     * The body as a JSON object.
     *
     * @throws Rejection {@code 400xx00 Bad Request} when it is not UTF-8 or not a JSON object
     */
    public static Map<String, Object> jsonBody(Incoming request, String service) throws Rejection {
        Optional<String> text = request.strictUtf8Body();
        try {
            if (text.isPresent()) {
                return SandboxJson.parseObject(text.get());
            }
        } catch (SandboxJson.JsonException e) {
            // answered below
        }
        throw new Rejection(SnapReplies.badRequest(service));
    }

    /** Waits out a fault's delay; false when interrupted (the sandbox is closing). */
    public static boolean sleep(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
