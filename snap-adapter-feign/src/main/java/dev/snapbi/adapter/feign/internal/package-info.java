/**
 * The plumbing both features of the Feign adapter share: the adapter's own JDK {@code HttpClient} client and the
 * wrapper that bounds any other client, body deadlines and size limits, content decoding, plain-http refusal, the
 * redacting wire log, the decoding of SNAP error answers, the checks of builder settings and the mapping of transport
 * failures to the domain's errors. Not part of the public API; anything here may change without notice.
 */
package dev.snapbi.adapter.feign.internal;
