package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.testing.DigestSigner;
import dev.snapbi.domain.testing.ManualTime;
import dev.snapbi.domain.testing.ScriptedTokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(300)
class AccessTokenServiceConcurrencyTest {

    private final ManualTime time = ManualTime.create();
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private final AccessTokenService tokens = AccessTokenService.builder()
            .endpoint(endpoint)
            .requests(B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"), new DigestSigner(), time,
                    ProviderProfile.nicepayDevelopment()))
            .clock(time)
            .ticker(time)
            .build();

    @AfterEach
    void close() {
        endpoint.open();
        tokens.close();
    }

    /** Waits until every thread is parked (waiting for the fetch in flight). */
    private static void awaitAllParked(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos(); // safety net only
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.TIMED_WAITING
                && t.getState() != Thread.State.WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("threads did not all reach the wait");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void refreshes_once_when_256_threads_hit_an_expired_token() throws Exception {
        AccessToken expired = tokens.accessToken();
        time.advance(Duration.ofSeconds(901));
        endpoint.closeGate();

        Set<AccessToken> received = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    received.add(tokens.accessToken());
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        awaitAllParked(threads);
        endpoint.open();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(received).hasSize(1).doesNotContain(expired);
    }

    @Test
    void an_interrupted_waiter_does_not_poison_the_others() throws Exception {
        endpoint.closeGate();
        AtomicReference<Throwable> interruptedOutcome = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        AtomicReference<AccessToken> patientOutcome = new AtomicReference<>();
        Thread impatient = new Thread(() -> {
            try {
                tokens.accessToken();
            } catch (Throwable e) {
                interruptedOutcome.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        Thread patient = new Thread(() -> patientOutcome.set(tokens.accessToken()));
        impatient.start();
        patient.start();
        awaitAllParked(List.of(impatient, patient));

        impatient.interrupt();
        impatient.join();
        assertThat(interruptedOutcome.get()).isInstanceOf(SnapUnavailableException.class);
        assertThat(((SnapUnavailableException) interruptedOutcome.get()).reason())
                .isEqualTo(SnapUnavailableException.Reason.INTERRUPTED);
        assertThat(flagKept.get()).isTrue();
        assertThat(tokens.isFetching()).isTrue();

        endpoint.open();
        patient.join();
        assertThat(patientOutcome.get()).isNotNull();
        assertThat(tokens.accessToken()).isSameAs(patientOutcome.get());
        assertThat(endpoint.calls()).isEqualTo(1);
    }
}
