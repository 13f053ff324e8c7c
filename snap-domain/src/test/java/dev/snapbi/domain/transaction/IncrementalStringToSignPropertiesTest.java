package dev.snapbi.domain.transaction;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.model.TransactionHeaders;
import dev.snapbi.domain.port.AccessTokenProvider;
import dev.snapbi.domain.port.SymmetricSigner;
import dev.snapbi.domain.testing.JdkHmacSha512;
import dev.snapbi.domain.testing.ManualTime;
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
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TransactionSigner} writes the symmetric string to sign as UTF-8 bytes into a reused per-thread buffer instead
 * of building a {@code String} and its bytes. These properties hold it to the straightforward construction for random
 * methods, paths (any UTF-16 text, unpaired surrogates included), tokens, bodies and timestamps, with one signer and
 * one thread across all tries, so that buffer reuse, growth and the remembered path are exercised too.
 */
class IncrementalStringToSignPropertiesTest {

    private static final String SECRET = "a-client-secret/with+base64=chars";

    private final ManualTime time = ManualTime.create();
    private final MutableToken token = new MutableToken();
    private final Recording recording = new Recording();
    private final TransactionSigner recorded = TransactionSigner.builder().tokens(token).symmetricSigner(recording)
            .partnerId("IONPAYTEST").profile(ProviderProfile.nicepayDevelopment()).clock(time).build();
    private final IncrementalHmac incremental = new IncrementalHmac(SECRET);
    private final TransactionSigner hmac = TransactionSigner.builder().tokens(token).symmetricSigner(incremental)
            .partnerId("IONPAYTEST").profile(ProviderProfile.nicepayDevelopment()).clock(time).build();
    private final TransactionSigner byDefault = TransactionSigner.builder().tokens(token)
            .symmetricSigner(new JdkHmacSha512(SECRET)).partnerId("IONPAYTEST")
            .profile(ProviderProfile.nicepayDevelopment()).clock(time).build();

    @Property(tries = 1500)
    void the_bytes_signed_are_exactly_the_utf8_of_the_straightforward_string_to_sign(@ForAll("calls") Call call) {
        time.jumpWallClock(Duration.ofMillis(call.clockStepMillis));
        token.value = call.token;

        TransactionHeaders headers = recorded.sign(call.method, call.path, call.body);

        byte[] expected = StringToSign.symmetric(call.method, headers.signedPath(), call.token, call.body,
                headers.timestamp()).utf8();
        assertThat(recording.last).isEqualTo(expected);
        assertThat(headers.timestamp()).isEqualTo(SnapTimestamp.now(time, ProviderProfile.nicepayDevelopment().zone()));
        assertThat(headers.signedPath()).isEqualTo(ProviderProfile.nicepayDevelopment().signingPath(call.path));
    }

    @Property(tries = 1500)
    void an_incremental_hmac_equals_javax_crypto_mac_over_the_whole_string_to_sign(@ForAll("calls") Call call)
            throws Exception {
        time.jumpWallClock(Duration.ofMillis(call.clockStepMillis));
        token.value = call.token;

        TransactionHeaders fed = hmac.sign(call.method, call.path, call.body);
        TransactionHeaders decoded = byDefault.sign(call.method, call.path, call.body); // the port's default method

        String whole = call.method + ":" + fed.signedPath() + ":" + call.token + ":"
                + StringToSign.sha256Hex(call.body == null ? new byte[0] : call.body) + ":" + fed.timestamp().value();
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(whole.getBytes(StandardCharsets.UTF_8)));
        assertThat(fed.signature().value()).isEqualTo(expected);
        assertThat(decoded.signature().value()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<String> methods = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(7);
        Arbitrary<String> tails = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),                       // any UTF-16, lone surrogates too
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),      // ASCII paths and queries
                Arbitraries.of("api/v1.0/transfer-va/create-va", "api/v1.0/x?a=1&b=2", "", "?q=1"));
        Arbitrary<String> paths = Combinators.combine(Arbitraries.of("/", "/nicepay/", "/nicepay", "/snap/"), tails)
                .as(String::concat)
                .map(p -> p.startsWith("/") ? p : "/" + p);
        Arbitrary<String> tokens = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(600);
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(null));
        Arbitrary<Long> steps = Arbitraries.oneOf(Arbitraries.longs().between(0, 999),
                Arbitraries.longs().between(-86_400_000L * 400, 86_400_000L * 400));
        return Combinators.combine(methods, paths, tokens, bodies, steps).as(Call::new);
    }

    record Call(String method, String path, String token, byte[] body, long clockStepMillis) {
        @Override
        public String toString() {
            return method + " " + path + " (" + path.length() + " chars), token of " + token.length() + ", body "
                    + (body == null ? "null" : body.length + " bytes") + ", clock step " + clockStepMillis + " ms";
        }
    }

    /** A token provider whose current token the test sets. */
    private static final class MutableToken implements AccessTokenProvider {
        String value = "t";

        @Override
        public AccessToken accessToken() {
            return AccessToken.bearer(value, Instant.parse("2024-12-31T03:11:40Z"), Duration.ofSeconds(900));
        }

        @Override
        public void invalidate(AccessToken token) {
        }
    }

    /** Records a copy of the bytes it is asked to sign (they live in the signer's reused buffer). */
    private static final class Recording implements SymmetricSigner {
        byte[] last;

        @Override
        public Base64Signature sign(StringToSign stringToSign) {
            throw new AssertionError("the signer must be given the bytes, not a StringToSign");
        }

        @Override
        public Base64Signature signUtf8(byte[] utf8, int offset, int length) {
            last = Arrays.copyOfRange(utf8, offset, offset + length);
            return Base64Signature.ofBytes(new byte[]{1});
        }
    }

    /** An HMAC-SHA512 fed the bytes as they are, as snap-crypto's HmacSha512Signer does. */
    private static final class IncrementalHmac implements SymmetricSigner {
        private final Mac mac;

        IncrementalHmac(String secret) {
            try {
                mac = Mac.getInstance("HmacSHA512");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Base64Signature sign(StringToSign stringToSign) {
            throw new AssertionError("the signer must be given the bytes, not a StringToSign");
        }

        @Override
        public Base64Signature signUtf8(byte[] utf8, int offset, int length) {
            mac.update(utf8, offset, length);
            return Base64Signature.ofBytes(mac.doFinal());
        }
    }
}
