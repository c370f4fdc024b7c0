package ec.gob.iess.claveempleador.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmployerKeyTest {

    @Test
    void aCompanyMayHaveAnySucursal() {
        EmployerKey key = EmployerKey.of("1790012344001", "0003");

        assertThat(key.ruc()).isEqualTo(Ruc.parse("1790012344001"));
        assertThat(key.sucursal()).isEqualTo(Sucursal.parse("0003"));
    }

    @Test
    void aDomesticServiceEmployerGoesWithSucursal0001() {
        EmployerKey key = EmployerKey.of("0912345675000", "0001");

        assertThat(key.ruc().isDomesticService()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0002", "0010", "9999"})
    void aDomesticServiceEmployerWithAnotherSucursalIsRejected(String sucursal) {
        assertThatThrownBy(() -> EmployerKey.of("0912345675000", sucursal))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DOMESTIC_SERVICE_SUCURSAL));
    }

    @Test
    void anInvalidPartIsReportedWithItsOwnReason() {
        assertThatThrownBy(() -> EmployerKey.of("1790012344001", "0000"))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SUCURSAL));
        assertThatThrownBy(() -> EmployerKey.of("1770012344001", "0001"))
                .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.THIRD_DIGIT));
    }

    @Test
    void toStringIsTheRucDigitsFollowedByTheSucursalDigits() {
        assertThat(EmployerKey.of("1704567898001", "0002")).hasToString("17045678980010002");
    }

    @Test
    void keysWithTheSameDigitsAreEqual() {
        assertThat(EmployerKey.of("1790012344001", "0001"))
                .isEqualTo(new EmployerKey(Ruc.parse("1790012344001"), Sucursal.MAIN));
    }
}
