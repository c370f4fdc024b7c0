package ec.gob.iess.claveempleador.recovery;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The one-time code mailed to the employer. Its length is defined here only: the code's generation, the
 * API's validation and documentation, the portal's form and every message that names the length read it from here.
 */
public final class OtpCode {

    /** How many digits a code has. */
    public static final int LENGTH = 6;

    /** The code on the wire: exactly {@link #LENGTH} digits (a constant, so annotations can use it). */
    public static final String PATTERN = "\\d{" + LENGTH + "}";
    /** What {@link #parse} accepts, as a pattern for validating what a person typed or pasted: the digits, anything between. */
    public static final String TYPED_PATTERN = "[^0-9]*(?:[0-9][^0-9]*){" + LENGTH + "}";

    private static final long BOUND = (long) Math.pow(10, LENGTH);

    private final String digits;

    private OtpCode(String digits) {
        this.digits = digits;
    }

    /**
     * The code the employer typed or pasted: spaces and anything else that is not a digit are dropped first
     * (" 992 252" from a mail), then it must have exactly {@link #LENGTH} digits.
     */
    public static Optional<OtpCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.codePoints()
                .filter(c -> c >= '0' && c <= '9')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return digits.length() == LENGTH ? Optional.of(new OtpCode(digits)) : Optional.empty();
    }

    /** A fresh code, uniformly drawn; leading zeros are kept. */
    public static OtpCode generate(SecureRandom random) {
        return new OtpCode(format(random.nextLong(BOUND)));
    }

    /** An example code for documentation: the first digits counted up. */
    public static String example() {
        StringBuilder example = new StringBuilder();
        for (int i = 1; i <= LENGTH; i++) {
            example.append(i % 10);
        }
        return example.toString();
    }

    /** The digits, as mailed and as hashed. */
    public String digits() {
        return digits;
    }

    private static String format(long value) {
        return String.format("%0" + LENGTH + "d", value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OtpCode code && code.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** A code is a secret: it never reaches a log through {@code toString}. */
    @Override
    public String toString() {
        return "OtpCode[" + "*".repeat(LENGTH) + "]";
    }
}
