package dev.snapbi.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant calling the sandbox's NICEPAY services as a raw client would: token by plain JCA, symmetric signature by
 * the JDK's HMAC-SHA512 over the exact bytes sent, a new X-EXTERNAL-ID per call. Answers are read as text.
 */
final class Merchant {

    static final String CLIENT = "IONPAYTEST";
    static final String SECRET = "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwt";

    private final SnapSandbox sandbox;
    private final KeyPair keys;
    private final String clientKey;
    private String token;
    private int externalIds;

    Merchant(SnapSandbox sandbox, KeyPair keys, String clientKey) {
        this.sandbox = sandbox;
        this.keys = keys;
        this.clientKey = clientKey;
        sandbox.registerClient(clientKey, keys.getPublic(), SECRET);
        refreshToken();
    }

    String token() {
        return token;
    }

    void refreshToken() {
        HttpResponse<String> response = Snap.signedToken(sandbox.baseUrl(), clientKey, keys.getPrivate(),
                Snap.nowInJakarta()).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        token = Snap.accessToken(response.body());
    }

    String nextExternalId() {
        return "ext" + System.nanoTime() + "x" + (++externalIds);
    }

    /** POST, signed. */
    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body, nextExternalId(), Snap.nowInJakarta());
    }

    /** Any method, signed over these exact bytes, with this external id and timestamp. */
    HttpResponse<String> send(String method, String path, String body, String externalId, String timestamp) {
        return Snap.send(request(method, path, body, externalId, timestamp));
    }

    HttpRequest request(String method, String path, String body, String externalId, String timestamp) {
        String stringToSign = method + ":" + path.substring("/nicepay".length()) + ":" + token + ":"
                + sha256Hex(body.getBytes(StandardCharsets.UTF_8)) + ":" + timestamp;
        return HttpRequest.newBuilder(sandbox.baseUrl().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "Application/JSON")
                .header("Authorization", "Bearer " + token)
                .header("X-TIMESTAMP", timestamp)
                .header("X-SIGNATURE", hmac(SECRET, stringToSign))
                .header("X-PARTNER-ID", clientKey)
                .header("X-EXTERNAL-ID", externalId)
                .header("CHANNEL-ID", clientKey + "01")
                .build();
    }

    /** Sends and lets I/O errors through (for answers that never come). */
    HttpResponse<String> sendOrThrow(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first string member with this name anywhere in the JSON text. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    static URI uri(String text) {
        return URI.create(text);
    }
}
