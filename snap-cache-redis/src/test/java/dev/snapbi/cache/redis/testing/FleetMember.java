package dev.snapbi.cache.redis.testing;

import dev.snapbi.adapter.feign.token.FeignAccessTokens;
import dev.snapbi.cache.redis.RedisTokenCache;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.TokenGrant;
import dev.snapbi.domain.token.AccessTokenService;
import dev.snapbi.domain.port.TokenEventListener;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One replica in its own JVM, launched by {@code MultiProcessFleetTest}: a token service on a shared Redis and two
 * callers, one of which uses every token it gets on the sandbox's protected ping endpoint (401 = expired token).
 * Arguments: baseUrl clientKey privateKeyFile secret redisUri startAtEpochMillis runMillis. Prints one line
 * {@code RESULT handed=.. expired=.. fetched=.. adopted=.. failure=..}.
 */
public final class FleetMember {

    private FleetMember() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        AtomicLong fetched = new AtomicLong();
        AtomicLong adopted = new AtomicLong();
        AtomicLong handed = new AtomicLong();
        AtomicLong expired = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (RedisTokenCache cache = RedisTokenCache.builder().uri(args[4]).encryptionSecret(args[3]).build();
             AccessTokenService tokens = FeignAccessTokens.builder()
                     .baseUrl(baseUrl)
                     .clientKey(args[1])
                     .signer(RsaSigner.fromFile(Path.of(args[2])))
                     .tokenService(b -> b.cache(cache).listener(new TokenEventListener() {
                         @Override
                         public void onTokenFetched(AccessToken token, TokenGrant grant) {
                             fetched.incrementAndGet();
                         }

                         @Override
                         public void onTokenAdopted(AccessToken token) {
                             adopted.incrementAndGet();
                         }
                     }))
                     .build()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long startAt = Long.parseLong(args[5]);
            long wait = startAt - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait); // start together with the other processes
            }
            long stopAt = System.nanoTime() + Duration.ofMillis(Long.parseLong(args[6])).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                boolean pinger = i == 0;
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() - stopAt < 0) {
                            AccessToken token = tokens.accessToken();
                            handed.incrementAndGet();
                            if (pinger) {
                                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                                URI.create(baseUrl + "/nicepay/api/v1.0/ping"))
                                        .header("Authorization", token.authorizationHeader())
                                        .timeout(Duration.ofSeconds(10)).GET().build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (answer.statusCode() != 200) {
                                    expired.incrementAndGet();
                                }
                            }
                            LockSupport.parkNanos(5_000_000); // pacing
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        Throwable f = failure.get();
        System.out.println("RESULT handed=" + handed + " expired=" + expired + " fetched=" + fetched + " adopted="
                + adopted + " failure=" + (f == null ? "none" : f.getClass().getSimpleName()));
    }
}
