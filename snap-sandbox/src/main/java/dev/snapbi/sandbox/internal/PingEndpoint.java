package dev.snapbi.sandbox.internal;

import java.util.List;

/**
 * {@code GET /nicepay/api/v1.0/ping}: a protected resource that answers {@code 200 2000000 Successful} to a valid
 * {@code Authorization: Bearer <token>} and {@code 401 4017301 Access Token Invalid} (the code NICEPAY uses for a dead
 * token) to anything else. Faults never apply here, so that tests can always tell a good token from a bad one.
 */
public final class PingEndpoint implements Endpoint {

    /** The path. */
    public static final String PATH = "/nicepay/api/v1.0/ping";
    private static final String SERVICE = "00";

    private final SandboxContext context;

    /** An endpoint over this sandbox's state. */
    public PingEndpoint(SandboxContext context) {
        this.context = context;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String serviceCode() {
        return SERVICE;
    }

    @Override
    public Reply handle(Incoming request) {
        context.counters().pingRequest();
        Reply reply = answer(request);
        context.counters().answered(reply);
        return reply;
    }

    private Reply answer(Incoming request) {
        if (request.bodyTooLarge()) {
            return SnapReplies.bodyTooLarge(SERVICE);
        }
        if (request.headersTooLarge()) {
            return SnapReplies.headersTooLarge(SERVICE);
        }
        if (!"GET".equals(request.method())) {
            return SnapReplies.notSupported(SERVICE);
        }
        List<String> authorizations = request.headerValues("Authorization");
        String token = authorizations.size() == 1 ? bearerToken(authorizations.get(0)) : null;
        if (token == null || !context.tokens().isActive(token, context.clock().instant())) {
            return Reply.snap(401, "4017301", "Access Token Invalid");
        }
        return SnapReplies.successful(SERVICE);
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive, one space), or {@code null}. */
    private static String bearerToken(String authorization) {
        String prefix = "Bearer ";
        if (authorization.length() <= prefix.length()
                || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return authorization.substring(prefix.length());
    }
}
