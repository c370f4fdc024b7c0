package ec.gob.iess.claveempleador.identity;

import static ec.gob.iess.claveempleador.identity.IdentityDigits.digit;

import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException.Reason;
import java.io.Serializable;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ecuadorian RUC (Registro Único de Contribuyentes): 13 digits.
 *
 * <p>For natural persons the cédula part is checked strictly. For private companies and public
 * entities the modulo-11 check digit is only advisory: the SRI has issued RUCs that fail it, and
 * rejecting a real employer's RUC would lock them out, so such RUCs are accepted with a warning
 * and {@link #checkDigitVerified()} reports {@code false}.
 */
public record Ruc(String value) implements Serializable {

    private static final Logger log = LoggerFactory.getLogger(Ruc.class);

    private static final int[] PRIVATE_COMPANY_WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final int[] PUBLIC_ENTITY_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
    private static final String DOMESTIC_SERVICE_ESTABLISHMENT = "000";

    public Ruc {
        if (!IdentityDigits.isAsciiDigits(value, 13)) {
            throw new InvalidIdentityNumberException(Reason.FORMAT, "A RUC must be exactly 13 digits");
        }
        if (!IdentityDigits.hasValidProvince(value)) {
            throw new InvalidIdentityNumberException(
                    Reason.PROVINCE, "A RUC must start with a province code 01-24 or 30");
        }
        int thirdDigit = digit(value, 2);
        if (thirdDigit <= 5) {
            // Every 3-digit establishment is meaningful here (000 is domestic service), so only the
            // cédula part can be wrong.
            if (IdentityDigits.cedulaDefect(value.substring(0, 10)).isPresent()) {
                throw new InvalidIdentityNumberException(
                        Reason.CHECK_DIGIT, "The cédula part of a natural-person RUC is not a valid cédula");
            }
        } else if (thirdDigit == 6 || thirdDigit == 9) {
            if (isAllZeros(value.substring(establishmentStart(thirdDigit)))) {
                throw new InvalidIdentityNumberException(
                        Reason.ESTABLISHMENT, "The establishment number of a RUC cannot be all zeros");
            }
            // Checked after the hard rules so that only RUCs we actually accept produce a warning.
            if (!companyCheckDigitMatches(value, thirdDigit)) {
                log.warn("RUC {} fails the modulo-11 check digit; accepted because the SRI has issued such RUCs",
                        value);
            }
        } else {
            throw new InvalidIdentityNumberException(
                    Reason.THIRD_DIGIT, "The third digit of a RUC must be 0-6 or 9");
        }
    }

    public static Ruc parse(String value) {
        return new Ruc(value);
    }

    public RucKind kind() {
        int thirdDigit = digit(value, 2);
        if (thirdDigit == 9) {
            return RucKind.PRIVATE_COMPANY;
        }
        if (thirdDigit == 6) {
            return RucKind.PUBLIC_ENTITY;
        }
        return value.endsWith(DOMESTIC_SERVICE_ESTABLISHMENT) ? RucKind.DOMESTIC_SERVICE : RucKind.NATURAL_PERSON;
    }

    public boolean isDomesticService() {
        return kind() == RucKind.DOMESTIC_SERVICE;
    }

    /**
     * {@code false} only for a company or public-entity RUC accepted despite failing the modulo-11
     * check; natural-person RUCs never get this far unless their check digit matches.
     */
    public boolean checkDigitVerified() {
        int thirdDigit = digit(value, 2);
        return !(thirdDigit == 6 || thirdDigit == 9) || companyCheckDigitMatches(value, thirdDigit);
    }

    private static int establishmentStart(int thirdDigit) {
        // A public entity's check digit sits at position 9, so its establishment has 4 digits.
        return thirdDigit == 6 ? 9 : 10;
    }

    private static boolean companyCheckDigitMatches(String value, int thirdDigit) {
        int[] weights = thirdDigit == 6 ? PUBLIC_ENTITY_WEIGHTS : PRIVATE_COMPANY_WEIGHTS;
        OptionalInt expected = IdentityDigits.modulo11CheckDigit(value, weights);
        return expected.isPresent() && expected.getAsInt() == digit(value, weights.length);
    }

    private static boolean isAllZeros(String digits) {
        return digits.chars().allMatch(c -> c == '0');
    }

    @Override
    public String toString() {
        return value;
    }
}
