package dev.snapbi.sandbox.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends notifications the way NICEPAY does (SNAP-SPEC section 6): {@code POST} of a JSON body to the merchant's URL
 * with {@code X-TIMESTAMP} (Jakarta time), {@code X-CLIENT-KEY} and {@code X-SIGNATURE}, the latter RSA/SHA-256 over
 * {@code clientId|X-TIMESTAMP} with the sandbox's own key pair (standing in for NICEPAY's), whose public half merchants
 * verify with.
 */
public final class Notifier {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT);
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** The default bound on a whole notification exchange: connect, send, status, headers and body. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final Duration timeout;
    private final SandboxKey key;
    private volatile HttpClient http;

    /** A notifier with a fresh key pair, timestamping with {@code clock}, bounded by the default 10 s. */
    public Notifier(Clock clock) {
        this(clock, DEFAULT_TIMEOUT, new SandboxKey());
    }

    /** A notifier signing with {@code key}, whose whole exchange (answer and body included) is bounded by {@code timeout}. */
    public Notifier(Clock clock, Duration timeout, SandboxKey key) {
        this.clock = clock;
        this.timeout = timeout;
        this.key = key;
    }

    /** The public key merchants verify notifications with. */
    public PublicKey publicKey() {
        return key.publicKey();
    }

    /**
     * Posts the body to the URL, signed for {@code clientId}; returns the HTTP status the merchant answered.
     *
     * @throws IOException when no complete answer came (connection refused, or not all of it within the timeout,
     *                     even when the merchant drips its answer byte by byte)
     */
    public int send(URI url, String clientId, String jsonBody) throws IOException, InterruptedException {
        String timestamp = FORMAT.format(OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS),
                JAKARTA));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-TIMESTAMP", timestamp)
                .header("X-CLIENT-KEY", clientId)
                .header("X-SIGNATURE", sign(clientId + "|" + timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
        // HttpRequest.timeout bounds only the wait for the headers: a merchant dripping its body would hold the
        // call for ever. One deadline over the whole exchange; cancelling aborts the exchange (JDK 16+).
        CompletableFuture<HttpResponse<Void>> answer = client().sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS).statusCode();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new java.net.http.HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("the notification failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    private String sign(String text) {
        return Base64.getEncoder().encodeToString(key.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }
}
