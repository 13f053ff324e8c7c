/**
 * The wiring behind {@link dev.snapbi.adapter.feign.FeignTokenEndpoint}: the Feign interface, the decoders, bounded
 * body reading, redaction and the mapping of transport failures to the domain's errors. Not part of the public API;
 * anything here may change without notice.
 */
package dev.snapbi.adapter.feign.internal;
