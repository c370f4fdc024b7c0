package ec.gob.iess.claveempleador.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpCodeTest {

    private static final String DIGITS = OtpCode.example();

    @Test
    void theCodeIsExactlyItsLengthInDigits() {
        assertThat(OtpCode.parse(DIGITS)).hasValueSatisfying(code -> assertThat(code.digits()).isEqualTo(DIGITS));
        assertThat(DIGITS).hasSize(OtpCode.LENGTH).matches(OtpCode.PATTERN);
    }

    @Test
    void spacesAndOtherNonDigitsAreDroppedBeforeTheLengthIsChecked() {
        String pasted = " " + DIGITS.substring(0, 3) + " " + DIGITS.substring(3) + "\t";
        String withSeparators = String.join("-", DIGITS.split(""));

        assertThat(OtpCode.parse(pasted)).map(OtpCode::digits).hasValue(DIGITS);
        assertThat(OtpCode.parse(withSeparators)).map(OtpCode::digits).hasValue(DIGITS);
        assertThat(OtpCode.parse("\u00a0" + DIGITS + "\n")).map(OtpCode::digits).hasValue(DIGITS);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "   ", "1", "٠١٢٣٤٥٦٧"})
    void textWithoutExactlyTheLengthInDigitsIsNoCode(String text) {
        assertThat(OtpCode.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", " 992 252", "992-252", "9 9 2 2 5 2", "abc", "99225a"})
    void theTypedPatternAcceptsExactlyWhatParseAccepts(String typed) {
        assertThat(typed.matches(OtpCode.TYPED_PATTERN)).as(typed).isEqualTo(OtpCode.parse(typed).isPresent());
    }

    @Test
    void oneDigitTooFewOrTooManyIsNoCode() {
        assertThat(OtpCode.parse(DIGITS.substring(1))).isEmpty();
        assertThat(OtpCode.parse(DIGITS + "0")).isEmpty();
    }

    @Test
    void generatedCodesHaveTheLengthAndKeepLeadingZeros() {
        // A generator that always draws 42 must still give a full-length code.
        SecureRandom fixed = new SecureRandom() {
            @Override
            public long nextLong(long bound) {
                return 42;
            }
        };

        String code = OtpCode.generate(fixed).digits();

        assertThat(code).hasSize(OtpCode.LENGTH).endsWith("42").startsWith("0");
    }

    @Test
    void generatedCodesAreDrawnFromTheWholeRange() {
        SecureRandom random = new SecureRandom();
        Set<Character> firstDigits = new HashSet<>();

        IntStream.range(0, 2_000).forEach(i -> {
            String code = OtpCode.generate(random).digits();
            assertThat(code).matches(OtpCode.PATTERN);
            firstDigits.add(code.charAt(0));
        });

        assertThat(firstDigits).as("every leading digit, zero included, occurs").hasSize(10);
    }

    @Test
    void aCodeNeverShowsItsDigitsInALog() {
        OtpCode code = OtpCode.parse(DIGITS).orElseThrow();

        assertThat(code.toString()).doesNotContain(DIGITS);
        assertThat(code).isEqualTo(OtpCode.parse(" " + DIGITS).orElseThrow());
    }
}
