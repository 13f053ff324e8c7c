package dev.snapbi.nicepay.call;

/**
 * Makes signed SNAP calls: signs each attempt over the exact body bytes, sends it, and turns the answer into a
 * {@link SnapCallResponse} or a typed error, with the retry rules of {@link SnapCall.Kind}.
 * {@link dev.snapbi.nicepay.NicepayClient} is one; the typed services are built on this interface.
 */
@FunctionalInterface
public interface SnapCaller {

    /**
     * Makes the call.
     *
     * @return the successful answer (HTTP 2xx with a 2xx {@code responseCode} other than 202)
     * @throws dev.snapbi.domain.error.SnapException typed by meaning: a rejection, unavailability, a protocol
     *         violation, or, for a money-moving call that may have arrived, a
     *         {@link dev.snapbi.domain.error.SnapOutcomeUnknownException}
     */
    SnapCallResponse call(SnapCall call);
}
