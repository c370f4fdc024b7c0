package ec.gob.iess.claveempleador.config;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where the employers and the centres are: the one home of the time zone and the language they read. */
public final class Ecuador {

    /** Times in pages, mails and case numbers are Ecuador's, whatever the server's own zone. */
    public static final ZoneId TIME_ZONE = ZoneId.of("America/Guayaquil");

    /** Spanish (Ecuador): the language of every page, mail and staff message unless English is asked for. */
    public static final Locale SPANISH = Locale.forLanguageTag("es-EC");

    /** How an employer or a clerk reads a day, a time of day, and both, in Ecuador's time. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(TIME_ZONE);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(TIME_ZONE);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(TIME_ZONE);

    private Ecuador() {
    }
}
