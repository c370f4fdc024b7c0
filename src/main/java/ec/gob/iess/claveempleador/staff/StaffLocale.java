package ec.gob.iess.claveempleador.staff;

import java.util.Locale;

import ec.gob.iess.claveempleador.config.Ecuador;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Which language a message to staff is written in. */
final class StaffLocale {

    /** Where the webapps (Tasklist) call the engine. */
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine/";

    private static final Locale SPANISH = Ecuador.SPANISH;

    private StaffLocale() {
    }

    /**
     * Tasklist is served in Spanish whatever the browser's language (its config.js), so what it shows from the
     * server is Spanish too; integrations calling /engine-rest may ask for English with Accept-Language.
     */
    static Locale of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(WEBAPP_ENGINE_API) || request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return SPANISH;
        }
        return request.getLocale();
    }
}
