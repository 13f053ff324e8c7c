package dev.snapbi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helpers that talk to the sandbox as a raw client would: the JDK HttpClient, signatures by plain JCA, bodies
 * checked as text (never with the sandbox's own JSON reader).
 */
final class Snap {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** 2024-12-31T10:11:40+07:00. */
    static final Instant NOW = Instant.parse("2024-12-31T03:11:40Z");
    static final String NOW_TEXT = "2024-12-31T10:11:40+07:00";
    static final String BODY = "{\"grantType\":\"client_credentials\",\"additionalInfo\":{}}";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]*)\"");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Snap() {
    }

    static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of SHA256withRSA over the UTF-8 bytes of the text. */
    static String sign(PrivateKey key, String text) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jakarta(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), JAKARTA).format(FORMAT);
    }

    static String nowInJakarta() {
        return jakarta(Instant.now());
    }

    static String accessToken(String body) {
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no accessToken in " + body);
        }
        return m.group(1);
    }

    static String snapBody(String responseCode, String responseMessage) {
        return "{\"responseCode\":\"" + responseCode + "\",\"responseMessage\":\"" + responseMessage + "\"}";
    }

    static TokenCall token(URI baseUrl) {
        return new TokenCall(baseUrl);
    }

    /** A correctly signed token request of this client at this timestamp. */
    static TokenCall signedToken(URI baseUrl, String clientKey, PrivateKey key, String timestamp) {
        return new TokenCall(baseUrl).header("Content-Type", "application/json").header("X-TIMESTAMP", timestamp)
                .header("X-CLIENT-KEY", clientKey).header("X-SIGNATURE", sign(key, clientKey + "|" + timestamp));
    }

    static HttpResponse<String> ping(URI baseUrl, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(SnapSandbox.PING_PATH)).GET()
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(10)).build());
    }

    static HttpResponse<String> post(URI url, String json) {
        return send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw token request, built header by header. */
    static final class TokenCall {
        private final URI baseUrl;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String method = "POST";
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(BODY);
        private Duration timeout = Duration.ofSeconds(10);
        private String path = SnapSandbox.TOKEN_PATH;

        TokenCall(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        TokenCall header(String name, String value) {
            headers.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        TokenCall addHeader(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        TokenCall without(String name) {
            headers.remove(name);
            return this;
        }

        TokenCall body(String text) {
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        TokenCall body(byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        TokenCall body(HttpRequest.BodyPublisher publisher) {
            body = publisher;
            return this;
        }

        TokenCall method(String method) {
            this.method = method;
            if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")) {
                body = HttpRequest.BodyPublishers.noBody();
            }
            return this;
        }

        TokenCall path(String path) {
            this.path = path;
            return this;
        }

        TokenCall timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        HttpRequest build() {
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).method(method, body)
                    .timeout(timeout);
            headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            return request.build();
        }

        HttpResponse<String> send() {
            return Snap.send(build());
        }

        /** Sends, letting I/O errors through (for dropped connections and timeouts). */
        HttpResponse<String> sendOrThrow() throws IOException, InterruptedException {
            return HTTP.send(build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
