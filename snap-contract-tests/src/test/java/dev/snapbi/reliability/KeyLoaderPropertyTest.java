package dev.snapbi.reliability;

import dev.snapbi.crypto.GeneratedKeyPair;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.crypto.RsaVerifier;
import dev.snapbi.crypto.pem.PrivateKeys;
import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.StringToSign;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random text and near-miss PEM fed to snap-crypto's key loader ({@link PrivateKeys#parse}) and, when a key comes out,
 * to {@link RsaSigner#create}: a character flipped anywhere, headers swapped, cut at every line and every character,
 * Base64 padding mangled, DER announcing gigabytes. Only a usable key or the domain's
 * {@link SnapConfigurationException} may come out, never another exception or an Error; each try is bounded at 5 s
 * (a hang detector, far above the milliseconds a parse takes), and no announced length is allocated: the DER parsers
 * check lengths against the input, and the suite runs under surefire's {@code -Xmx1g}.
 */
class KeyLoaderPropertyTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    /** A run of Base64 long enough to be key material rather than a word of a message. */
    private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9+/=]{16,}");
    private static final StringToSign PROBE = StringToSign.of("IONPAYTEST|2024-12-31T10:11:40+07:00");

    private static GeneratedKeyPair pair;
    private static String pkcs8Pem;
    private static String pkcs1Pem;
    private static List<String> originals;

    @BeforeContainer
    static void makeKeys() throws IOException {
        pair = RsaKeyPairs.generate();
        pkcs8Pem = pair.privateKeyPem();
        byte[] pkcs1 = PrivateKeyInfo.getInstance(pair.privateKey().getEncoded()).parsePrivateKey().toASN1Primitive()
                .getEncoded();
        pkcs1Pem = pem("RSA PRIVATE KEY", pkcs1);
        String bare = Base64.getEncoder().encodeToString(pair.privateKey().getEncoded());
        originals = List.of(pkcs8Pem, pkcs1Pem, bare);
    }

    @Example
    void the_untouched_keys_load_as_the_original_key() {
        for (String text : originals) {
            assertThat(load(text)).isEqualTo(pair.privateKey());
        }
        // Signing is checked on a key of its own: the JDK's SunRsaSign caches RSA blinding parameters per modulus and
        // reuses them for any key with the same modulus and private exponent, so a mutated copy of `pair` with a
        // flipped public exponent (which the properties here load and refuse) can leave a cache entry that makes the
        // untouched key fail RsaSigner's consistency probe in this JVM. No real deployment loads such siblings.
        GeneratedKeyPair fresh = RsaKeyPairs.generate();
        for (String text : List.of(fresh.privateKeyPem(),
                Base64.getEncoder().encodeToString(fresh.privateKey().getEncoded()))) {
            assertThat(outcome(text)).isInstanceOf(Loaded.class);
        }
    }

    @Property(tries = 300)
    void random_text_is_refused_with_a_configuration_error(@ForAll @Size(max = 4000) String text) {
        assertThat(outcome(text)).isInstanceOf(SnapConfigurationException.class);
    }

    @Property(tries = 300)
    void random_bytes_read_as_text_are_refused_with_a_configuration_error(@ForAll @Size(max = 4000) byte[] bytes) {
        assertThat(outcome(new String(bytes, StandardCharsets.ISO_8859_1))).isInstanceOf(
                SnapConfigurationException.class);
    }

    @Property(tries = 300)
    void random_der_under_a_valid_header_is_refused(@ForAll("derLookalikes") byte[] der,
                                                    @ForAll("labels") String label) {
        assertThat(outcome(pem(label, der))).isInstanceOf(SnapConfigurationException.class);
    }

    @Property(tries = 400)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void one_character_flipped_gives_a_usable_key_or_a_configuration_error(@ForAll("flipped") String text) {
        Object outcome = outcome(text);
        Statistics.collect(outcome instanceof Loaded loaded
                ? (loaded.key().equals(pair.privateKey()) ? "the original key" : "another key") : "refused");
        // all three happen: most flips break the DER; some hit text the parser skips; some change the private
        // exponent, which CRT signing does not use, so the key stays consistent and signs correctly
        Statistics.coverage(coverage -> {
            coverage.check("refused").count(n -> n > 0);
            coverage.check("the original key").count(n -> n > 0);
            coverage.check("another key").count(n -> n > 0);
        });
        if (outcome instanceof Loaded loaded) {
            // a flip inside the key's numbers can still parse; then the signer must have refused an inconsistent
            // key, so whatever loads signs what its own public part verifies (or is the original key)
            Base64Signature signature = loaded.signer().sign(PROBE);
            assertThat(RsaVerifier.create(loaded.publicKey()).verify(PROBE, signature))
                    .as("a loaded key signs verifiably").isTrue();
        } else {
            assertThat(outcome).isInstanceOf(SnapConfigurationException.class);
        }
    }

    @Property(tries = 200)
    void base64_padding_and_alphabet_mangled_gives_the_key_or_a_configuration_error(
            @ForAll("mangledBase64") String text) {
        Object outcome = outcome(text);
        if (outcome instanceof Loaded loaded) {
            assertThat(loaded.key()).as("a key read from a mangled text is the original one")
                    .isEqualTo(pair.privateKey());
        } else {
            assertThat(outcome).isInstanceOf(SnapConfigurationException.class);
        }
    }

    @Example
    void headers_swapped_or_mismatched_give_the_key_or_a_configuration_error() {
        String pkcs8Body = body(pkcs8Pem);
        String pkcs1Body = body(pkcs1Pem);
        List<String> texts = new ArrayList<>();
        for (String body : List.of(pkcs8Body, pkcs1Body)) {
            for (String begin : List.of("PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PUBLIC KEY",
                    "CERTIFICATE", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "")) {
                for (String end : List.of("PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY")) {
                    texts.add("-----BEGIN " + begin + "-----\n" + body + "-----END " + end + "-----\n");
                }
                texts.add("-----BEGIN " + begin + "-----\n" + body); // no footer
                texts.add(body + "-----END " + begin + "-----\n"); // no header
                texts.add("-----BEGIN " + begin + "-----\n-----END " + begin + "-----\n" + body); // empty block
            }
        }
        texts.add(pkcs8Pem + pkcs1Pem); // two keys
        texts.add(pkcs8Pem.replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED"
                + "\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n"));
        for (String text : texts) {
            Object outcome = outcome(text);
            assertThat(outcome).as(text.substring(0, Math.min(60, text.length())))
                    .isInstanceOfAny(Loaded.class, SnapConfigurationException.class);
            if (outcome instanceof Loaded loaded) {
                assertThat(loaded.key()).isEqualTo(pair.privateKey());
            }
        }
    }

    @Example
    void a_key_cut_at_any_line_or_character_is_refused() {
        for (String original : List.of(pkcs8Pem, pkcs1Pem)) {
            List<String> lines = original.lines().toList();
            for (int n = 0; n < lines.size() - 1; n++) {
                String head = String.join("\n", lines.subList(0, n)) + "\n";
                assertThat(outcome(head)).as("%d lines", n).isInstanceOf(SnapConfigurationException.class);
                assertThat(outcome(head + lines.get(lines.size() - 1) + "\n")).as("%d lines and the footer", n)
                        .isInstanceOf(SnapConfigurationException.class);
            }
            String trimmed = original.strip();
            int bodyEnd = trimmed.lastIndexOf("-----END");
            for (int length = 0; length < bodyEnd - 1; length++) {
                assertThat(outcome(trimmed.substring(0, length))).as("%d characters", length)
                        .isInstanceOf(SnapConfigurationException.class);
            }
        }
    }

    @Example
    void der_announcing_gigabytes_is_refused_without_allocating() {
        List<byte[]> ders = List.of(
                new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x02, 0x01, 0x00},
                new byte[] {0x30, (byte) 0x88, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                        (byte) 0xFF, (byte) 0xFF, 0x02, 0x01, 0x00},
                new byte[] {0x30, (byte) 0x82, 0x04, 0x00, 0x02, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF,
                        (byte) 0xFF, 0x00},
                new byte[] {0x30, (byte) 0x80, 0x02, 0x01, 0x00}, // indefinite length, never closed
                new byte[] {0x30, (byte) 0xFF, 0x00});
        for (byte[] der : ders) {
            for (String label : List.of("PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY")) {
                assertThat(outcome(pem(label, der))).isInstanceOf(SnapConfigurationException.class);
            }
            assertThat(outcome(Base64.getEncoder().encodeToString(der))).isInstanceOf(
                    SnapConfigurationException.class);
        }
    }

    // ---- loading, bounded ----

    /** A key that loaded, with the signer made from it. */
    private record Loaded(RSAPrivateKey key, RsaSigner signer) {
        /** The public part the key carries (a PKCS#8 or PKCS#1 RSA key carries its modulus and exponent). */
        PublicKey publicKey() {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            try {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(),
                        crt.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw new AssertionError("the signer accepted a key whose public part is invalid", e);
            }
        }
    }

    /** The key and its signer, or the configuration error; anything else escapes and fails the try. */
    private static Object outcome(String text) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                RSAPrivateKey key = PrivateKeys.parse(text);
                return new Loaded(key, RsaSigner.create(key));
            } catch (SnapConfigurationException e) {
                assertThat(e.getMessage()).isNotBlank();
                Matcher material = KEY_MATERIAL.matcher(text.replaceAll("-----[A-Z ]*-----", ""));
                while (material.find()) {
                    assertThat(e.getMessage()).as("the message does not echo key material")
                            .doesNotContain(material.group());
                }
                return e;
            }
        });
    }

    private static RSAPrivateKey load(String text) {
        return assertTimeoutPreemptively(BOUND, () -> PrivateKeys.parse(text));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String body(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).map(line -> line + "\n")
                .reduce("", String::concat);
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.of("PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
    }

    /** Random bytes, mostly shaped like DER: a SEQUENCE tag, then a short, long or absurd length. */
    @Provide
    Arbitrary<byte[]> derLookalikes() {
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> lengths = Arbitraries.of(new byte[] {0x00}, new byte[] {0x7F}, new byte[] {(byte) 0x81,
                (byte) 0xFF}, new byte[] {(byte) 0x82, 0x04, (byte) 0xA5}, new byte[] {(byte) 0x84, 0x7F, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0x8F});
        Arbitrary<byte[]> shaped = Combinators.combine(lengths, tail).as((length, rest) -> {
            byte[] der = new byte[1 + length.length + rest.length];
            der[0] = 0x30;
            System.arraycopy(length, 0, der, 1, length.length);
            System.arraycopy(rest, 0, der, 1 + length.length, rest.length);
            return der;
        });
        return Arbitraries.oneOf(shaped, tail);
    }

    /** One of the original texts with one character replaced by another (any position, header and footer included). */
    @Provide
    Arbitrary<String> flipped() {
        return Arbitraries.of(originals).flatMap(text -> Combinators.combine(
                Arbitraries.integers().between(0, text.length() - 1),
                Arbitraries.oneOf(Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                        + "0123456789+/=-_ \n\r\t\\\"'"), Arbitraries.chars()))
                .as((at, c) -> text.substring(0, at) + c + text.substring(at + 1)));
    }

    /** Padding added, removed or moved, the URL-safe alphabet, whitespace and escapes where they do not belong. */
    @Provide
    Arbitrary<String> mangledBase64() {
        List<Function<String, String>> manglers = List.of(
                t -> t.replace("=", ""),
                t -> t.replace("\n-----END", "=\n-----END"),
                t -> t.replace("\n-----END", "==\n-----END"),
                t -> t.replace("\n-----END", "===\n-----END"),
                t -> t.replaceFirst("\n", "\n="),
                t -> t.replace('+', '-').replace('/', '_'),
                t -> t.replace("\n", "\r\n"),
                t -> t.replace("\n", "\\n"),
                t -> t.replace("\n", " "),
                t -> "\"" + t.replace("\n", "\\n") + "\"",
                t -> t.replace("\n", "\n\n"),
                t -> t.replace("\n", "\t"),
                t -> t.replaceAll("(?m)^(.{32})", "$1 "),
                t -> t.replaceAll("(?m)^(.{10})", "$1=="),
                t -> t.replace("\n", ""),
                t -> t.toLowerCase(),
                t -> t + "trailing garbage",
                t -> "leading garbage\n" + t);
        return Combinators.combine(Arbitraries.of(originals), Arbitraries.of(manglers),
                Arbitraries.of(manglers)).as((text, first, second) -> second.apply(first.apply(text)));
    }
}
