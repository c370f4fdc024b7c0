package ec.gob.iess.claveempleador.recovery;

import static ec.gob.iess.claveempleador.employer.EmployerTestData.anEmployer;
import static org.assertj.core.api.Assertions.assertThat;

import ec.gob.iess.claveempleador.employer.EmployerTestData.EmployerBuilder;
import ec.gob.iess.claveempleador.employer.RucStatus;
import org.junit.jupiter.api.Test;

/** Which reason sends an employer to a centre when several apply: the SRI's standing first, then the e-mail, then the clave. */
class AssistedReasonTest {

    private static final boolean HAS_CLAVE = true;
    private static final boolean NEVER_HAD_A_CLAVE = false;

    @Test
    void anActiveEmployerWithAnAddressAndAClaveRecoversOnline() {
        assertThat(AssistedReason.of(anEmployer().build(), HAS_CLAVE)).isEmpty();
    }

    @Test
    void aSuspendedRucWinsOverEveryOtherReason() {
        EmployerBuilder suspended = anEmployer().withRucStatus(RucStatus.SUSPENDED);

        assertThat(AssistedReason.of(suspended.build(), HAS_CLAVE)).contains(AssistedReason.RUC_SUSPENDED);
        assertThat(AssistedReason.of(suspended.withoutEmail().build(), NEVER_HAD_A_CLAVE)).contains(AssistedReason.RUC_SUSPENDED);
    }

    @Test
    void aClosedRucWinsOverAMissingAddressAndAMissingClave() {
        EmployerBuilder closed = anEmployer().withRucStatus(RucStatus.CLOSED);

        assertThat(AssistedReason.of(closed.build(), HAS_CLAVE)).contains(AssistedReason.RUC_CLOSED);
        assertThat(AssistedReason.of(closed.withoutEmail().build(), NEVER_HAD_A_CLAVE)).contains(AssistedReason.RUC_CLOSED);
    }

    @Test
    void noUsableAddressWinsOverAMissingClave() {
        assertThat(AssistedReason.of(anEmployer().withoutEmail().build(), HAS_CLAVE)).contains(AssistedReason.NO_VALID_EMAIL);
        assertThat(AssistedReason.of(anEmployer().withoutEmail().build(), NEVER_HAD_A_CLAVE)).contains(AssistedReason.NO_VALID_EMAIL);
        assertThat(AssistedReason.of(anEmployer().withEmail("talento.humano@sin-dominio").build(), NEVER_HAD_A_CLAVE))
                .as("an address that cannot receive mail").contains(AssistedReason.NO_VALID_EMAIL);
    }

    @Test
    void anEmployerThatNeverHadAClaveGoesToACentreLast() {
        assertThat(AssistedReason.of(anEmployer().build(), NEVER_HAD_A_CLAVE)).contains(AssistedReason.FIRST_TIME_KEY);
    }
}
