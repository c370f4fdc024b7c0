package ec.gob.iess.claveempleador.identity;

import java.util.Optional;
import java.util.OptionalInt;

/** Digit arithmetic shared by the cédula and RUC rules, so both apply exactly the same checks. */
final class IdentityDigits {

    private static final int[] CEDULA_COEFFICIENTS = {2, 1, 2, 1, 2, 1, 2, 1, 2};

    private IdentityDigits() {
    }

    /**
     * Only '0'–'9' count: {@link Character#isDigit(char)} would also let through full-width and
     * other Unicode digits, which no registry issues and which would break positional arithmetic.
     */
    static boolean isAsciiDigits(String candidate, int length) {
        if (candidate == null || candidate.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    /** Expects at least two ASCII digits. */
    static boolean hasValidProvince(String digits) {
        int province = digit(digits, 0) * 10 + digit(digits, 1);
        // 30 is assigned to Ecuadorians registered abroad.
        return (province >= 1 && province <= 24) || province == 30;
    }

    /** Returns why {@code candidate} is not a cédula, or empty when it is one. */
    static Optional<InvalidIdentityNumberException.Reason> cedulaDefect(String candidate) {
        if (!isAsciiDigits(candidate, 10)) {
            return Optional.of(InvalidIdentityNumberException.Reason.FORMAT);
        }
        if (!hasValidProvince(candidate)) {
            return Optional.of(InvalidIdentityNumberException.Reason.PROVINCE);
        }
        if (digit(candidate, 2) >= 6) {
            return Optional.of(InvalidIdentityNumberException.Reason.THIRD_DIGIT);
        }
        if (cedulaCheckDigit(candidate) != digit(candidate, 9)) {
            return Optional.of(InvalidIdentityNumberException.Reason.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    private static int cedulaCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < CEDULA_COEFFICIENTS.length; i++) {
            int product = digit(digits, i) * CEDULA_COEFFICIENTS[i];
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Modulo-11 check digit over the leading digits, one weight per digit. Empty when the rule
     * yields 10, for which no single check digit exists.
     */
    static OptionalInt modulo11CheckDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return OptionalInt.of(0);
        }
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check);
    }
}
