package dev.snapbi.docs;

import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.crypto.RsaVerifier;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code normaltest} sample of docs/PROTOCOL.md: its key really gives the signature the document shows. */
class ProtocolSampleTest {

    @Test
    void the_documented_key_signs_the_normaltest_sample_exactly_as_documented() throws IOException {
        String doc = Files.readString(PublicTypesHaveJavadocTest.root().resolve("docs/PROTOCOL.md"),
                StandardCharsets.UTF_8);
        String privateKey = block(doc, "PRIVATE KEY");
        String publicKey = block(doc, "PUBLIC KEY");
        String documented = doc.lines().filter(l -> l.startsWith("X-SIGNATURE:")).findFirst().orElseThrow()
                .substring("X-SIGNATURE:".length()).trim();
        StringToSign sample = StringToSign.b2b(ClientKey.of("normaltest"),
                SnapTimestamp.parse("2024-12-31T10:11:40+07:00"));

        assertThat(sample.value()).isEqualTo("normaltest|2024-12-31T10:11:40+07:00");
        assertThat(RsaSigner.fromPem(privateKey).sign(sample).value()).isEqualTo(documented);
        assertThat(RsaVerifier.fromPem(publicKey).verify(sample.value(), documented)).isTrue();
    }

    private static String block(String text, String label) {
        int begin = text.indexOf("-----BEGIN " + label + "-----");
        String end = "-----END " + label + "-----";
        assertThat(begin).as("a %s block in docs/PROTOCOL.md", label).isNotNegative();
        return text.substring(begin, text.indexOf(end, begin) + end.length());
    }
}
