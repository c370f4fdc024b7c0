package ec.gob.iess.claveempleador.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SucursalTest {

    @ParameterizedTest
    @ValueSource(strings = {"0001", "0002", "0100", "9999"})
    void fourDigitsFrom0001To9999Parse(String input) {
        assertThat(Sucursal.parse(input)).hasToString(input);
    }

    @Test
    void sucursal0000IsRejected() {
        assertThatThrownBy(() -> Sucursal.parse("0000"))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SUCURSAL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"    ", "1", "001", "00001", "000a", " 001", "１２３４"})
    void anythingButFourAsciiDigitsIsAFormatError(String input) {
        assertThatThrownBy(() -> Sucursal.parse(input))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT));
    }
}
