package dev.snapbi.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /nicepay/v1.0/access-token/b2b}: verifies the request on the sandbox's own terms, then lets the fault
 * plan decide whether a fault answers instead. Every request is verified (and its signature's validity recorded),
 * faulted or not.
 *
 * <p>Checks, in order: body size (413), header size (431), method (405), {@code Content-Type}, {@code X-CLIENT-KEY},
 * {@code X-TIMESTAMP}, {@code X-SIGNATURE} present once each (4007302 missing, 4007301 repeated or wrong type),
 * timestamp shape (4007301), JSON body (4007300), {@code grantType} (4007302 missing, 4007301 other),
 * timestamp freshness (4017300 [Timestamp]), known client (4017300 [Unknown client]), signature
 * (4017300 [Signature]).
 */
public final class B2bTokenEndpoint implements Endpoint {

    /** The path, as NICEPAY serves it (no {@code /api/} segment). */
    public static final String PATH = "/nicepay/v1.0/access-token/b2b";
    private static final String SERVICE = "73";
    private static final int MAX_SIGNATURE_CHARS = 4096;
    private static final List<String> REQUIRED = List.of("Content-Type", "X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE");

    private final SandboxContext context;
    private final FaultReplies faultReplies;

    /** An endpoint over this sandbox's state. */
    public B2bTokenEndpoint(SandboxContext context) {
        this.context = context;
        this.faultReplies = new FaultReplies(context);
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
        context.counters().tokenRequest();
        Instant arrival = context.clock().instant();
        boolean signatureValid = signatureValid(request);
        Reply verdict = verify(request, arrival, signatureValid);

        FaultPlan.Decision decision = context.faults().next();
        if (!RequestChecks.sleep(decision.delay())) {
            return context.answered(request, signatureValid, Reply.drop());
        }
        Reply reply;
        if (decision.fault() == Fault.Plain.ANSWER_LOST) {
            // processed, then the answer lost: the token exists, the client never learns it
            Reply issued = verdict != null ? verdict : issue(request.header("X-CLIENT-KEY"));
            context.counters().answered(issued);
            reply = Reply.drop();
        } else if (decision.fault() != null) {
            reply = faultReplies.answer(decision.fault(), SERVICE);
        } else if (verdict != null) {
            reply = verdict;
        } else {
            reply = issue(request.header("X-CLIENT-KEY"));
        }
        return context.answered(request, signatureValid, reply);
    }

    /** The rejection for this request, or {@code null} when it deserves a token. */
    private Reply verify(Incoming request, Instant arrival, boolean signatureValid) {
        Reply framing = RequestChecks.framingRejection(request, SERVICE, "POST");
        if (framing == null) {
            framing = RequestChecks.onceEach(request, SERVICE, REQUIRED);
        }
        if (framing != null) {
            return framing;
        }
        if (!RequestChecks.isJson(request.header("Content-Type"))) {
            return SnapReplies.invalidFieldFormat(SERVICE, "Content-Type");
        }
        Optional<Instant> timestamp = StrictTimestamp.parse(request.header("X-TIMESTAMP"));
        if (timestamp.isEmpty()) {
            return SnapReplies.invalidFieldFormat(SERVICE, "X-TIMESTAMP");
        }
        Map<String, Object> body;
        try {
            body = RequestChecks.jsonBody(request, SERVICE);
        } catch (Rejection e) {
            return e.reply();
        }
        Object grantType = body.get("grantType");
        if (grantType == null || grantType == SandboxJson.NULL) {
            return SnapReplies.invalidMandatoryField(SERVICE, "grantType");
        }
        if (!"client_credentials".equals(grantType)) {
            return SnapReplies.invalidFieldFormat(SERVICE, "grantType");
        }
        if (!StrictTimestamp.isFresh(timestamp.get(), arrival, context.timestampWindow())) {
            return SnapReplies.unauthorized(SERVICE, "Timestamp");
        }
        if (context.clients().publicKey(request.header("X-CLIENT-KEY")) == null) {
            return SnapReplies.unauthorized(SERVICE, "Unknown client");
        }
        if (!signatureValid) {
            return SnapReplies.unauthorized(SERVICE, "Signature");
        }
        return null;
    }

    /**
     * Whether {@code X-SIGNATURE} is standard, padded Base64 of an RSA/SHA-256 signature over
     * {@code X-CLIENT-KEY|X-TIMESTAMP} (the header texts exactly as received) by the client's registered key.
     */
    private boolean signatureValid(Incoming request) {
        List<String> signed = RequestChecks.singleValues(request, "X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE");
        if (signed == null) {
            return false;
        }
        PublicKey publicKey = context.clients().publicKey(signed.get(0));
        byte[] signature = StrictBase64.decode(signed.get(2), MAX_SIGNATURE_CHARS);
        if (publicKey == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update((signed.get(0) + "|" + signed.get(1)).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a signature of the wrong length or shape is simply not valid
            return false;
        }
    }

    private Reply issue(String clientKey) {
        Instant now = context.clock().instant();
        String token = context.tokens().issue(clientKey, now, context.tokenLifetime());
        context.counters().tokenIssued();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseCode", "2007300");
        body.put("responseMessage", "Successful");
        body.put("accessToken", token);
        body.put("tokenType", "Bearer");
        body.put("expiresIn", Long.toString(context.tokenLifetime().toSeconds()));
        return Reply.json(200, body);
    }
}
