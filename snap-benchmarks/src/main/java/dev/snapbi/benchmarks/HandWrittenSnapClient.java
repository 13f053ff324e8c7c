package dev.snapbi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of the signed-call benchmarks: a SNAP transactional call written by hand on the JDK, as a careful
 * user would without this library. One {@link HttpClient}; per thread one {@link Mac} (HMAC-SHA512 keyed by the
 * client secret) and one {@link MessageDigest} (SHA-256 of the body); Jackson for the body and the answer; the
 * headers SNAP wants ({@code Authorization: Bearer}, {@code X-TIMESTAMP}, {@code X-SIGNATURE}, {@code X-PARTNER-ID},
 * {@code X-EXTERNAL-ID} new per call from a counter, {@code CHANNEL-ID}). No retry, no typed errors, no size bound
 * on the answer: less than the library does, which is the point of a baseline. Thread-safe.
 */
final class HandWrittenSnapClient {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT);
    /** NICEPAY leaves this prefix out of the path it signs. */
    private static final String SIGNING_PREFIX = "/nicepay";

    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final String partnerId;
    private final String channelId;
    private final String authorization;
    private final String accessToken;
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<MessageDigest> digests;
    private final AtomicLong externalIds = new AtomicLong(System.currentTimeMillis() * 1_000L);

    HandWrittenSnapClient(URI baseUrl, String partnerId, String clientSecret, String accessToken) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.baseUrl = baseUrl.toString();
        this.partnerId = partnerId;
        this.channelId = partnerId + "01";
        this.accessToken = accessToken;
        this.authorization = "Bearer " + accessToken;
        SecretKeySpec key = new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA512");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA512 is not available", e);
            }
        });
        this.digests = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        });
    }

    /** The JSON mapper, for building request bodies. */
    ObjectMapper mapper() {
        return mapper;
    }

    /** The signing step alone: the six headers' values (name, value, name, value...) for one POST of {@code body}. */
    String[] signedHeaders(String path, byte[] body) {
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(JAKARTA));
        String signedPath = path.startsWith(SIGNING_PREFIX + "/") ? path.substring(SIGNING_PREFIX.length()) : path;
        String bodyHash = HexFormat.of().formatHex(digests.get().digest(body));
        String stringToSign = "POST:" + signedPath + ":" + accessToken + ":" + bodyHash + ":" + timestamp;
        String signature = Base64.getEncoder().encodeToString(
                macs.get().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return new String[] {
            "Authorization", authorization,
            "X-TIMESTAMP", timestamp,
            "X-SIGNATURE", signature,
            "X-PARTNER-ID", partnerId,
            "X-EXTERNAL-ID", Long.toString(externalIds.incrementAndGet()),
            "CHANNEL-ID", channelId,
        };
    }

    /** Serialises {@code request} with Jackson, signs, POSTs it and returns the answer's JSON; fails unless HTTP 200. */
    JsonNode post(String path, Object request) throws IOException, InterruptedException {
        byte[] body = mapper.writeValueAsBytes(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String[] headers = signedHeaders(path, body);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox answered HTTP " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }
}
