package dev.snapbi.domain.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class SnapConfigurationExceptionTest {

    @Test
    void an_error_of_a_named_setting_names_the_setting_the_problem_and_the_fix() {
        SnapConfigurationException e = SnapConfigurationException.forSetting("snapbi.nicepay.private-key",
                "is missing", "Set it to the merchant's RSA private key.");

        assertThat(e.setting()).contains("snapbi.nicepay.private-key");
        assertThat(e.problem()).isEqualTo("is missing");
        assertThat(e.fix()).contains("Set it to the merchant's RSA private key.");
        assertThat(e).hasMessage("snapbi.nicepay.private-key: is missing. Set it to the merchant's RSA private key.")
                .hasNoCause();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void an_error_without_a_setting_has_its_message_as_the_problem_and_no_separate_fix() {
        SnapConfigurationException e = new SnapConfigurationException("client key must not be blank");

        assertThat(e.setting()).isEmpty();
        assertThat(e.fix()).isEmpty();
        assertThat(e.problem()).isEqualTo("client key must not be blank");
    }

    @Test
    void a_named_setting_needs_all_three_parts() {
        assertThatNullPointerException().isThrownBy(() -> SnapConfigurationException.forSetting(null, "p", "f"))
                .withMessage("setting");
        assertThatNullPointerException().isThrownBy(() -> SnapConfigurationException.forSetting("s", null, "f"))
                .withMessage("problem");
        assertThatNullPointerException().isThrownBy(() -> SnapConfigurationException.forSetting("s", "p", null))
                .withMessage("fix");
    }
}
