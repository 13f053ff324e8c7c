package dev.snapbi.testing.tck.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for what a well-behaved server never does: answers that stall, drip, never end
 * or are malformed. It reads each request whole (headers up to 64 KiB, a body by {@code Content-Length} or chunked, up
 * to 4 MiB), records it, then lets the {@link Script} write whatever bytes it likes. One thread per connection; every
 * connection is closed after its script returns. {@link #close()} releases scripts waiting on {@link #released()},
 * closes every socket and waits for the threads.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** What the server does with one request. */
    @FunctionalInterface
    public interface Script {
        /**
         * Answers (or not). Return to close the connection; throw to drop it.
         *
         * @param request  the request as received
         * @param out      the connection's output
         * @param server   the server, for {@link LoopbackHttpServer#released()}
         */
        void answer(CapturedRequest request, OutputStream out, LoopbackHttpServer server) throws IOException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<CapturedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread acceptor;

    private LoopbackHttpServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.acceptor = new Thread(this::acceptLoop, "tck-loopback-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static LoopbackHttpServer start(Script script) {
        try {
            return new LoopbackHttpServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** {@code http://127.0.0.1:port} + the path and query given. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
    }

    /** The requests received so far, in order. */
    public List<CapturedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many connections were accepted. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Counted down by {@link #close()}: scripts that stall wait on it. */
    public CountDownLatch released() {
        return released;
    }

    /**
     * Waits until the test is over (the server closing), at most {@code max}; for scripts that stall. Returns
     * whether the server was released.
     */
    public boolean awaitRelease(Duration max) {
        try {
            return released.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            connections.add(connection);
            Thread handler = new Thread(() -> handle(connection), "tck-loopback-conn-" + accepted.get());
            handler.setDaemon(true);
            threads.add(handler);
            handler.start();
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            connection.setSoTimeout(30_000); // a safety net against a client that never finishes its request
            InputStream in = connection.getInputStream();
            CapturedRequest request = read(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            OutputStream out = connection.getOutputStream();
            script.answer(request, out, this);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away or the script dropped the connection: both are part of the tests
        }
    }

    private static CapturedRequest read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ", 3);
        if (requestLine.length < 3) {
            throw new IOException("malformed request line");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        long length = 0;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1).strip();
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? readChunked(in) : readExactly(in, length);
        return new CapturedRequest(requestLine[0], requestLine[1], List.copyOf(headers), body, chunked);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEADER_BYTES) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : failEof();
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                byte[] bytes = head.toByteArray();
                return new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("request head over " + MAX_HEADER_BYTES + " bytes");
    }

    private static String failEof() throws EOFException {
        throw new EOFException("the request ended early");
    }

    private static byte[] readExactly(InputStream in, long length) throws IOException {
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new IOException("request body length out of range");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("the request body ended early");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers, ignored
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
            }
            body.write(readExactly(in, size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (line.size() < 1024) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the request ended early");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("line too long");
    }

    /** Writes text as ISO-8859-1 bytes and flushes. */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * A complete answer: status line, the headers given, {@code Content-Length}, {@code Connection: close} and the
     * body.
     */
    public static void answer(OutputStream out, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        // the server closes every connection after one answer, and says so: no client reuses a dead connection
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        write(out, head.toString());
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        released.countDown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket c : connections) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        join(acceptor);
        threads.forEach(LoopbackHttpServer::join);
    }

    private static void join(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LoopbackHttpServer[" + uri("/") + ", " + requests.size() + " requests]";
    }
}
