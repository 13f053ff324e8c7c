package dev.snapbi.domain.response;

import dev.snapbi.domain.internal.Checks;

import java.util.Optional;

/**
 * A SNAP response code: exactly seven ASCII digits, HTTP status (3) + service code (2) + case code (2).
 * {@code 2007300} is HTTP 200, service 73 (access token B2B), case 00 (Successful). Not an error: success codes are
 * response codes too. Parse what a server sent with {@link #tryParse(String)} (adapters turn a malformed code into a
 * {@code SnapProtocolException}); {@link #parse(String)} and {@link #of(int, int, int)} are for codes you write
 * yourself and throw {@link IllegalArgumentException}, as {@code Integer.parseInt} does, so that this package depends
 * on nothing but the JDK (the error types depend on it).
 */
public final class ResponseCode {

    private final int httpStatus;
    private final int serviceCode;
    private final int caseCode;

    private ResponseCode(int httpStatus, int serviceCode, int caseCode) {
        this.httpStatus = httpStatus;
        this.serviceCode = serviceCode;
        this.caseCode = caseCode;
    }

    /**
     * Parses a response code you wrote yourself (a constant, a test); for a server's text use {@link #tryParse}.
     *
     * @throws IllegalArgumentException unless the text is exactly seven ASCII digits with an HTTP status in 100..599
     */
    public static ResponseCode parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "a SNAP responseCode is seven digits (HTTP status, service code, case code), got "
                        + (text == null ? "nothing" : "'" + Checks.shown(text, 20) + "'")));
    }

    /** Parses a response code (e.g. one a server sent), or returns empty when the text is not a valid one. */
    public static Optional<ResponseCode> tryParse(String text) {
        if (text == null || text.length() != 7) {
            return Optional.empty();
        }
        for (int i = 0; i < 7; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        int status = Integer.parseInt(text, 0, 3, 10);
        if (status < 100 || status > 599) {
            return Optional.empty();
        }
        return Optional.of(new ResponseCode(status, Integer.parseInt(text, 3, 5, 10),
                Integer.parseInt(text, 5, 7, 10)));
    }

    /**
     * Builds a response code from its parts.
     *
     * @throws IllegalArgumentException when a part is out of range
     */
    public static ResponseCode of(int httpStatus, int serviceCode, int caseCode) {
        if (httpStatus < 100 || httpStatus > 599 || serviceCode < 0 || serviceCode > 99 || caseCode < 0
                || caseCode > 99) {
            throw new IllegalArgumentException("a SNAP response code needs an HTTP status in 100..599 and two-digit"
                    + " service and case codes, got " + httpStatus + "/" + serviceCode + "/" + caseCode);
        }
        return new ResponseCode(httpStatus, serviceCode, caseCode);
    }

    /** The HTTP status part (first three digits). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The service code part (digits four and five) as a number. */
    public int serviceCode() {
        return serviceCode;
    }

    /** The service code part as a catalogued service. */
    public ServiceCode service() {
        return ServiceCode.of(serviceCode);
    }

    /** The case code part (last two digits). */
    public int caseCode() {
        return caseCode;
    }

    /** SNAP's standard case for this code, when it is a standard one. */
    public Optional<StandardResponse> standard() {
        return StandardResponse.lookup(httpStatus, caseCode);
    }

    /** SNAP's standard message for this code, when it is a standard one. */
    public Optional<String> standardMessage() {
        return standard().map(StandardResponse::message);
    }

    /** Whether the code reports success (HTTP status 2xx). */
    public boolean isSuccess() {
        return httpStatus >= 200 && httpStatus < 300;
    }

    /** Whether this code is the given standard case (under any service). */
    public boolean is(StandardResponse standard) {
        return standard.httpStatus() == httpStatus && standard.caseCode() == caseCode;
    }

    /** The seven-digit text, as sent on the wire. */
    public String value() {
        return String.format("%03d%02d%02d", httpStatus, serviceCode, caseCode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseCode other && other.httpStatus == httpStatus && other.serviceCode == serviceCode
                && other.caseCode == caseCode;
    }

    @Override
    public int hashCode() {
        return (httpStatus * 100 + serviceCode) * 100 + caseCode;
    }

    @Override
    public String toString() {
        return value();
    }
}
