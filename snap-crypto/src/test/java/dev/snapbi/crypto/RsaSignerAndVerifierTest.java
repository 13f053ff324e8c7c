package dev.snapbi.crypto;

import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The signer and the verifier together, on keys from {@link RsaKeyPairs}. */
class RsaSignerAndVerifierTest {

    private static final StringToSign NOTIFICATION = StringToSign.notification(ClientKey.of("IONPAYTEST"),
            SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));

    static GeneratedKeyPair pair;
    static GeneratedKeyPair other;
    static RsaSigner signer;
    static RsaVerifier verifier;

    @BeforeAll
    static void keys() {
        pair = RsaKeyPairs.generate();
        other = RsaKeyPairs.generate();
        signer = RsaSigner.create(pair.privateKey());
        verifier = RsaVerifier.create(pair.publicKey());
    }

    @Test
    void verifies_a_notification_signature_over_client_id_and_timestamp() {
        Base64Signature signature = signer.sign(NOTIFICATION);

        assertThat(verifier.verify(NOTIFICATION, signature)).isTrue();
        assertThat(verifier.verify("IONPAYTEST|2024-12-31T10:11:40+07:00", signature.value())).isTrue();
    }

    @Test
    void signatures_are_deterministic_standard_base64_of_the_key_length() {
        Base64Signature first = signer.sign(NOTIFICATION);
        Base64Signature second = signer.sign(NOTIFICATION);

        assertThat(first).isEqualTo(second);
        assertThat(first.value()).matches("[A-Za-z0-9+/]{342}==");
        assertThat(first.bytes()).hasSize(256);
    }

    @Test
    void rejects_a_signature_over_other_text_or_by_another_key() {
        Base64Signature signature = signer.sign(NOTIFICATION);
        Base64Signature byOtherKey = RsaSigner.create(other.privateKey()).sign(NOTIFICATION);

        assertThat(verifier.verify("IONPAYTEST|2024-12-31T10:11:41+07:00", signature.value())).isFalse();
        assertThat(verifier.verify(NOTIFICATION, byOtherKey)).isFalse();
    }

    @Test
    void rejects_a_signature_with_one_bit_flipped() {
        byte[] bytes = signer.sign(NOTIFICATION).bytes();
        bytes[100] ^= 0x01;

        assertThat(verifier.verify(NOTIFICATION, Base64Signature.ofBytes(bytes))).isFalse();
    }

    @Test
    void answers_false_not_an_exception_for_malformed_or_missing_signatures() {
        String valid = signer.sign(NOTIFICATION).value();
        String data = NOTIFICATION.value();

        assertThat(verifier.verify(data, (String) null)).isFalse();
        assertThat(verifier.verify(data, "")).isFalse();
        assertThat(verifier.verify(data, "not base64 at all!")).isFalse();
        assertThat(verifier.verify(data, valid.substring(0, valid.length() - 2))).as("padding missing").isFalse();
        assertThat(verifier.verify(data, valid.replace('+', '-').replace('/', '_'))).as("URL-safe alphabet")
                .isFalse();
        assertThat(verifier.verify(data, Base64.getEncoder().encodeToString(new byte[255]))).as("wrong length")
                .isFalse();
        assertThat(verifier.verify(data, Base64.getEncoder().encodeToString(new byte[256]))).as("all zeros")
                .isFalse();
        assertThat(verifier.verify(NOTIFICATION, (Base64Signature) null)).isFalse();
    }

    @Test
    void still_verifies_after_malformed_input_on_the_same_thread() {
        String data = NOTIFICATION.value();
        verifier.verify(data, Base64.getEncoder().encodeToString(new byte[256]));
        verifier.verify(data, Base64.getEncoder().encodeToString(new byte[300]));

        assertThat(verifier.verify(data, signer.sign(NOTIFICATION).value())).isTrue();
    }

    @Test
    void refuses_null_data_as_a_programming_error() {
        assertThatNullPointerException().isThrownBy(() -> verifier.verify((String) null, "AAAA"));
        assertThatNullPointerException().isThrownBy(() -> signer.sign(null));
    }

    @Test
    void signs_and_verifies_from_many_threads_at_once_with_identical_results() throws Exception {
        List<StringToSign> texts = new ArrayList<>();
        List<Base64Signature> expected = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            StringToSign text = StringToSign.of("IONPAYTEST|2024-12-31T10:11:" + (10 + i) + "+07:00");
            texts.add(text);
            expected.add(signer.sign(text));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Callable<Integer> task = () -> {
                    start.await();
                    int good = 0;
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            int k = (i + offset) % texts.size();
                            Base64Signature s = signer.sign(texts.get(k));
                            if (s.equals(expected.get(k)) && verifier.verify(texts.get(k), s)
                                    && !verifier.verify(texts.get((k + 1) % texts.size()), s)) {
                                good++;
                            }
                        }
                    }
                    return good;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(3 * texts.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void to_string_shows_only_the_algorithm_and_key_size() {
        assertThat(signer).hasToString("RsaSigner[SHA256withRSA, 2048 bits]");
        assertThat(verifier).hasToString("RsaVerifier[SHA256withRSA, 2048 bits]");
        assertThat(verifier.keySizeBits()).isEqualTo(2048);
    }

    @Test
    void a_1024_bit_key_gives_a_128_byte_signature_that_only_its_own_key_verifies() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        java.security.KeyPair small = generator.generateKeyPair();

        Base64Signature signature = RsaSigner.create(small.getPrivate()).sign(NOTIFICATION);

        assertThat(signature.bytes()).hasSize(128);
        assertThat(RsaVerifier.create(small.getPublic()).verify(NOTIFICATION, signature)).isTrue();
        assertThat(verifier.verify(NOTIFICATION, signature)).isFalse();
    }
}
