package dev.snapbi.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/** A merchant's notification URL on loopback: keeps every notification it receives and answers 200. */
final class MerchantInbox implements AutoCloseable {

    record Received(String path, String timestamp, String clientKey, String signature, String body) {

        boolean verifiesWith(PublicKey key) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(key);
                verifier.update((clientKey + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
                return verifier.verify(Base64.getDecoder().decode(signature));
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    MerchantInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-TIMESTAMP"),
                        exchange.getRequestHeaders().getFirst("X-CLIENT-KEY"),
                        exchange.getRequestHeaders().getFirst("X-SIGNATURE"), body));
            }
            byte[] ack = "{\"responseCode\":\"2002500\",\"responseMessage\":\"Successful\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
