package dev.snapbi.adapter.jdk.internal;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange over {@link HttpClient} with one deadline for everything after the send (headers and the whole
 * body) and a bound on the body size. The body is collected by a subscriber that refuses to hold more than the bound
 * and is cancelled (closing the connection) when the deadline passes: a body that drips, never ends, or stops after a
 * gzip header ends at the deadline, whatever the server does. Nothing is decompressed: the bytes are returned as
 * received.
 */
public final class BoundedExchange {

    /** Why no answer was had. */
    public enum Failure {
        /** The connection could not be made: refused, unknown host, connect timeout, TLS handshake. Surely not sent. */
        CONNECT,
        /** The connection failed after it was made: the request may have been sent. */
        CONNECTION,
        /** The deadline passed before the whole answer arrived. */
        TIMEOUT,
        /** The calling thread was interrupted (its flag is set again). */
        INTERRUPTED,
        /** The body is larger than the bound (declared or received). */
        TOO_LARGE,
        /** The answer is not valid HTTP (a malformed status line, headers over the JDK's bound). */
        PROTOCOL
    }

    /** A complete answer. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** The exchange failed; {@link #getCause()} is the scrubbed chain of what the client reported, if anything. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;
        private final transient OptionalLong declaredLength;

        Failed(Failure failure, Throwable scrubbedCause, OptionalLong declaredLength) {
            super(failure.name(), scrubbedCause, false, false);
            this.failure = failure;
            this.declaredLength = declaredLength;
        }

        /** Why. */
        public Failure failure() {
            return failure;
        }

        /** For {@link Failure#TOO_LARGE}: the {@code Content-Length} the server declared, when it declared one. */
        public OptionalLong declaredLength() {
            return declaredLength == null ? OptionalLong.empty() : declaredLength;
        }
    }

    private BoundedExchange() {
    }

    /**
     * Sends the request and waits for the whole answer until {@code timeout} has passed.
     *
     * @param timeout      the one deadline for the whole answer, headers and body, counted from now
     * @param maxBodyBytes the largest body accepted
     * @param scrubber     masks the request's secrets in the text of the causes kept
     * @throws Failed when no complete answer within the bounds was had
     */
    public static Answer send(HttpClient client, HttpRequest request, Duration timeout, int maxBodyBytes,
                              SecretScrubber scrubber) throws Failed {
        BoundedBodyHandler handler = new BoundedBodyHandler(maxBodyBytes);
        // HttpClient.send, not sendAsync(...).get(timeout): sendAsync hands every completion to the common pool
        // (a thread hop that cost ~190 us per call on loopback). The headers are bounded by the request's own
        // timeout; this timer ends the body at the same deadline by cancelling its subscriber (closing the
        // connection), on the JDK's shared delay thread. It keeps no reference to the exchange once it is over.
        DeadlineTimer timer = new DeadlineTimer(handler);
        CompletableFuture.delayedExecutor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS, Runnable::run)
                .execute(timer);
        try {
            HttpResponse<byte[]> response = client.send(request, handler);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            handler.cancel();
            Thread.currentThread().interrupt();
            throw new Failed(Failure.INTERRUPTED, null, null);
        } catch (IOException | CancellationException | CompletionException e) {
            handler.cancel();
            if (timer.fired()) {
                throw new Failed(Failure.TIMEOUT, null, null);
            }
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof BodyTooLarge tooLarge) {
                    throw new Failed(Failure.TOO_LARGE, null, tooLarge.declared);
                }
            }
            Throwable cause = unwrap(e);
            throw new Failed(classify(cause), scrubber.scrubChain(cause), null);
        } finally {
            timer.disarm();
        }
    }

    /** Cancels the body when the deadline passes; forgets the exchange when disarmed. */
    private static final class DeadlineTimer implements Runnable {
        private volatile BoundedBodyHandler handler;
        private volatile boolean fired;

        DeadlineTimer(BoundedBodyHandler handler) {
            this.handler = handler;
        }

        @Override
        public void run() {
            BoundedBodyHandler h = handler;
            if (h != null) {
                fired = true;
                h.cancel();
            }
        }

        boolean fired() {
            return fired;
        }

        void disarm() {
            handler = null;
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * Connection-phase failures are surely-not-sent; an answer that is not HTTP is a protocol failure; anything else
     * leaves the outcome open.
     */
    static Failure classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException) {
                return Failure.CONNECT;
            }
            if (t instanceof HttpTimeoutException) {
                return Failure.TIMEOUT;
            }
            if (t instanceof java.net.ProtocolException) {
                return Failure.PROTOCOL;
            }
        }
        return Failure.CONNECTION;
    }

    /** The body is over the bound. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient OptionalLong declared;

        BodyTooLarge(OptionalLong declared) {
            super("the answer body is over the size bound", null);
            this.declared = declared;
        }
    }

    /** Hands each answer's body to a {@link BoundedSubscriber}; remembers it so the caller can cancel it. */
    static final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {
        private final int max;
        private volatile BoundedSubscriber subscriber;
        private volatile boolean cancelled;

        BoundedBodyHandler(int max) {
            this.max = max;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            OptionalLong declared = declaredLength(info.headers().map().get("Content-Length"));
            BoundedSubscriber s = new BoundedSubscriber(max, declared);
            subscriber = s;
            if (cancelled) {
                s.cancel();
            }
            return s;
        }

        /**
         * The first {@code Content-Length} value, as {@code firstValueAsLong} reads it but without a stream: empty when
         * absent, a {@link NumberFormatException} when not a number.
         */
        private static OptionalLong declaredLength(List<String> values) {
            return values == null || values.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(values.get(0)));
        }

        void cancel() {
            cancelled = true;
            BoundedSubscriber s = subscriber;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** Collects at most {@code max} bytes; more, or a larger declared length, fails the body. */
    static final class BoundedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private static final byte[] EMPTY = new byte[0];
        private final int max;
        private final OptionalLong declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;
        private byte[] buffer;
        private int size;

        BoundedSubscriber(int max, OptionalLong declared) {
            this.max = max;
            this.declared = declared;
            // a declared length within the bound sizes the buffer exactly: no growth, no copy at the end
            long expected = declared.isPresent() ? declared.getAsLong() : -1;
            this.buffer = expected > 0 && expected <= max ? new byte[(int) expected] : EMPTY;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared.isPresent() && declared.getAsLong() > max) {
                s.cancel();
                result.completeExceptionally(new BodyTooLarge(declared));
                return;
            }
            if (cancelled) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if (n > max - size) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(declared));
                    return;
                }
                if (size + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(max, Math.max(size + n, buffer.length * 2)));
                }
                item.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(size == buffer.length && buffer != EMPTY ? buffer : java.util.Arrays.copyOf(buffer, size));
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.cancel(false);
        }
    }
}
