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
        Reply framing = RequestChecks.framingRejection(request, SERVICE, "GET");
        if (framing != null) {
            return framing;
        }
        List<String> authorization = RequestChecks.singleValues(request, "Authorization");
        String token = authorization == null ? null : RequestChecks.bearerToken(authorization.get(0));
        if (token == null || !context.tokens().isActive(token, context.clock().instant())) {
            return Reply.snap(401, "4017301", "Access Token Invalid");
        }
        return SnapReplies.successful(SERVICE);
    }
}
