package ec.gob.iess.claveempleador.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class RucTest {

    private final Logger rucLogger = (Logger) LoggerFactory.getLogger(Ruc.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureRucLog() {
        logged.start();
        rucLogger.addAppender(logged);
    }

    @AfterEach
    void releaseRucLog() {
        rucLogger.detachAppender(logged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1790012344001", "0990123454001", "1791112229001", "1792223334001"})
    void theDemoPrivateCompanyRucsParseAndPassTheCheckDigitStrictly(String demo) {
        Ruc ruc = Ruc.parse(demo);

        assertThat(ruc.kind()).isEqualTo(RucKind.PRIVATE_COMPANY);
        assertThat(ruc.checkDigitVerified()).isTrue();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void theDemoPublicEntityRucParsesAndPassesTheCheckDigitStrictly() {
        Ruc ruc = Ruc.parse("1760012320001");

        assertThat(ruc.kind()).isEqualTo(RucKind.PUBLIC_ENTITY);
        assertThat(ruc.checkDigitVerified()).isTrue();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void theDemoNaturalPersonRucParsesAsANaturalPerson() {
        Ruc ruc = Ruc.parse("1704567898001");

        assertThat(ruc.kind()).isEqualTo(RucKind.NATURAL_PERSON);
        assertThat(ruc.isDomesticService()).isFalse();
        assertThat(ruc.checkDigitVerified()).isTrue();
    }

    @Test
    void theDemoDomesticServiceRucIsACedulaFollowedBy000() {
        Ruc ruc = Ruc.parse("0912345675000");

        assertThat(ruc.kind()).isEqualTo(RucKind.DOMESTIC_SERVICE);
        assertThat(ruc.isDomesticService()).isTrue();
    }

    @Test
    void toStringIsThePlainDigits() {
        assertThat(Ruc.parse("1790012344001")).hasToString("1790012344001");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1790012345001", // check digit off by one
        "1790000010001", // modulo-11 yields 10: no digit could ever match
    })
    void aPrivateCompanyRucFailingModulo11IsAcceptedWithAWarning(String input) {
        Ruc ruc = Ruc.parse(input);

        assertThat(ruc.kind()).isEqualTo(RucKind.PRIVATE_COMPANY);
        assertThat(ruc.checkDigitVerified()).isFalse();
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(input);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1760012330001", // check digit off by one
        "1760000400001", // modulo-11 yields 10: no digit could ever match
    })
    void aPublicEntityRucFailingModulo11IsAcceptedWithAWarning(String input) {
        Ruc ruc = Ruc.parse(input);

        assertThat(ruc.kind()).isEqualTo(RucKind.PUBLIC_ENTITY);
        assertThat(ruc.checkDigitVerified()).isFalse();
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(input);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "             ", "179001234400", "17900123440011", "179001234400a", "1704567898", " 1790012344001",
        "１７９００１２３４４００１"
    })
    void anythingButThirteenAsciiDigitsIsAFormatError(String input) {
        assertRejected(input, Reason.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0090012344001", "2590012344001", "3104567898001", "9960012320001"})
    void aProvinceOutside01To24Or30IsRejected(String input) {
        assertRejected(input, Reason.PROVINCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1770012344001", "1780012344001"})
    void thirdDigits7And8AreRejected(String input) {
        assertRejected(input, Reason.THIRD_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1704567899001", "1704567897000", "0912345674001"})
    void aNaturalPersonRucWhoseCedulaPartFailsIsRejected(String input) {
        assertRejected(input, Reason.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1790012344000", "1760012320000"})
    void aCompanyOrPublicEntityWithEstablishmentZeroIsRejected(String input) {
        assertRejected(input, Reason.ESTABLISHMENT);
    }

    @Test
    void aRejectedRucWithAWrongCheckDigitLogsNoWarning() {
        assertRejected("1790012345000", Reason.ESTABLISHMENT);

        assertThat(logged.list).isEmpty();
    }

    private static void assertRejected(String input, Reason reason) {
        assertThatThrownBy(() -> Ruc.parse(input))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
