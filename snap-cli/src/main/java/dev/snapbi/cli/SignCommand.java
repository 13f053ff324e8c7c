package dev.snapbi.cli;

import dev.snapbi.cli.internal.BoundedFiles;
import dev.snapbi.cli.internal.ExitCode;
import dev.snapbi.crypto.HmacSha512Signer;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.json.CompactJson;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sign}: prints a string-to-sign and its X-SIGNATURE, for debugging {@code 4017300 [Signature]}. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Prints the string-to-sign and the X-SIGNATURE a request needs.",
                "Asymmetric (token): --client-key K --private-key FILE [--timestamp T]; the password of an "
                        + "encrypted key comes from SNAP_KEY_PASSWORD.",
                "Symmetric (transactional): --symmetric --method M --path P --access-token T [--body-file F] "
                        + "[--timestamp T]; the client secret comes from SNAP_CLIENT_SECRET.",
                "The symmetric signature covers the minified body, so send exactly the body printed under "
                        + "'body to send' (or written by --body-out), not the file as you wrote it: NICEPAY hashes "
                        + "the bytes it receives."},
        footer = ExitCode.HELP)
final class SignCommand implements Callable<Integer> {

    /** The largest body file read: NICEPAY's requests are a few KB. */
    static final long MAX_BODY_BYTES = 4L << 20;

    @CommandLine.ParentCommand
    private SnapCli root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--symmetric", description = "HMAC-SHA512 signature of a transactional call")
    private boolean symmetric;

    @Option(names = "--client-key", description = "X-CLIENT-KEY (asymmetric)")
    private String clientKey;

    @CommandLine.Mixin
    private PrivateKeyOptions privateKey;

    @Option(names = "--timestamp", paramLabel = "T",
            description = "X-TIMESTAMP such as 2024-12-31T10:11:40+07:00 (default: now, Asia/Jakarta)")
    private String timestamp;

    @Option(names = "--method", description = "HTTP method (symmetric)")
    private String method;

    @Option(names = "--path", description = "the path as sent, e.g. /nicepay/api/v1.0/transfer-va/create-va "
            + "(NICEPAY's /nicepay prefix is removed for signing, as NICEPAY does)")
    private String path;

    @Option(names = "--access-token", paramLabel = "T", description = "the B2B access token (symmetric)")
    private String accessToken;

    @Option(names = "--body-file", paramLabel = "F", description = "the JSON body; minified before hashing")
    private Path bodyFile;

    @Option(names = "--body-out", paramLabel = "F",
            description = "write the exact body that was signed (and must be sent) to this file")
    private Path bodyOut;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        SnapTimestamp ts = timestamp == null ? SnapTimestamp.now(root.clock(), SnapTimestamp.JAKARTA)
                : SnapTimestamp.parse(timestamp);
        return symmetric ? symmetric(ts) : asymmetric(ts);
    }

    private int asymmetric(SnapTimestamp ts) {
        require(clientKey, "--client-key");
        require(privateKey.file(), "--private-key");
        RsaSigner signer = privateKey.signer(root);
        StringToSign stringToSign = StringToSign.b2b(ClientKey.of(clientKey), ts);
        Base64Signature signature = signer.sign(stringToSign);
        PrintWriter out = spec.commandLine().getOut();
        out.println("string to sign: " + stringToSign.value());
        out.println("X-TIMESTAMP:    " + ts.value());
        out.println("X-CLIENT-KEY:   " + clientKey);
        out.println("X-SIGNATURE:    " + signature.value());
        return ExitCode.OK;
    }

    private int symmetric(SnapTimestamp ts) throws IOException {
        require(method, "--method");
        require(path, "--path");
        require(accessToken, "--access-token");
        String secret = Credentials.clientSecret(root);
        String body = bodyFile == null ? "" : BoundedFiles.readString(bodyFile, MAX_BODY_BYTES, "--body-file");
        String minified = body.isBlank() ? "" : CompactJson.compact(body);
        byte[] bytes = minified.getBytes(StandardCharsets.UTF_8);
        String signingPath = ProviderProfile.nicepayDevelopment().signingPath(path);
        String upper = method.toUpperCase(Locale.ROOT);
        StringToSign stringToSign = StringToSign.symmetric(upper, signingPath, accessToken, bytes, ts);
        Base64Signature signature = HmacSha512Signer.create(ClientSecret.of(secret)).sign(stringToSign);
        String shown = upper + ":" + signingPath + ":" + shorten(accessToken) + ":" + StringToSign.sha256Hex(bytes)
                + ":" + ts.value();
        PrintWriter out = spec.commandLine().getOut();
        out.println("string to sign: " + shown);
        out.println("signed path:    " + signingPath);
        out.println("body sha256:    " + StringToSign.sha256Hex(bytes) + " (" + bytes.length + " bytes, minified)");
        if (bodyOut != null) {
            Files.write(bodyOut, bytes);
            out.println("body to send:   written to " + bodyOut + " (send exactly these bytes)");
        } else {
            out.println("body to send:   " + minified);
        }
        out.println("X-TIMESTAMP:    " + ts.value());
        out.println("X-SIGNATURE:    " + signature.value());
        return ExitCode.OK;
    }

    static String shorten(String token) {
        return token.length() <= 12 ? "****" : token.substring(0, 4) + "..." + token.substring(token.length() - 4);
    }

    private static void require(Object value, String option) {
        if (value == null) {
            throw new SnapConfigurationException("missing " + option);
        }
    }
}
