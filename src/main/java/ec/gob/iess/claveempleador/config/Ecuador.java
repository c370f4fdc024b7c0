package ec.gob.iess.claveempleador.config;

import java.time.ZoneId;
import java.util.Locale;

/** Where the employers and the centres are: the one home of the time zone and the language they read. */
public final class Ecuador {

    /** Times in pages, mails and case numbers are Ecuador's, whatever the server's own zone. */
    public static final ZoneId TIME_ZONE = ZoneId.of("America/Guayaquil");

    /** Spanish (Ecuador): the language of every page, mail and staff message unless English is asked for. */
    public static final Locale SPANISH = Locale.forLanguageTag("es-EC");

    private Ecuador() {
    }
}
