package ec.gob.iess.claveempleador.recovery;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a recovery id looks like on the outside: a UUID, in any letter case. */
public final class RecoveryId {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RecoveryId() {
    }

    /** The id as stored (lower case), or empty when the text cannot be a recovery id at all. */
    public static Optional<String> parse(String text) {
        return text != null && UUID.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
