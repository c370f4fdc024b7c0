package ec.gob.iess.claveempleador.identity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid identity numbers. The check digits are computed here, independently of the
 * production code, so that a property does not merely compare the implementation with itself.
 */
public final class IdentityArbitraries {

    private IdentityArbitraries() {
    }

    public static Arbitrary<String> provinces() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 24), Arbitraries.just(30))
                .map(province -> String.format("%02d", province));
    }

    public static Arbitrary<String> cedulas() {
        Arbitrary<String> thirdDigit = Arbitraries.integers().between(0, 5).map(String::valueOf);
        Arbitrary<String> sixDigits = Arbitraries.strings().numeric().ofLength(6);
        return Combinators.combine(provinces(), thirdDigit, sixDigits)
                .as((province, third, rest) -> {
                    String firstNine = province + third + rest;
                    return firstNine + cedulaCheckDigit(firstNine);
                });
    }

    public static Arbitrary<String> naturalPersonRucs() {
        Arbitrary<String> establishment = Arbitraries.integers().between(1, 999).map(n -> String.format("%03d", n));
        return Combinators.combine(cedulas(), establishment).as(String::concat);
    }

    public static Arbitrary<String> domesticServiceRucs() {
        return cedulas().map(cedula -> cedula + "000");
    }

    /** Bases whose modulo-11 rule yields 10 are skipped: no digit can make them verify. */
    public static Arbitrary<String> privateCompanyRucs() {
        Arbitrary<String> sixDigits = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> establishment = Arbitraries.integers().between(1, 999).map(n -> String.format("%03d", n));
        return Combinators.combine(provinces(), sixDigits, establishment)
                .as((province, rest, est) -> {
                    String firstNine = province + "9" + rest;
                    int check = modulo11(firstNine, new int[] {4, 3, 2, 7, 6, 5, 4, 3, 2});
                    return check == 10 ? null : firstNine + check + est;
                })
                .filter(ruc -> ruc != null);
    }

    public static Arbitrary<String> publicEntityRucs() {
        Arbitrary<String> fiveDigits = Arbitraries.strings().numeric().ofLength(5);
        Arbitrary<String> establishment = Arbitraries.integers().between(1, 9999).map(n -> String.format("%04d", n));
        return Combinators.combine(provinces(), fiveDigits, establishment)
                .as((province, rest, est) -> {
                    String firstEight = province + "6" + rest;
                    int check = modulo11(firstEight, new int[] {3, 2, 7, 6, 5, 4, 3, 2});
                    return check == 10 ? null : firstEight + check + est;
                })
                .filter(ruc -> ruc != null);
    }

    public static Arbitrary<String> sucursales() {
        return Arbitraries.integers().between(1, 9999).map(n -> String.format("%04d", n));
    }

    static int cedulaCheckDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (firstNine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    /** Returns 10 when no check digit exists. */
    static int modulo11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
