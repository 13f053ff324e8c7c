package dev.snapbi.domain.testing;

import dev.snapbi.domain.response.ResponseCode;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.TokenEndpoint;
import dev.snapbi.domain.port.TokenRequestSupplier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An in-memory token endpoint for the domain's own tests: answers from a script (grants or exceptions), otherwise
 * issues numbered tokens; records every signed request it was given; can hold calls at a gate.
 */
public final class ScriptedTokenEndpoint implements TokenEndpoint {

    private final ConcurrentLinkedQueue<Supplier<TokenGrant>> script = new ConcurrentLinkedQueue<>();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofSeconds(900);
    private volatile CountDownLatch gate;
    private volatile Runnable duringRequest = () -> { };

    /** Answers the next call with this. */
    public ScriptedTokenEndpoint thenAnswer(Supplier<TokenGrant> answer) {
        script.add(answer);
        return this;
    }

    /** Fails the next call with this exception. */
    public ScriptedTokenEndpoint thenFail(RuntimeException error) {
        script.add(() -> {
            throw error;
        });
        return this;
    }

    /** The lifetime of tokens issued when the script is empty. */
    public ScriptedTokenEndpoint lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    /** Runs this while a request is "on the wire" (e.g. to advance time). */
    public ScriptedTokenEndpoint during(Runnable action) {
        this.duringRequest = action;
        return this;
    }

    /** Holds every call until {@link #open()}. */
    public ScriptedTokenEndpoint closeGate() {
        this.gate = new CountDownLatch(1);
        return this;
    }

    /** Releases held calls. */
    public void open() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
    }

    /** A success grant with this token and lifetime. */
    public static TokenGrant grant(String token, Duration expiresIn) {
        return TokenGrant.of(ResponseCode.parse("2007300"), "Successful", token, "Bearer", expiresIn);
    }

    @Override
    public TokenGrant requestToken(TokenRequestSupplier supplier) {
        int n = calls.incrementAndGet();
        requests.add(supplier.get());
        duringRequest.run();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Supplier<TokenGrant> answer = script.poll();
        if (answer != null) {
            return answer.get();
        }
        return grant("token-" + n + "-" + "x".repeat(24), lifetime);
    }

    /** How many times the endpoint was called. */
    public int calls() {
        return calls.get();
    }

    /** The signed requests it received, in order. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }
}
