package dev.snapbi.adapter.feign.token.internal;

import dev.snapbi.domain.model.TokenGrant;
import feign.HeaderMap;
import feign.RequestLine;

import java.util.Map;

/**
 * The token endpoint as a Feign interface. The target URL is the profile's full token URL, so the request line holds
 * only the method. The decoder turns a success answer into a {@link TokenGrant}; the error decoder turns every other
 * answer into the domain's typed error.
 */
public interface TokenApi {

    /** One attempt: the headers and compact JSON body of one signed {@code TokenRequest}. */
    @RequestLine("POST")
    TokenGrant requestToken(@HeaderMap Map<String, Object> headers, String body);
}
