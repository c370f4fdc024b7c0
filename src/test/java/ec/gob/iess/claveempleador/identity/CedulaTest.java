package ec.gob.iess.claveempleador.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CedulaTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "1712345675", "1704567898", "0912345675", "0922334453", "1103456784", "1711223345", "1700112236"
    })
    void theDemoCedulasParse(String demo) {
        assertThat(Cedula.parse(demo).value()).isEqualTo(demo);
        assertThat(Cedula.isValid(demo)).isTrue();
    }

    @Test
    void province30ForEcuadoriansAbroadIsAccepted() {
        assertThat(Cedula.isValid("3012345678")).isTrue();
    }

    @Test
    void toStringIsThePlainDigits() {
        assertThat(Cedula.parse("1712345675")).hasToString("1712345675");
    }

    @Test
    void cedulasWithTheSameDigitsAreEqual() {
        assertThat(Cedula.parse("1712345675")).isEqualTo(new Cedula("1712345675"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "          ", "171234567", "17123456755", "171234567a", "17-2345675", " 1712345675", "1712345675 ",
        // full-width and Arabic-Indic digits pass Character.isDigit but are not cédula digits
        "１７１２３４５６７５", "\u0661\u0667\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0665"
    })
    void anythingButTenAsciiDigitsIsAFormatError(String input) {
        assertRejected(input, Reason.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0012345675", "2512345675", "2912345675", "3112345675", "9912345675"})
    void aProvinceOutside01To24Or30IsRejected(String input) {
        assertRejected(input, Reason.PROVINCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1762345675", "1772345675", "1782345675", "1792345675"})
    void aThirdDigitOf6OrMoreIsRejected(String input) {
        assertRejected(input, Reason.THIRD_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1712345670", "1712345676", "1704567899", "0912345674"})
    void aWrongCheckDigitIsRejected(String input) {
        assertRejected(input, Reason.CHECK_DIGIT);
    }

    @Test
    void theConstructorValidatesSoThatNoInvalidCedulaCanExist() {
        assertThatThrownBy(() -> new Cedula("1712345676"))
                .isInstanceOf(InvalidIdentityNumberException.class);
    }

    @Test
    void theRejectionMessageDoesNotEchoThePersonalNumber() {
        assertThatThrownBy(() -> Cedula.parse("1712345676"))
                .message()
                .doesNotContain("1712345676");
    }

    private static void assertRejected(String input, Reason reason) {
        assertThat(Cedula.isValid(input)).isFalse();
        assertThatThrownBy(() -> Cedula.parse(input))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
