package dev.snapbi.nicepay;

import dev.snapbi.domain.error.SnapUnavailableException;
import dev.snapbi.domain.port.TransactionTransport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

/** Transports for the tests: a plain java.net.http one until snap-adapter-jdk is merged in. */
final class TestTransports {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    private TestTransports() {
    }

    static TransactionTransport jdk() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return request -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(20))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach((k, v) -> {
                if (!RESTRICTED.contains(k.toLowerCase())) {
                    b.setHeader(k, v);
                }
            });
            try {
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return TransactionTransport.Response.of(r.statusCode(), r.headers().map(), r.body());
            } catch (ConnectException e) {
                throw new SnapUnavailableException(SnapUnavailableException.Reason.CONNECT, "refused", null);
            } catch (HttpTimeoutException e) {
                throw new SnapUnavailableException(SnapUnavailableException.Reason.TIMEOUT, "timeout", null);
            } catch (IOException e) {
                throw new SnapUnavailableException(SnapUnavailableException.Reason.CONNECTION, "dropped", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapUnavailableException(SnapUnavailableException.Reason.INTERRUPTED, "interrupted", null);
            }
        };
    }
}
