package dev.snapbi.domain.response;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseCodeTest {

    @Test
    void splits_a_code_into_http_status_service_and_case() {
        ResponseCode code = ResponseCode.parse("2007300");
        assertThat(code.httpStatus()).isEqualTo(200);
        assertThat(code.serviceCode()).isEqualTo(73);
        assertThat(code.service()).isEqualTo(ServiceCode.ACCESS_TOKEN_B2B);
        assertThat(code.caseCode()).isZero();
        assertThat(code.isSuccess()).isTrue();
        assertThat(code.standardMessage()).contains("Successful");
    }

    @Test
    void knows_the_standard_message_of_each_case_under_any_service() {
        assertThat(ResponseCode.parse("4017301").standardMessage()).contains("Invalid Token (B2B)");
        assertThat(ResponseCode.parse("4032714").standardMessage()).contains("Insufficient Funds");
        assertThat(ResponseCode.parse("4097301").standardMessage()).contains("Duplicate partnerReferenceNo");
        assertThat(ResponseCode.parse("5047300").is(StandardResponse.TIMEOUT)).isTrue();
        assertThat(ResponseCode.parse("4017399").standardMessage()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"200730", "20073000", "2OO7300", "200-730", " 2007300", "２００７３００", "0007300",
            "9997300", ""})
    void refuses_anything_but_seven_ascii_digits_with_a_real_http_status(String text) {
        assertThat(ResponseCode.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> ResponseCode.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seven digits");
    }

    @Test
    void refuses_null() {
        assertThatThrownBy(() -> ResponseCode.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing");
    }

    @Property(tries = 300)
    void every_valid_code_prints_and_parses_back_to_itself(@ForAll @IntRange(min = 100, max = 599) int status,
                                                            @ForAll @IntRange(min = 0, max = 99) int service,
                                                            @ForAll @IntRange(min = 0, max = 99) int caseCode) {
        ResponseCode code = ResponseCode.of(status, service, caseCode);
        assertThat(code.value()).hasSize(7);
        assertThat(ResponseCode.parse(code.value())).isEqualTo(code);
    }

    @Test
    void catalogues_nicepays_service_codes() {
        assertThat(ServiceCode.of(27)).isSameAs(ServiceCode.VA_CREATE);
        assertThat(ServiceCode.of(47).name()).isEqualTo("QRIS Generate");
        assertThat(ServiceCode.of(99).isKnown()).isFalse();
        assertThat(ServiceCode.of(99).name()).isEqualTo("Service 99");
        assertThatThrownBy(() -> ServiceCode.of(100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StandardResponse.INVALID_MANDATORY_FIELD.under(ServiceCode.ACCESS_TOKEN_B2B).value())
                .isEqualTo("4007302");
    }
}
