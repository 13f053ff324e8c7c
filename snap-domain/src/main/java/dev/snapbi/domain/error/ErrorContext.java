package dev.snapbi.domain.error;

import dev.snapbi.domain.response.ResponseCode;

/**
 * Where an error came from: the parsed SNAP response code, the HTTP status, the server's message and the request.
 * Every component is optional ({@code null} or {@code 0} when unknown).
 *
 * @param responseCode  the parsed SNAP response code, or {@code null}
 * @param httpStatus    the HTTP status, or {@code 0} when no answer arrived
 * @param serverMessage the server's sanitised {@code responseMessage}, or {@code null}
 * @param request       {@code METHOD /path}, or {@code null}
 */
public record ErrorContext(ResponseCode responseCode, int httpStatus, String serverMessage, String request) {

    /** No context at all. */
    public static final ErrorContext NONE = new ErrorContext(null, 0, null, null);

    /** A context that names only the request ({@code METHOD /path}). */
    public static ErrorContext ofRequest(String method, String path) {
        return new ErrorContext(null, 0, null, method + " " + path);
    }
}
