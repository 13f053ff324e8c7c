package dev.snapbi.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one handler behind the JDK server: reads the request within bounds, hands it to the endpoint of its exact path
 * (or the admin endpoint under {@code /_sandbox/}), and writes the answer with an explicit {@code Content-Length}. A
 * failure inside an endpoint becomes {@code 500 General Error} without any detail; nothing a client sends can stop the
 * server.
 */
public final class Router implements HttpHandler {

    /** The prefix of the admin endpoints. */
    public static final String ADMIN_PREFIX = "/_sandbox/";

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final AdminEndpoint admin;
    private final ScheduledExecutorService deadlines;
    private final Duration readTimeout;

    /**
     * A router with these endpoints and the admin endpoint; a request body that has not arrived {@code readTimeout}
     * after its headers gets its connection closed by a task on {@code deadlines}.
     */
    public Router(AdminEndpoint admin, ScheduledExecutorService deadlines, Duration readTimeout,
                  Endpoint... endpoints) {
        this.admin = admin;
        this.deadlines = deadlines;
        this.readTimeout = readTimeout;
        for (Endpoint endpoint : endpoints) {
            if (this.endpoints.put(endpoint.path(), endpoint) != null) {
                throw new IllegalArgumentException("two endpoints for " + endpoint.path());
            }
        }
    }

    /**
     * Thrown to make the JDK server close the connection without an answer: its exchange loop catches handler
     * exceptions and closes the connection (and forgets it) without writing anything.
     */
    static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        boolean head;
        Incoming request;
        ScheduledFuture<?> deadline = null;
        try {
            // closing the exchange before the answer started closes the connection: the blocked read then fails
            deadline = deadlines.schedule(exchange::close, readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            exchange.close();
            return;
        }
        try {
            request = Incoming.read(exchange);
        } catch (IOException e) {
            // the client went away while sending, or took longer than the deadline: nobody to answer
            exchange.close();
            return;
        } finally {
            deadline.cancel(false);
        }
        try {
            head = "HEAD".equals(request.method());
            reply = route(request);
            if (reply.isDrop()) {
                throw new DropConnection();
            }
            send(exchange, reply, head);
        } catch (Error e) {
            // out of memory or a stack overflow while answering: the JDK server would leave the connection open
            // with nobody to answer it; close it, then let the error go
            exchange.close();
            throw e;
        }
    }

    private Reply route(Incoming request) {
        String path = request.path();
        Endpoint endpoint = endpoints.get(path);
        try {
            if (endpoint != null) {
                return endpoint.handle(request);
            }
            if (path.startsWith(ADMIN_PREFIX) || path.equals(ADMIN_PREFIX.substring(0, ADMIN_PREFIX.length() - 1))) {
                return admin.handle(request);
            }
            return SnapReplies.notFound();
        } catch (RuntimeException | StackOverflowError e) {
            // a sandbox bug: say nothing about it to the client
            return SnapReplies.generalError(endpoint == null ? "00" : endpoint.serviceCode());
        }
    }

    private static void send(HttpExchange exchange, Reply reply, boolean head) throws IOException {
        try {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = reply.body();
            if (head || body.length == 0) {
                // -1: no body, and the JDK then sends Content-Length: 0 (0 would mean chunked)
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }
}
