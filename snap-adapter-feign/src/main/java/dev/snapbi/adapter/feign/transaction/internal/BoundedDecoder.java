package dev.snapbi.adapter.feign.transaction.internal;

import dev.snapbi.adapter.feign.internal.Bodies;
import dev.snapbi.adapter.feign.internal.Exchange;
import dev.snapbi.domain.error.ErrorContext;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.error.SnapProtocolException;
import feign.Response;
import feign.codec.Decoder;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Wraps the user's decoder of a SNAP transactional interface: a body over the size limit is a
 * {@link SnapProtocolException} before the decoder sees it (the body is read bounded first, in case the client was
 * not wrapped), and whatever the decoder throws becomes a {@link SnapProtocolException} that names the request and
 * the kind of failure but quotes neither the body nor the decoder's message, and keeps no cause (Feign and Jackson
 * exceptions carry the signed request or the body).
 */
public final class BoundedDecoder implements Decoder {

    private final Decoder delegate;
    private final java.time.Duration bodyDeadline;
    private final int maxBodyBytes;

    /** Wraps {@code delegate}. */
    public BoundedDecoder(Decoder delegate, java.time.Duration bodyDeadline, int maxBodyBytes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.bodyDeadline = Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Exchange exchange = Exchange.of(response.request());
        Bodies.Bounded body = Bodies.readBounded(response, bodyDeadline, maxBodyBytes);
        if (body.oversized()) {
            throw new Bodies.BodyTooLargeException(maxBodyBytes);
        }
        Response buffered = response.toBuilder().body(body.bytes()).build();
        try {
            return delegate.decode(buffered, type);
        } catch (SnapException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SnapProtocolException("the HTTP " + response.status() + " answer to " + exchange.request()
                    + " could not be decoded as " + type.getTypeName() + " (" + e.getClass().getSimpleName()
                    + ") - check the response type of the interface method, or a proxy in the way",
                    new ErrorContext(null, response.status(), null, exchange.request()), null);
        }
    }
}
