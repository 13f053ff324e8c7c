package dev.snapbi.crypto;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientSecret;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.transaction.TransactionSigner;
import dev.snapbi.testing.ManualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transaction signer feeds {@link HmacSha512Signer} the string to sign as UTF-8 bytes in a reused buffer
 * ({@link HmacSha512Signer#signUtf8}). For random methods, paths (any UTF-16 text), tokens, bodies and timestamps, the
 * {@code X-SIGNATURE} it sends is the one the plain JDK computes: {@code javax.crypto.Mac} over the whole string to
 * sign, built as a {@code String}. One signer and one thread across all tries, so buffer reuse is exercised.
 */
class HmacSha512SignerIncrementalPropertiesTest {

    private static final String SECRET = "33F49GnCMS1mFYlGXisbUDzVf2ATWCl9k3R++d5hDd3Frmuos/XLx8XhXpe+LDYAbpGKZYSwtlyy";

    private final ManualClock clock = ManualClock.create();
    private final HmacSha512Signer hmac = HmacSha512Signer.create(ClientSecret.of(SECRET));
    private String currentToken = "t";
    private final TransactionSigner signer = TransactionSigner.builder()
            .tokens(new AccessTokenProvider() {
                @Override
                public AccessToken accessToken() {
                    return AccessToken.bearer(currentToken, Instant.parse("2024-12-31T03:11:40Z"),
                            Duration.ofSeconds(900));
                }

                @Override
                public void invalidate(AccessToken token) {
                }
            })
            .symmetricSigner(hmac)
            .partnerId("IONPAYTEST")
            .profile(ProviderProfile.nicepayDevelopment())
            .clock(clock)
            .build();

    @Property(tries = 1500)
    void the_signature_sent_equals_javax_crypto_mac_over_the_whole_string_to_sign(
            @ForAll("methods") String method, @ForAll("paths") String path, @ForAll("tokens") String token,
            @ForAll("bodies") byte[] body, @ForAll("steps") long clockStepMillis) throws Exception {
        clock.jumpWallClock(Duration.ofMillis(clockStepMillis));
        currentToken = token;

        TransactionHeaders headers = signer.sign(method, path, body);

        String whole = method + ":" + headers.signedPath() + ":" + token + ":"
                + StringToSign.sha256Hex(body == null ? new byte[0] : body) + ":" + headers.timestamp().value();
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        assertThat(headers.signature().value()).isEqualTo(
                Base64.getEncoder().encodeToString(mac.doFinal(whole.getBytes(StandardCharsets.UTF_8))));
        assertThat(headers.signature()).isEqualTo(hmac.sign(StringToSign.of(whole)));
    }

    @Property(tries = 500)
    void signing_a_slice_of_a_buffer_signs_exactly_that_slice(@ForAll("bodies") byte[] prefix,
                                                            @ForAll("tokens") String text,
                                                            @ForAll("bodies") byte[] suffix) {
        byte[] middle = text.getBytes(StandardCharsets.UTF_8);
        byte[] before = prefix == null ? new byte[0] : prefix;
        byte[] after = suffix == null ? new byte[0] : suffix;
        byte[] buffer = new byte[before.length + middle.length + after.length];
        System.arraycopy(before, 0, buffer, 0, before.length);
        System.arraycopy(middle, 0, buffer, before.length, middle.length);
        System.arraycopy(after, 0, buffer, before.length + middle.length, after.length);

        assertThat(hmac.signUtf8(buffer, before.length, middle.length)).isEqualTo(hmac.sign(StringToSign.of(text)));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(7);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> tails = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
                Arbitraries.of("api/v1.0/transfer-va/create-va", "api/v1.0/x?a=1&b=2", ""));
        return Combinators.combine(Arbitraries.of("/", "/nicepay/", "/snap/"), tails).as(String::concat);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(600);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Long> steps() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 999),
                Arbitraries.longs().between(-86_400_000L * 400, 86_400_000L * 400));
    }
}
