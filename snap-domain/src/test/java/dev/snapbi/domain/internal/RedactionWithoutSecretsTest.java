package dev.snapbi.domain.internal;

import dev.snapbi.domain.error.SnapErrors;
import dev.snapbi.domain.error.SnapException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionWithoutSecretsTest {

    private static final String SIGNATURE = "kq9F3mZx0pL7/TsW+vRb2YhN8cUe4JdA1oGiQ6nVtSy5Hw==";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJJT05QQVlURVNUIn0.c2lnbmF0dXJl";

    @Test
    void masks_a_secret_echoed_whole_cut_short_or_in_pieces() {
        String text = "got " + SIGNATURE + " and [" + SIGNATURE.substring(0, 20) + "] and "
                + SIGNATURE.substring(10, 30) + "|" + TOKEN.substring(5);
        String masked = Redaction.withoutSecrets(text, List.of(SIGNATURE, TOKEN));

        assertThat(masked).isEqualTo("got **** and [****] and ****|****");
    }

    @Test
    void leaves_text_without_secrets_and_pieces_shorter_than_twelve_characters_alone() {
        String text = "Unauthorized. [Signature] " + SIGNATURE.substring(0, 11);
        assertThat(Redaction.withoutSecrets(text, List.of(SIGNATURE))).isEqualTo(text);
        assertThat(Redaction.withoutSecrets(text, List.of())).isSameAs(text);
        assertThat(Redaction.withoutSecrets(null, List.of(SIGNATURE))).isNull();
    }

    @Test
    void snap_errors_mask_the_secrets_of_the_exchange_before_shortening_the_server_text() {
        String echoed = "Unauthorized. [Signature] " + "x".repeat(150) + " you sent " + SIGNATURE;
        SnapException e = SnapErrors.response(401).responseCode("4017300").serverMessage(echoed)
                .request("POST", "/nicepay/v1.0/access-token/b2b").redacting(List.of(SIGNATURE)).toException();

        assertThat(e.getMessage()).doesNotContain(SIGNATURE.substring(0, 12));
        assertThat(e.serverMessage().orElseThrow()).startsWith("Unauthorized. [Signature]");
    }

    @Test
    void a_bad_signature_hint_names_the_private_key_for_the_token_and_the_client_secret_for_a_transaction() {
        SnapException token = SnapErrors.response(401).responseCode("4017300")
                .serverMessage("Unauthorized. [Signature]").request("POST", "/nicepay/v1.0/access-token/b2b")
                .clientKey("IONPAYTEST").toException();
        SnapException transaction = SnapErrors.response(401).responseCode("4017300")
                .serverMessage("Unauthorized. [Signature]").request("POST", "/nicepay/api/v1.0/transfer-va/create-va")
                .clientKey("IONPAYTEST").toException();

        assertThat(token.getMessage()).contains("private key").doesNotContain("client secret");
        assertThat(transaction.getMessage()).contains("client secret").doesNotContain("private key");
    }
}
