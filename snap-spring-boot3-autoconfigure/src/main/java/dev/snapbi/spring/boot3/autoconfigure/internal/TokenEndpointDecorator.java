package dev.snapbi.spring.boot3.autoconfigure.internal;

import dev.snapbi.domain.port.TokenEndpoint;

/** Wraps each client's token endpoint, e.g. to time its fetches. */
@FunctionalInterface
public interface TokenEndpointDecorator {

    /** The endpoint to use for the named client. */
    TokenEndpoint decorate(String clientName, TokenEndpoint endpoint);
}
