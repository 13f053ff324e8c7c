/**
 * The wiring behind {@link dev.snapbi.adapter.feign.token.FeignTokenEndpoint}: the Feign interface of the token
 * endpoint, the decoding of its answer and the factories that build the Feign client and the Resilience4j instances.
 * Not part of the public API; anything here may change without notice.
 */
package dev.snapbi.adapter.feign.token.internal;
