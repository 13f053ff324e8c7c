package dev.snapbi.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.snapbi.sandbox.internal.AdminEndpoint;
import dev.snapbi.sandbox.internal.ClientRegistry;
import dev.snapbi.sandbox.internal.Counters;
import dev.snapbi.sandbox.internal.Endpoint;
import dev.snapbi.sandbox.internal.ExternalIdRegistry;
import dev.snapbi.sandbox.internal.FaultPlan;
import dev.snapbi.sandbox.internal.Keys;
import dev.snapbi.sandbox.internal.Ledger;
import dev.snapbi.sandbox.internal.NicepayServices;
import dev.snapbi.sandbox.internal.Notifier;
import dev.snapbi.sandbox.internal.PaymentDesk;
import dev.snapbi.sandbox.internal.PingEndpoint;
import dev.snapbi.sandbox.internal.RequestLog;
import dev.snapbi.sandbox.internal.Router;
import dev.snapbi.sandbox.internal.SandboxKey;
import dev.snapbi.sandbox.internal.SandboxContext;
import dev.snapbi.sandbox.internal.B2bTokenEndpoint;
import dev.snapbi.sandbox.internal.TokenStore;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A NICEPAY SNAP simulator: a real HTTP server (the JDK's own) that answers like NICEPAY, so that a client that passes
 * against it passes against NICEPAY's sandbox. It verifies every request on its own terms (its own string-to-sign,
 * timestamp parser, JSON reader and plain JCA verification) so that a client bug is not mirrored.
 *
 * <p>Serves {@code POST /nicepay/v1.0/access-token/b2b} (the B2B access token: real RS256 JWTs), {@code GET
 * /nicepay/api/v1.0/ping} (a resource protected by the issued tokens), every NICEPAY SNAP service of SNAP-SPEC section
 * 8 under {@code /nicepay/api/v1.0} (VA create, status and cancel; QRIS generate, status and refund; e-wallet payment,
 * status and refund; payout registration, approval, status, cancel and reject; balance inquiry), statefully and behind
 * one check of the symmetric signature (bearer token, HMAC-SHA512 with the client secret, external id unique per day),
 * and the {@code /_sandbox/...} admin endpoints (stats, recorded requests, faults, clients, token revocation, paying,
 * balances). {@link #pay(String)} plays the customer paying a VA, QR or e-wallet payment and sends NICEPAY's signed
 * notification to the merchant's {@code dbProcessUrl}; {@link #sendNotification} sends any. Bodies over 64 KiB and
 * headers over 16 KiB are refused; reading a request is bounded in time; requests are served by a pool that grows for
 * slow clients up to a bound; nothing a client sends stops the server or shows it a stack trace.
 *
 * <pre>{@code
 * try (SnapSandbox sandbox = SnapSandbox.start()) {
 *     SandboxClient client = sandbox.registerNewClient("IONPAYTEST");
 *     // point the client at sandbox.baseUrl(), sign with client.privateKey()
 * }
 * }</pre>
 *
 * <p>Several sandboxes can run side by side in one JVM: nothing is static. The admin endpoints have no
 * authentication: keep the sandbox on a loopback address (the default) unless the network is trusted.
 *
 * <p>Loading this class changes nothing. Starting a sandbox sets two JVM-wide properties of the JDK's HTTP server
 * that it has no per-server setting for, each only when unset: see {@link Builder#start()}.
 */
public final class SnapSandbox implements AutoCloseable {

    /** The token path. */
    public static final String TOKEN_PATH = B2bTokenEndpoint.PATH;
    /** The protected ping path. */
    public static final String PING_PATH = PingEndpoint.PATH;
    /** VA create, {@code POST}, service 27, success {@code 2002700}. */
    public static final String VA_CREATE_PATH = NicepayServices.VA_CREATE;
    /** VA status, {@code POST}, service 26, success {@code 2002600}. */
    public static final String VA_STATUS_PATH = NicepayServices.VA_STATUS;
    /** VA cancel, {@code DELETE} with a JSON body, service 31, success {@code 2003100}. */
    public static final String VA_DELETE_PATH = NicepayServices.VA_DELETE;
    /** QRIS MPM generate, {@code POST}, service 47, success {@code 2004700}. */
    public static final String QRIS_GENERATE_PATH = NicepayServices.QRIS_GENERATE;
    /** QRIS MPM status, {@code POST}, service 51, success {@code 2005100}. */
    public static final String QRIS_QUERY_PATH = NicepayServices.QRIS_QUERY;
    /** QRIS MPM refund, {@code POST}, service 78, success {@code 2007800}. */
    public static final String QRIS_REFUND_PATH = NicepayServices.QRIS_REFUND;
    /** E-wallet payment (host to host), {@code POST}, service 54, success {@code 2005400}. */
    public static final String EWALLET_PAYMENT_PATH = NicepayServices.EWALLET_PAYMENT;
    /** E-wallet status, {@code POST}, service 55, success {@code 2005500}. */
    public static final String EWALLET_STATUS_PATH = NicepayServices.EWALLET_STATUS;
    /** E-wallet refund, {@code POST}, service 58, success {@code 2005800}. */
    public static final String EWALLET_REFUND_PATH = NicepayServices.EWALLET_REFUND;
    /** Payout registration, {@code POST}, service 00, success {@code 2000000}. */
    public static final String PAYOUT_REGISTRATION_PATH = NicepayServices.PAYOUT_REGISTRATION;
    /** Payout approval, {@code POST}, service 00, success {@code 2000000}. */
    public static final String PAYOUT_APPROVE_PATH = NicepayServices.PAYOUT_APPROVE;
    /** Payout status, {@code POST}, service 00, success {@code 2000000}. */
    public static final String PAYOUT_INQUIRY_PATH = NicepayServices.PAYOUT_INQUIRY;
    /** Payout cancel, {@code POST}, service 00, success {@code 2000000}. */
    public static final String PAYOUT_CANCEL_PATH = NicepayServices.PAYOUT_CANCEL;
    /** Payout reject, {@code POST}, service 00, success {@code 2000000}. */
    public static final String PAYOUT_REJECT_PATH = NicepayServices.PAYOUT_REJECT;
    /** Balance inquiry, {@code POST}, service 11, success {@code 2001100}. */
    public static final String BALANCE_INQUIRY_PATH = NicepayServices.BALANCE_INQUIRY;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService deadlines;
    private final SandboxContext context;
    private final Faults faults;
    private final Faults transactionFaults;
    private final URI baseUrl;
    private final Notifier notifier;
    private final PaymentDesk desk;
    private final SandboxKey key;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SnapSandbox(Builder builder) {
        this.key = new SandboxKey();
        this.context = new SandboxContext(builder.clock, builder.tokenLifetime, builder.timestampWindow,
                new ClientRegistry(), new TokenStore(key), new FaultPlan(), new Counters(), new RequestLog(),
                new FaultPlan(), new ExternalIdRegistry(), new Ledger(builder.initialBalance));
        this.faults = new Faults(context.faults());
        this.transactionFaults = new Faults(context.transactionFaults());
        this.notifier = new Notifier(builder.clock, builder.notificationTimeout, key);
        this.desk = new PaymentDesk(context.ledger(), notifier, builder.clock);
        List<Endpoint> endpoints = new ArrayList<>(List.of(new B2bTokenEndpoint(context), new PingEndpoint(context)));
        endpoints.addAll(new NicepayServices(context).endpoints());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snap-sandbox-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        Router router = new Router(new AdminEndpoint(context, desk), deadlines, builder.requestReadTimeout,
                endpoints.toArray(new Endpoint[0]));
        this.executor = newExecutor(builder.maxThreads, Math.max(builder.maxThreads, builder.maxConnections));
        useJdkServerDefaults();
        try {
            InetAddress address = InetAddress.getByName(builder.host);
            this.server = HttpServer.create(new InetSocketAddress(address, builder.port), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            deadlines.shutdownNow();
            throw new UncheckedIOException("the sandbox could not listen on " + builder.host + ":" + builder.port
                    + " (port " + builder.port + ") - is the port in use? Use --port 0 for a free one", e);
        }
        server.createContext("/", router);
        server.setExecutor(executor);
        server.start();
        this.baseUrl = baseUrl(builder.host, server.getAddress());
    }

    /**
     * The JDK server has no per-server setting for TCP_NODELAY nor for a deadline on reading a request's headers: it
     * reads {@code sun.net.httpserver.nodelay} and {@code sun.net.httpserver.maxReqTime} once, when its classes
     * initialise, that is when the first server of the JVM is created. So they are set here, where the server is
     * built, each only when the user has not set it (see {@link Builder#start()}).
     */
    private static void useJdkServerDefaults() {
        // Headers and body go out in two segments; without TCP_NODELAY the body waits for the client's delayed ACK
        // (~40 ms per answer on Linux).
        setUnlessSet("sun.net.httpserver.nodelay", "true");
        // Without a deadline (seconds) a client dripping its headers holds a thread for ever: the server's timer
        // closes a connection whose request has not fully arrived in time.
        setUnlessSet("sun.net.httpserver.maxReqTime", "10");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Threads kept: {@code core}; under load, or while slow clients hold threads, the pool grows to {@code max}. A
     * request is handed straight to an idle thread or a new one (a {@link SynchronousQueue} hands over only to a
     * thread that is waiting, so a request never sits behind slow ones while the pool could grow). With all
     * {@code max} threads busy, the JDK server's dispatcher waits up to a second for one to free up (new connections
     * wait in the listen backlog meanwhile), then closes the connection.
     */
    private static ThreadPoolExecutor newExecutor(int core, int max) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "snap-sandbox-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(core, max, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory,
                (task, executor) -> {
                    try {
                        if (executor.isShutdown() || !executor.getQueue().offer(task, 1, TimeUnit.SECONDS)) {
                            throw new RejectedExecutionException("the sandbox is saturated");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("the sandbox is closing");
                    }
                });
    }

    private static URI baseUrl(String host, InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        String shown = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : host;
        try {
            return new URI("http", null, shown, bound.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot build a URL for host " + shown, e);
        }
    }

    /** A builder with the defaults: 127.0.0.1, a free port, the system clock, 900 s tokens, a 5 min window. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a sandbox with the defaults on 127.0.0.1 and a free port. */
    public static SnapSandbox start() {
        return builder().start();
    }

    /**
     * The environment root, e.g. {@code http://127.0.0.1:54321} (no trailing slash): what a client's base URL for
     * NICEPAY would be ({@code https://dev.nicepay.co.id}); paths start with {@code /nicepay/...}. When bound to a
     * wildcard address the URL names the loopback address.
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port listened on (the real one when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Registers (or replaces) a client that signs with the private key of {@code publicKey}; a random client secret is
     * generated for it.
     *
     * @throws IllegalArgumentException when the key is not RSA or the client key is empty, longer than 128 characters
     *                                  or holds characters other than visible ASCII without {@code |}
     */
    public SandboxClient registerClient(String clientKey, PublicKey publicKey) {
        return registerClient(clientKey, publicKey, Keys.randomSecret());
    }

    /**
     * Registers (or replaces) a client with its public key and client secret (kept for the symmetric signatures of
     * transactional calls; a random one is generated when {@code null}).
     *
     * @throws IllegalArgumentException as {@link #registerClient(String, PublicKey)}, or for an empty secret
     */
    public SandboxClient registerClient(String clientKey, PublicKey publicKey, String clientSecret) {
        Objects.requireNonNull(publicKey, "publicKey");
        return register(new SandboxClient(clientKey, new KeyPair(publicKey, null),
                clientSecret == null ? Keys.randomSecret() : clientSecret));
    }

    /** Registers (or replaces) a client with a fresh RSA 2048 key pair and a random client secret. */
    public SandboxClient registerNewClient(String clientKey) {
        ClientRegistry.requireValidClientKey(clientKey); // before spending time on a key pair
        return register(new SandboxClient(clientKey, Keys.generateRsa(2048), Keys.randomSecret()));
    }

    private SandboxClient register(SandboxClient client) {
        context.clients().register(client.clientKey(), client.keyPair(), client.clientSecret());
        return client;
    }

    /** Forgets a client; whether it was registered. Its tokens stay valid until revoked or expired. */
    public boolean removeClient(String clientKey) {
        return context.clients().remove(clientKey);
    }

    /** The registered clients, by client key. */
    public List<SandboxClient> clients() {
        return context.clients().all(SandboxClient::new);
    }

    /** The faults to inject into token answers. */
    public Faults faults() {
        return faults;
    }

    /**
     * The faults to inject into the answers of the NICEPAY services under {@code /nicepay/api/v1.0} (VA, QRIS,
     * e-wallet, payout, balance), independent of {@link #faults()}. {@link Faults#processedThenDropNext(int)} applies
     * the request and then closes the connection without an answer: the ambiguous outcome of a money-moving call.
     */
    public Faults transactionFaults() {
        return transactionFaults;
    }

    /**
     * Pays the waiting VA, QRIS or e-wallet payment with NICEPAY's reference (the {@code tXidVA} of a VA, the
     * {@code referenceNo} of a QRIS or e-wallet payment), as a customer paying at the bank or in the wallet app would:
     * its status becomes {@code 00}, and the signed notification (SNAP-SPEC section 6, verifiable with
     * {@link #notificationPublicKey()}) is posted to the creating request's {@code additionalInfo.dbProcessUrl}
     * (for an e-wallet payment without one, its {@code urlParam} of type {@code PAY_NOTIFY}), bounded like
     * {@link #sendNotification}. A notification that fails does not undo the payment: the result says what happened.
     *
     * @throws IllegalArgumentException when no payment has this reference
     * @throws IllegalStateException    when it is not waiting for payment (already paid, cancelled or refunded)
     */
    public SandboxPayment pay(String referenceNo) {
        return toPublic(desk.pay(Objects.requireNonNull(referenceNo, "referenceNo"), null));
    }

    /** {@link #pay(String)} for a virtual account, by its {@code tXidVA}; refuses a reference of another kind. */
    public SandboxPayment payVirtualAccount(String tXidVA) {
        return toPublic(desk.pay(Objects.requireNonNull(tXidVA, "tXidVA"), Ledger.Kind.VIRTUAL_ACCOUNT));
    }

    /** {@link #pay(String)} for a QRIS payment, by its {@code referenceNo}; refuses a reference of another kind. */
    public SandboxPayment payQris(String referenceNo) {
        return toPublic(desk.pay(Objects.requireNonNull(referenceNo, "referenceNo"), Ledger.Kind.QRIS));
    }

    /** {@link #pay(String)} for an e-wallet payment, by its {@code referenceNo}; refuses a reference of another kind. */
    public SandboxPayment payEwallet(String referenceNo) {
        return toPublic(desk.pay(Objects.requireNonNull(referenceNo, "referenceNo"), Ledger.Kind.EWALLET));
    }

    private static SandboxPayment toPublic(PaymentDesk.Outcome outcome) {
        Ledger.Payment p = outcome.payment();
        return new SandboxPayment(SandboxPayment.Kind.valueOf(p.kind().name()), p.partner(), p.referenceNo(),
                p.partnerReferenceNo(), p.amount().value(), p.amount().currency(), outcome.notificationUrl(),
                outcome.notificationBody(), outcome.notificationStatus(), outcome.notificationError());
    }

    /** The client's available balance (IDR), as the balance inquiry reports it; approved payouts decrease it. */
    public BigDecimal balance(String clientKey) {
        return context.ledger().balance(Objects.requireNonNull(clientKey, "clientKey"));
    }

    /**
     * Sets the client's available balance (IDR).
     *
     * @throws IllegalArgumentException when negative or with more than two decimals
     */
    public void setBalance(String clientKey, BigDecimal balance) {
        context.ledger().setBalance(Objects.requireNonNull(clientKey, "clientKey"),
                Objects.requireNonNull(balance, "balance"));
    }

    /** A snapshot of the counters. */
    public SandboxStats stats() {
        Counters.Snapshot counted = context.counters().snapshot();
        return new SandboxStats(counted.tokenRequests(), counted.tokensIssued(), counted.pingRequests(),
                counted.vaRequests(), counted.rejectionsByCode(), counted.requestsByPath());
    }

    /** Sets the counters back to zero (the recorded requests stay; see {@link #clearRecordedRequests()}). */
    public void resetStats() {
        context.counters().reset();
    }

    /** The last 1000 token and NICEPAY service requests, oldest first, with how they were answered. */
    public List<RecordedRequest> recordedRequests() {
        return context.log().snapshot().stream()
                .map(e -> new RecordedRequest(e.method(), e.path(), e.headers(), e.body(), e.signatureValid(),
                        e.status(), e.responseCode()))
                .toList();
    }

    /** Forgets the recorded requests. */
    public void clearRecordedRequests() {
        context.log().clear();
    }

    /**
     * Makes a token invalid from now on, also for requests already on their way: the ping and VA endpoints then
     * answer {@code 401 4017301}.
     */
    public void revokeToken(String accessToken) {
        context.tokens().revoke(accessToken);
    }

    /** Makes every token issued so far invalid. */
    public void revokeAllTokens() {
        context.tokens().revokeAll();
    }

    /** Whether the token was issued here, is not revoked and has not expired by the sandbox's clock. */
    public boolean isTokenActive(String accessToken) {
        return context.tokens().isActive(accessToken, context.clock().instant());
    }

    /**
     * The public key that verifies the sandbox's notifications (it stands in for NICEPAY's key, which merchants get
     * out of band). A fresh RSA 2048 key per sandbox.
     */
    public PublicKey notificationPublicKey() {
        return notifier.publicKey();
    }

    /**
     * The public key that verifies the access tokens the sandbox issues: they are real RS256 JWTs signed with the
     * sandbox's own key, the same one that signs its notifications ({@link #notificationPublicKey()}). Clients must
     * still treat tokens as opaque, as NICEPAY's.
     */
    public PublicKey tokenPublicKey() {
        return key.publicKey();
    }

    /** {@link #notificationPublicKey()} as X.509 {@code BEGIN PUBLIC KEY} PEM. */
    public String notificationPublicKeyPem() {
        return Keys.publicKeyPem(notifier.publicKey());
    }

    /**
     * Sends a notification as NICEPAY does: {@code POST} of {@code jsonBody} to {@code merchantUrl} with
     * {@code Content-Type: application/json}, {@code X-TIMESTAMP} (the sandbox's clock, Jakarta time),
     * {@code X-CLIENT-KEY: clientId} and {@code X-SIGNATURE}, SHA256withRSA over {@code clientId|X-TIMESTAMP} with the
     * key of {@link #notificationPublicKey()}. Redirects are not followed.
     *
     * @return the HTTP status the merchant answered
     * @throws IllegalArgumentException when the URL is not absolute http(s) or the client id is not a valid client key
     * @throws UncheckedIOException     when no complete answer (status, headers and body) came within the
     *                                  notification timeout (10 s by default, {@link Builder#notificationTimeout}),
     *                                  even from a merchant that drips its answer, or the thread was interrupted
     */
    public int sendNotification(URI merchantUrl, String clientId, String jsonBody) {
        Objects.requireNonNull(merchantUrl, "merchantUrl");
        Objects.requireNonNull(jsonBody, "jsonBody");
        String scheme = merchantUrl.getScheme();
        if (!merchantUrl.isAbsolute() || merchantUrl.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("the merchant URL must be absolute http:// or https://, got "
                    + merchantUrl);
        }
        ClientRegistry.requireValidClientKey(clientId);
        try {
            return notifier.send(merchantUrl, clientId, jsonBody);
        } catch (IOException e) {
            throw new UncheckedIOException("the notification to " + merchantUrl + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("interrupted while notifying " + merchantUrl,
                    new InterruptedIOException("interrupted"));
        }
    }

    /**
     * Stops listening, drops open connections and stops the threads. Idempotent. Not listening any more when this
     * returns, also when called from an interrupted thread (a shutdown after Ctrl-C): the JDK server closes its
     * listening socket on its own thread and {@code stop} waits for it only while not interrupted, so the interrupt is
     * put aside for the wait and set again afterwards.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            boolean interrupted = Thread.interrupted();
            try {
                server.stop(0);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            executor.shutdownNow();
            deadlines.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "SnapSandbox[" + baseUrl + (closed.get() ? ", closed" : "") + "]";
    }

    /** Configures and starts a {@link SnapSandbox}. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofSeconds(900);
        private Duration timestampWindow = Duration.ofMinutes(5);
        private int maxThreads = 32;
        private int maxConnections = 512;
        private BigDecimal initialBalance = new BigDecimal("100000000.00");
        private Duration notificationTimeout = Notifier.DEFAULT_TIMEOUT;
        private Duration requestReadTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * The available balance every client starts with (default 100,000,000.00 IDR).
         *
         * @throws IllegalArgumentException when negative or with more than two decimals
         */
        public Builder initialBalance(BigDecimal initialBalance) {
            if (initialBalance == null || initialBalance.signum() < 0 || initialBalance.scale() > 2) {
                throw new IllegalArgumentException("a balance is zero or more with at most two decimals, got "
                        + initialBalance);
            }
            this.initialBalance = initialBalance;
            return this;
        }

        /**
         * How long a client may take to send a request body once its headers arrived (default 10 s); after that its
         * connection is closed without an answer, so a client dripping its body byte by byte cannot hold a thread.
         * (Headers are bounded by the JDK server's {@code sun.net.httpserver.maxReqTime}, which {@link #start()}
         * sets to 10 s unless it is set.)
         *
         * @throws IllegalArgumentException when not between 1 ms and 10 minutes
         */
        public Builder requestReadTimeout(Duration requestReadTimeout) {
            this.requestReadTimeout = oneMilliToTenMinutes("a request read timeout", requestReadTimeout);
            return this;
        }

        /**
         * The bound on a whole notification exchange, the merchant's answer and its body included (default 10 s).
         *
         * @throws IllegalArgumentException when not between 1 ms and 10 minutes
         */
        public Builder notificationTimeout(Duration notificationTimeout) {
            this.notificationTimeout = oneMilliToTenMinutes("a notification timeout", notificationTimeout);
            return this;
        }

        /** The address to listen on (default {@code 127.0.0.1}); {@code 0.0.0.0} exposes the unauthenticated admin. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the host is empty; use 127.0.0.1 for loopback");
            }
            this.host = host;
            return this;
        }

        /** The port (default 0: a free one, see {@link SnapSandbox#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535 (0 for a free one), got " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock for timestamp freshness and token expiry (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long issued tokens live, sent as {@code expiresIn} in seconds (default 900 s). Fractions of a second are
         * dropped.
         *
         * @throws IllegalArgumentException when shorter than 1 second
         */
        public Builder tokenLifetime(Duration tokenLifetime) {
            if (tokenLifetime == null || tokenLifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("a token lifetime is at least 1 second, got " + tokenLifetime);
            }
            this.tokenLifetime = Duration.ofSeconds(tokenLifetime.toSeconds());
            return this;
        }

        /**
         * How far {@code X-TIMESTAMP} may be from the sandbox's clock, either side, bounds included (default 5 min).
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder timestampWindow(Duration timestampWindow) {
            if (timestampWindow == null || timestampWindow.isNegative()) {
                throw new IllegalArgumentException("a timestamp window is zero or more, got " + timestampWindow);
            }
            this.timestampWindow = timestampWindow;
            return this;
        }

        /**
         * The threads kept ready to serve requests (default 32). Under load, or while slow clients hold threads, the
         * pool grows up to {@link #maxConnections(int)}; beyond that, new connections wait up to a second for a
         * thread, then are closed.
         */
        public Builder maxThreads(int maxThreads) {
            this.maxThreads = between("maxThreads", maxThreads, 1024);
            return this;
        }

        /**
         * The most requests served at once, slow ones included (default 512, at least {@code maxThreads}): how many
         * clients dripping their requests it takes before others have to wait. Each is also bounded in time (see
         * {@link #requestReadTimeout(Duration)}).
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = between("maxConnections", maxConnections, 4096);
            return this;
        }

        /**
         * Starts the sandbox, listening when this returns.
         *
         * <p>The JDK's HTTP server has no per-server setting for two things the sandbox needs, and reads their
         * JVM-wide system properties once, when the first JDK server of the JVM is created. So this sets each of
         * them, only when it is unset: {@code sun.net.httpserver.nodelay=true} (TCP_NODELAY: otherwise every answer
         * waits about 40 ms for the client's delayed ACK) and {@code sun.net.httpserver.maxReqTime=10} (seconds: a
         * connection whose request has not fully arrived in time is closed, so that a client dripping its headers
         * cannot hold a thread). To choose other values, or to keep another JDK server of the JVM unaffected, set
         * them yourself ({@code -Dsun.net.httpserver.nodelay=false}) before any JDK server is created; when another
         * JDK server was created first, they take the values that server's start saw.
         *
         * @throws UncheckedIOException when the address cannot be bound
         */
        public SnapSandbox start() {
            return new SnapSandbox(this);
        }

        private static Duration oneMilliToTenMinutes(String what, Duration value) {
            if (value == null || value.toMillis() < 1 || value.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(what + " is 1 ms to 10 minutes, got " + value);
            }
            return value;
        }

        private static int between(String what, int value, int max) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(what + " is 1.." + max + ", got " + value);
            }
            return value;
        }
    }
}
