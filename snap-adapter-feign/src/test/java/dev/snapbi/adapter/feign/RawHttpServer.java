package dev.snapbi.adapter.feign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server on a raw {@link ServerSocket} for answers no HTTP server library would give: a body dripped one
 * byte at a time, an endless chunked body, a gzip header followed by silence. Each connection reads one request (its
 * head and its Content-Length body), records it, and runs the script with the socket's output.
 */
public final class RawHttpServer implements AutoCloseable {

    /** Writes the answer to one request. */
    @FunctionalInterface
    public interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    /** Writes the answer to one request, knowing the request (head and body as text). */
    @FunctionalInterface
    public interface Reply {
        void answer(String request, OutputStream out) throws IOException, InterruptedException;
    }

    private RawHttpServer(Reply script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    sockets.add(socket);
                    threads.execute(() -> serve(socket, script));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    public static RawHttpServer answering(Script script) throws IOException {
        return new RawHttpServer((request, out) -> script.answer(out));
    }

    /** A server whose answers depend on the request, e.g. one that echoes request headers back. */
    public static RawHttpServer replying(Reply reply) throws IOException {
        return new RawHttpServer(reply);
    }

    /** The answer head with CRLF line ends and the blank line, as bytes. */
    public static byte[] head(String... lines) {
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private void serve(Socket socket, Reply script) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String request = readRequest(in);
            requests.add(request);
            OutputStream out = socket.getOutputStream();
            script.answer(request, out);
            out.flush();
        } catch (IOException e) {
            // the client went away: expected when it gives up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        return text + new String(body, StandardCharsets.UTF_8);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    /** Every request received so far: head and body as text. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        threads.shutdownNow();
    }
}
