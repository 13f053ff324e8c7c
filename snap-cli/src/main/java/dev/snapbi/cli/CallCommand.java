package dev.snapbi.cli;

import dev.snapbi.adapter.feign.transaction.FeignTransactionTransport;
import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.json.CompactJson;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.port.TransactionTransport;
import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.call.SnapCall;
import dev.snapbi.nicepay.call.SnapCallResponse;
import dev.snapbi.sandbox.SnapSandbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code call}: a signed curl. Fetches a token, signs the request (HMAC-SHA512 over the exact bytes sent), sends it
 * through {@link NicepayClient} and prints the request headers (secrets masked), the answer's status, headers and
 * body. Without --env or --base-url it runs against the embedded sandbox with a throwaway key and secret.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Makes one signed SNAP call and prints the request headers (secrets masked), the answer's "
                + "status, headers and body.",
                "Without --env or --base-url: starts the embedded sandbox on a free loopback port with a throwaway key "
                        + "pair and client secret, e.g. snap call POST /nicepay/api/v1.0/transfer-va/create-va "
                        + "--body '{...}'.",
                "Against NICEPAY: --env development|staging|production|cloud-development|cloud-production (or "
                        + "--base-url URL) --client-key K --private-key FILE; the client secret comes from "
                        + "SNAP_CLIENT_SECRET, an encrypted key's password from SNAP_KEY_PASSWORD.",
                "The body is minified (compact JSON is what NICEPAY hashes) and those bytes are signed and sent. A call "
                        + "is treated as money-moving and never resent once it may have arrived, unless --inquiry."},
        footer = ExitCode.HELP)
final class CallCommand implements Callable<Integer> {

    private static final Set<String> MASKED = Set.of("authorization", "x-signature", "set-cookie", "cookie");

    @CommandLine.ParentCommand
    private SnapCli root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "METHOD", description = "HTTP method, e.g. POST or DELETE")
    private String method;

    @Parameters(index = "1", paramLabel = "PATH",
            description = "path under the environment root, e.g. /nicepay/api/v1.0/transfer-va/create-va")
    private String path;

    @Option(names = "--body", paramLabel = "JSON", description = "the JSON body")
    private String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "a file holding the JSON body")
    private Path bodyFile;

    @CommandLine.Mixin
    private NicepayOptions nicepay;

    @Option(names = "--inquiry", description = "a status or inquiry call: retried when the server is unavailable")
    private boolean inquiry;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        boolean sandboxMode = nicepay.sandbox();
        if (body != null && bodyFile != null) {
            throw new SnapConfigurationException("use either --body or --body-file, not both");
        }
        byte[] bytes = body();
        SnapCall call = inquiry ? SnapCall.inquiry(method, path, bytes) : SnapCall.of(method, path, bytes);
        nicepay.checkKey(sandboxMode);
        if (sandboxMode) {
            try (SnapSandbox sandbox = SnapSandbox.start()) {
                GeneratedKeyPair keys = RsaKeyPairs.generate(2048);
                byte[] random = new byte[16];
                new SecureRandom().nextBytes(random);
                String secret = HexFormat.of().formatHex(random);
                sandbox.registerClient(NicepayOptions.SANDBOX_CLIENT_KEY, keys.publicKey(), secret);
                return send(ProviderProfile.nicepay(sandbox.baseUrl()), NicepayOptions.SANDBOX_CLIENT_KEY,
                        RsaSigner.create(keys.privateKey()), secret, call);
            }
        }
        String secret = Credentials.clientSecret(root);
        return send(nicepay.profile(CallCommand::environment), nicepay.clientKey(), nicepay.signer(root), secret,
                call);
    }

    static ProviderProfile environment(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "cloud-development":
            case "cloud-dev":
                return ProviderProfile.nicepayCloudDevelopment();
            case "cloud-production":
            case "cloud-prod":
                return ProviderProfile.nicepayCloudProduction();
            default:
                return ProviderProfile.nicepayEnvironment(name);
        }
    }

    private byte[] body() throws IOException {
        String text = bodyFile != null ? Files.readString(bodyFile, StandardCharsets.UTF_8) : body;
        if (text == null || text.isBlank()) {
            return new byte[0];
        }
        return CompactJson.compact(text).getBytes(StandardCharsets.UTF_8);
    }

    private int send(ProviderProfile profile, String key, RsaSigner signer, String secret, SnapCall call) {
        Duration connect = nicepay.connectTimeout() != null ? nicepay.connectTimeout() : Duration.ofSeconds(5);
        Duration read = nicepay.readTimeout() != null ? nicepay.readTimeout() : Duration.ofSeconds(10);
        AtomicReference<TransactionTransport.Request> lastSent = new AtomicReference<>();
        PrintWriter out = spec.commandLine().getOut();
        try (FeignTransactionTransport transport = FeignTransactionTransport.builder().connectTimeout(connect)
                .readTimeout(read).build();
             NicepayClient client = NicepayClient.builder()
                     .environment(profile)
                     .clientKey(key)
                     .signer(signer)
                     .clientSecret(secret)
                     .clock(root.clock())
                     .connectTimeout(connect)
                     .readTimeout(read)
                     .transport(request -> {
                         lastSent.set(request);
                         return transport.exchange(request);
                     })
                     .build()) {
            try {
                SnapCallResponse answer = client.call(call);
                printRequest(out, lastSent.get());
                out.println("HTTP " + answer.status() + " " + answer.responseCode()
                        + answer.responseMessage().map(m -> " " + m).orElse(""));
                printHeaders(out, answer.headers());
                out.println();
                out.println(answer.bodyText());
                return ExitCode.OK;
            } catch (RuntimeException e) {
                printRequest(out, lastSent.get());
                throw e;
            }
        }
    }

    private static void printRequest(PrintWriter out, TransactionTransport.Request request) {
        if (request == null) {
            return;
        }
        out.println("> " + request.method() + " " + request.uri());
        request.headers().forEach((name, value) -> out.println("> " + name + ": " + mask(name, value)));
        out.println("> (" + request.bodyLength() + " body bytes, signed as " + request.signedPath() + ")");
        out.println();
    }

    private static void printHeaders(PrintWriter out, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> values.forEach(v -> out.println(name + ": " + mask(name, v))));
    }

    static String mask(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!MASKED.contains(lower)) {
            return value;
        }
        if (lower.equals("authorization") && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Bearer " + TokenCommand.redact(value.substring(7)).split(" ")[0];
        }
        return "****";
    }
}
