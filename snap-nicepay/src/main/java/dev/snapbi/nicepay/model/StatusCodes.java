package dev.snapbi.nicepay.model;

import java.util.function.Function;

/** Reads the status code NICEPAY sent ({@code latestTransactionStatus}) as one of this package's status enums. */
final class StatusCodes {

    private StatusCodes() {
    }

    /** The status with that code; {@code unknown} for none, an empty one or one this version does not know. */
    static <E extends Enum<E>> E find(E[] statuses, Function<E, String> codeOf, String code, E unknown) {
        if (code != null && !code.isEmpty()) {
            for (E status : statuses) {
                if (codeOf.apply(status).equals(code)) {
                    return status;
                }
            }
        }
        return unknown;
    }
}
