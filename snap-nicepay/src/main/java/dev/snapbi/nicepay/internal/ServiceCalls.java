package dev.snapbi.nicepay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.nicepay.call.SnapCall;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.nicepay.call.SnapCaller;

import java.util.Objects;

/**
 * What every typed service does: the request to compact JSON bytes once (filling the merchant id from the client key
 * when the user left it out), one {@link SnapCall} of the right kind, and the answer read as the response type.
 */
public final class ServiceCalls {

    /** NICEPAY's path prefix of the transactional APIs. */
    public static final String API = "/nicepay/api/v1.0";

    private final SnapCaller caller;
    private final ClientKey merchant;
    private final String merchantField;
    private final String statusCall;

    /**
     * For the services of one merchant.
     *
     * @param merchantField the request field that names the merchant, filled with the client key when absent or
     *                      empty; {@code null} for none
     * @param statusCall    the call that reconciles an unknown outcome (e.g. {@code "qris().status"}), named by the
     *                      errors of money-moving calls; {@code null} for a service that moves no money
     */
    public ServiceCalls(SnapCaller caller, ClientKey merchant, String merchantField, String statusCall) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.merchantField = merchantField;
        this.statusCall = statusCall;
    }

    /** A money-moving call with the business reference {@code reference}. */
    public <T> T moneyMoving(String method, String path, Object request, String reference, Class<T> type) {
        Objects.requireNonNull(request, "request");
        byte[] body = body(request);
        SnapCallResponse answer = caller.call(SnapCall.moneyMoving(method, API + path, body, reference, statusCall));
        return read(answer, type, method + " " + API + path, statusCall, reference);
    }

    /** An inquiry (status, balance), retried when unavailable. */
    public <T> T inquiry(String path, Object request, Class<T> type) {
        Objects.requireNonNull(request, "request");
        byte[] body = body(request);
        SnapCallResponse answer = caller.call(SnapCall.inquiry("POST", API + path, body));
        return read(answer, type, "POST " + API + path, null, null);
    }

    /** How a service shows itself: its name and the merchant, nothing secret. */
    public String describe(String service) {
        return service + "[" + merchant + "]";
    }

    private byte[] body(Object request) {
        if (merchantField == null) {
            return NicepayJson.write(request);
        }
        JsonNode tree = NicepayJson.mapper().valueToTree(request);
        if (!(tree instanceof ObjectNode object)) {
            throw new SnapConfigurationException("the request " + request.getClass().getSimpleName()
                    + " is not a JSON object");
        }
        JsonNode given = object.get(merchantField);
        if (given == null || given.isNull() || given.isTextual() && given.textValue().isEmpty()) {
            object.put(merchantField, merchant.value());
        }
        return NicepayJson.write(object);
    }

    /**
     * The answer as {@code type}; when it cannot be read, what to do next: for a money-moving call (a status call is
     * given) look it up, since it succeeded; for an inquiry ask again. The advice is written only then.
     */
    private static <T> T read(SnapCallResponse answer, Class<T> type, String request, String statusCall,
                              String reference) {
        try {
            return NicepayJson.read(answer, type, request);
        } catch (SnapProtocolException e) {
            String whatNext = statusCall == null ? "ask again" : "it succeeded (" + answer.responseCode()
                    + "); look it up with " + statusCall + (reference == null ? "" : " for " + reference);
            throw new SnapProtocolException(e.getMessage() + "; " + whatNext,
                    new ErrorContext(answer.responseCode(), answer.status(), null, request), e);
        }
    }
}
