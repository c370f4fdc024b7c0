package ec.gob.iess.claveempleador.credential;

import static ec.gob.iess.claveempleador.employer.EmployerTestData.anEmployer;
import static ec.gob.iess.claveempleador.employer.EmployerTestData.anEmployerLike;
import static org.assertj.core.api.Assertions.assertThat;

import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The clave policy on its own: each refusal, and what it does not refuse. */
class PasswordPolicyTest {

    private static final String GOOD_CLAVE = "tortuga violeta cruza el puente del Guayas";

    // As application.yaml sets them: 15 to 128 code points.
    private final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(15, 128, null));
    private final Employer andina = anEmployer().build();
    private final Employer pesquera = anEmployerLike(DemoEmployers.PESQUERA).build();

    @Test
    void aLongUnguessablePhraseWithNothingOfTheEmployerPasses() {
        assertThat(policy.check(GOOD_CLAVE, andina)).isEmpty();
        assertThat(policy.check(GOOD_CLAVE, pesquera)).isEmpty();
    }

    @Test
    void aShortClaveIsTooShort() {
        assertThat(policy.check("corta", andina)).contains(PolicyViolation.TOO_SHORT);
        assertThat(policy.check("", andina)).containsExactly(PolicyViolation.TOO_SHORT);
    }

    @Test
    void theLengthCountsCharactersNotUtf16Units() {
        // Eight turtles are sixteen UTF-16 units but eight characters.
        String turtles = "🐢".repeat(8);

        assertThat(turtles).hasSize(16);
        assertThat(policy.check(turtles, andina)).contains(PolicyViolation.TOO_SHORT);
    }

    @Test
    void aClaveOverTheMaximumIsOnlyTooLong() {
        String tooLong = (GOOD_CLAVE + " ").repeat(4).substring(0, 129);

        assertThat(policy.check(tooLong, andina)).containsExactly(PolicyViolation.TOO_LONG);
        assertThat(policy.check(tooLong.substring(0, 128), andina)).doesNotContain(PolicyViolation.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contrasena123456789", "aaaaaaaaaaaaaaaaaaaa", "qwertyuiopasdfghjkl", "123456789012345678"})
    void aGuessableClaveIsRefusedWhateverItsLength(String guessable) {
        assertThat(policy.check(guessable, andina)).containsExactly(PolicyViolation.TOO_GUESSABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tortuga violeta 1790012344 cruza el puente",     // the RUC's first ten digits
            "tortuga violeta 17-9001-2344 cruza el puente",   // the same, split by dashes
            "tortuga 1712345675 violeta cruza el puente",     // the representative's cédula
            "tortuga 171 234 5675 violeta cruza el puente"    // the same, split by spaces
    })
    void theEmployersNumbersInsideTheClaveAreRefused(String clave) {
        assertThat(policy.check(clave, andina)).contains(PolicyViolation.CONTAINS_IDENTITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tortuga violeta PACIFICO cruza el puente",   // upper case, no accent; the name has one
            "tortuga violeta pacífico cruza el puente",   // as written in the name
            "tortuga violeta Pesquera cruza el puente",
            "pesqueradelpacifico tortuga violeta cruza"   // the whole name run together
    })
    void theEmployersNameInsideTheClaveIsRefusedWhateverItsCaseAndAccents(String clave) {
        assertThat(policy.check(clave, pesquera)).contains(PolicyViolation.CONTAINS_IDENTITY);
    }

    @Test
    void anAccentInTheClaveMatchesANameWrittenWithout() {
        Employer withoutAccents = anEmployer().withName("Ferreteria Ñandu Cia. Ltda.").build();

        assertThat(policy.check("tortuga violeta FERRETERÍA cruza el puente", withoutAccents))
                .contains(PolicyViolation.CONTAINS_IDENTITY);
    }

    @Test
    void shortWordsAndTheLegalFormOfTheNameDoNotCount() {
        // "del" is in Pesquera del Pacífico Cía. Ltda.; "cia" and "ltda" only say it is a company.
        assertThat(policy.check("tortuga violeta cruza el puente del Guayas cia ltda", pesquera))
                .doesNotContain(PolicyViolation.CONTAINS_IDENTITY);
    }

    @Test
    void theLimitsComeFromConfiguration() {
        PasswordPolicy stricter = new PasswordPolicy(new PasswordProperties(50, 60, null));
        String sixtyOne = (GOOD_CLAVE + " ").repeat(2).substring(0, 61);

        assertThat(stricter.minLength()).isEqualTo(50);
        assertThat(stricter.maxLength()).isEqualTo(60);
        assertThat(stricter.check(GOOD_CLAVE, andina)).containsExactly(PolicyViolation.TOO_SHORT);
        assertThat(stricter.check(sixtyOne, andina)).containsExactly(PolicyViolation.TOO_LONG);
        assertThat(policy.check(GOOD_CLAVE, andina)).isEmpty();
    }
}
