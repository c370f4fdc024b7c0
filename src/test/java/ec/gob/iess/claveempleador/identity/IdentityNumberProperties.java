package ec.gob.iess.claveempleador.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IdentityNumberProperties {

    @Property
    void everyGeneratedValidCedulaParses(@ForAll("cedulas") String cedula) {
        assertThat(Cedula.parse(cedula)).hasToString(cedula);
        assertThat(Cedula.isValid(cedula)).isTrue();
    }

    /*
     * Holds for every position: at a weight-1 position the sum shifts by the digit change (1..9,
     * never a multiple of 10); at a weight-2 position d -> (2d > 9 ? 2d - 9 : 2d) is a bijection on
     * 0..9, so the contribution changes by 1..9 as well; and a changed 10th digit no longer equals
     * the unchanged check digit. Province or third-digit changes may fail earlier, which is fine.
     */
    @Property
    void anySingleDigitChangeOfAValidCedulaIsRejected(@ForAll("changedCedulas") String changed) {
        assertThat(Cedula.isValid(changed)).isFalse();
        assertThatThrownBy(() -> Cedula.parse(changed)).isInstanceOf(InvalidIdentityNumberException.class);
    }

    @Property
    void everyGeneratedNaturalPersonRucParsesAsANaturalPerson(@ForAll("naturalPersonRucs") String ruc) {
        Ruc parsed = Ruc.parse(ruc);

        assertThat(parsed.kind()).isEqualTo(RucKind.NATURAL_PERSON);
        assertThat(parsed).hasToString(ruc);
    }

    @Property
    void everyGeneratedDomesticServiceRucParsesAndGoesWithSucursal0001(@ForAll("domesticServiceRucs") String ruc) {
        Ruc parsed = Ruc.parse(ruc);

        assertThat(parsed.kind()).isEqualTo(RucKind.DOMESTIC_SERVICE);
        assertThat(EmployerKey.of(ruc, "0001").ruc()).isEqualTo(parsed);
    }

    @Property
    void everyGeneratedPrivateCompanyRucParsesWithAVerifiedCheckDigit(@ForAll("privateCompanyRucs") String ruc) {
        Ruc parsed = Ruc.parse(ruc);

        assertThat(parsed.kind()).isEqualTo(RucKind.PRIVATE_COMPANY);
        assertThat(parsed.checkDigitVerified()).isTrue();
    }

    @Property
    void everyGeneratedPublicEntityRucParsesWithAVerifiedCheckDigit(@ForAll("publicEntityRucs") String ruc) {
        Ruc parsed = Ruc.parse(ruc);

        assertThat(parsed.kind()).isEqualTo(RucKind.PUBLIC_ENTITY);
        assertThat(parsed.checkDigitVerified()).isTrue();
    }

    /*
     * Restricted to the cédula part: the establishment accepts every 3-digit value. The third digit
     * only moves within 0..5 here, because 6 or 9 turns the number into a public-entity or company
     * RUC whose check digit is soft, which the next property covers.
     */
    @Property
    void anySingleDigitChangeInTheCedulaPartOfANaturalPersonRucIsRejected(
            @ForAll("naturalPersonRucsChangedWithinTheCedulaPart") String changed) {
        assertThatThrownBy(() -> Ruc.parse(changed)).isInstanceOf(InvalidIdentityNumberException.class);
    }

    @Property
    void changingTheThirdDigitOfANaturalPersonRucNeverYieldsAnotherPersonsRuc(
            @ForAll("naturalPersonRucs") String ruc, @ForAll("thirdDigitsOutsideNaturalPersons") char thirdDigit) {
        String changed = ruc.substring(0, 2) + thirdDigit + ruc.substring(3);

        try {
            assertThat(Ruc.parse(changed).kind()).isIn(RucKind.PRIVATE_COMPANY, RucKind.PUBLIC_ENTITY);
        } catch (InvalidIdentityNumberException rejected) {
            // being rejected outright is the other acceptable outcome
        }
    }

    @Property
    void everyGeneratedSucursalParses(@ForAll("sucursales") String sucursal) {
        assertThat(Sucursal.parse(sucursal)).hasToString(sucursal);
    }

    @Provide
    Arbitrary<String> cedulas() {
        return IdentityArbitraries.cedulas();
    }

    @Provide
    Arbitrary<String> changedCedulas() {
        return singleDigitChanges(IdentityArbitraries.cedulas(), 10, false);
    }

    @Provide
    Arbitrary<String> naturalPersonRucs() {
        return IdentityArbitraries.naturalPersonRucs();
    }

    @Provide
    Arbitrary<String> naturalPersonRucsChangedWithinTheCedulaPart() {
        return singleDigitChanges(
                Arbitraries.oneOf(IdentityArbitraries.naturalPersonRucs(), IdentityArbitraries.domesticServiceRucs()),
                10, true);
    }

    @Provide
    Arbitrary<Character> thirdDigitsOutsideNaturalPersons() {
        return Arbitraries.of('6', '7', '8', '9');
    }

    @Provide
    Arbitrary<String> domesticServiceRucs() {
        return IdentityArbitraries.domesticServiceRucs();
    }

    @Provide
    Arbitrary<String> privateCompanyRucs() {
        return IdentityArbitraries.privateCompanyRucs();
    }

    @Provide
    Arbitrary<String> publicEntityRucs() {
        return IdentityArbitraries.publicEntityRucs();
    }

    @Provide
    Arbitrary<String> sucursales() {
        return IdentityArbitraries.sucursales();
    }

    /**
     * Replaces one digit among the first {@code positions} by a different digit. Built by offset
     * rather than by filtering so that no tries are discarded.
     */
    private static Arbitrary<String> singleDigitChanges(
            Arbitrary<String> valid, int positions, boolean keepThirdDigitNatural) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, positions - 1);
        Arbitrary<Integer> offset = Arbitraries.integers().between(1, 9);
        return Combinators.combine(valid, position, offset).as((number, at, by) -> {
            int original = number.charAt(at) - '0';
            int replacement = keepThirdDigitNatural && at == 2
                    ? (original + 1 + by % 5) % 6
                    : (original + by) % 10;
            return number.substring(0, at) + replacement + number.substring(at + 1);
        });
    }
}
