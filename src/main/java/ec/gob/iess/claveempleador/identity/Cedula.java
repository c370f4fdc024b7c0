package ec.gob.iess.claveempleador.identity;

/**
 * An Ecuadorian cédula de identidad: 10 digits, province, third digit below 6 and a modulo-10
 * check digit.
 *
 * <p>Input is not trimmed or otherwise normalised: deciding what user input may be cleaned up
 * belongs to the form layer, and a value type that silently rewrote its input would hide it.
 */
public record Cedula(String value) {

    public Cedula {
        IdentityDigits.cedulaDefect(value).ifPresent(reason -> {
            throw new InvalidIdentityNumberException(reason, message(reason));
        });
    }

    public static Cedula parse(String value) {
        return new Cedula(value);
    }

    public static boolean isValid(String value) {
        return IdentityDigits.cedulaDefect(value).isEmpty();
    }

    private static String message(InvalidIdentityNumberException.Reason reason) {
        return switch (reason) {
            case FORMAT -> "A cédula must be exactly 10 digits";
            case PROVINCE -> "A cédula must start with a province code 01-24 or 30";
            case THIRD_DIGIT -> "The third digit of a cédula must be 0-5";
            case CHECK_DIGIT -> "The cédula check digit does not match";
            default -> "Invalid cédula";
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
