package dev.snapbi.adapter.feign.transaction;

import dev.snapbi.adapter.feign.internal.Exchange;
import dev.snapbi.adapter.feign.internal.Settings;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.json.CompactJson;
import dev.snapbi.domain.model.SnapHeaders;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Target;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * A Feign {@link RequestInterceptor} that makes any request a signed SNAP transactional call: it sets
 * {@code Authorization: Bearer}, {@code X-TIMESTAMP}, {@code X-SIGNATURE}, {@code X-PARTNER-ID}, {@code X-EXTERNAL-ID}
 * and {@code CHANNEL-ID} through a {@link TransactionSigner} (SNAP-SPEC section 5), over the exact body bytes and the
 * full request path with its query (the target URL's path included; NICEPAY's {@code /nicepay} prefix is left out of
 * the signature by the profile).
 * <ul>
 *   <li><b>Replace, never append.</b> Feign runs interceptors again on the same request template for every retry;
 *   each run removes these headers and sets new values: a new timestamp, signature and external id, never a second
 *   copy.</li>
 *   <li><b>Compact bodies.</b> By default a body that is valid JSON (Content-Type JSON or none, in UTF-8) is sent
 *   with the whitespace between tokens removed ({@link CompactJson}), and exactly those bytes are signed; anything
 *   that is not valid JSON (even if it looks like it, such as <code>{'a': 'John Doe'}</code>) is signed and sent byte
 *   for byte. NICEPAY hashes the
 *   minified body, and feign-jackson's {@code new JacksonEncoder()} pretty-prints (it enables
 *   {@code INDENT_OUTPUT}); strings and numbers are never touched. With {@link Builder#compactJson(boolean)
 *   compactJson(false)} the body is signed exactly as the encoder wrote it, which verifies against any server that
 *   hashes the bytes it received, but NICEPAY recommends compact JSON (see {@link SnapTransactions#jsonEncoder()}).</li>
 *   <li><b>Content-Type.</b> A request with a body and no {@code Content-Type} gets {@code application/json}.</li>
 * </ul>
 * It must run after any interceptor that changes the body, path or query: {@link SnapTransactions#capability} adds it
 * last. Alone it only signs; {@link SnapTransactions#configure} also adds the typed errors and the single replay on
 * a dead token. Thread-safe.
 */
public final class SnapTransactionInterceptor implements RequestInterceptor {

    private static final String JSON = "application/json";

    private final TransactionSigner signer;
    private final boolean compactJson;

    private SnapTransactionInterceptor(TransactionSigner signer, boolean compactJson) {
        this.signer = signer;
        this.compactJson = compactJson;
    }

    /** An interceptor signing with this signer, compacting JSON bodies. */
    public static SnapTransactionInterceptor create(TransactionSigner signer) {
        return builder().signer(signer).build();
    }

    /** A builder; a signer is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs the request: one new set of SNAP headers, replacing any earlier ones.
     *
     * @throws dev.snapbi.domain.error.SnapException when no token can be had or signing fails; nothing is sent then
     */
    @Override
    public void apply(RequestTemplate template) {
        byte[] body = template.body();
        Charset charset = template.requestCharset() != null ? template.requestCharset() : StandardCharsets.UTF_8;
        if (body != null && body.length > 0 && compactJson && isUtf8(charset)
                && isJsonOrUntyped(template.headers())) {
            byte[] compact = CompactJson.compactIfValid(body); // anything but valid JSON: byte for byte
            if (compact != body) {
                template.body(compact, charset);
                body = compact;
            }
        }
        TransactionHeaders headers = signer.sign(template.method(), requestTarget(template), body);
        // Feign re-applies interceptors to the same template on each retry: remove, then set
        headers.asMap().forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
        if (body != null && body.length > 0
                && Exchange.header(template.headers(), SnapHeaders.CONTENT_TYPE) == null) {
            template.header(SnapHeaders.CONTENT_TYPE, JSON);
        }
    }

    /** The raw path and query the request will be sent to, as the server will see them. */
    static String requestTarget(RequestTemplate template) {
        String url = template.url();
        if (!url.startsWith("http")) {
            // the target has not been applied yet (first attempt): resolve it on a copy, as HardCodedTarget will
            Target<?> target = template.feignTarget();
            String base = target == null ? "" : target.url();
            if (base != null && !base.isEmpty()) {
                url = RequestTemplate.from(template).target(base).url();
            }
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SnapConfigurationException("the request URL is not a valid URI, so its path cannot be signed:"
                    + " check the target URL and the request line");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Whether the body's bytes are UTF-8 (US-ASCII is a subset), the only encoding JSON is exchanged in. */
    private static boolean isUtf8(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
    }

    private static boolean isJsonOrUntyped(Map<String, Collection<String>> headers) {
        String type = Exchange.header(headers, SnapHeaders.CONTENT_TYPE);
        return type == null || type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** The signer behind this interceptor. */
    public TransactionSigner signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "SnapTransactionInterceptor[" + signer + (compactJson ? ", compact JSON" : ", bodies as encoded") + "]";
    }

    /** Builds a {@link SnapTransactionInterceptor}. */
    public static final class Builder {
        private TransactionSigner signer;
        private boolean compactJson = true;

        private Builder() {
        }

        /** The transport-neutral signer: tokens, client secret, partner id, profile. */
        public Builder signer(TransactionSigner value) {
            this.signer = Settings.required(value, "signer");
            return this;
        }

        /**
         * Whether JSON bodies are sent (and signed) without the whitespace between tokens; default {@code true}.
         * With {@code false} the encoder's bytes are signed and sent as they are.
         */
        public Builder compactJson(boolean value) {
            this.compactJson = value;
            return this;
        }

        /**
         * The interceptor.
         *
         * @throws SnapConfigurationException when the signer is missing
         */
        public SnapTransactionInterceptor build() {
            if (signer == null) {
                throw new SnapConfigurationException("the interceptor needs a TransactionSigner, e.g."
                        + " TransactionSigner.builder().tokens(tokens).symmetricSigner(hmac).partnerId(\"IONPAYTEST\")"
                        + ".profile(profile).build()");
            }
            return new SnapTransactionInterceptor(signer, compactJson);
        }
    }
}
