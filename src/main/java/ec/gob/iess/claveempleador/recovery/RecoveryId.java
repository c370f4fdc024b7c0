package ec.gob.iess.claveempleador.recovery;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A recovery's id as the employer's pages and API clients send it back: a UUID, in any letter case. */
public record RecoveryId(String value) {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public RecoveryId {
        if (value == null || !UUID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a recovery id");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** The id (as stored: lower case), or empty when the text cannot be a recovery id at all. */
    public static Optional<RecoveryId> parse(String text) {
        return text != null && UUID.matcher(text).matches() ? Optional.of(new RecoveryId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
