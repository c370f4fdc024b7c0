package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * Our answers on the engine's APIs take the engine's own error shape ({@code {type, message, code}}): Tasklist shows
 * the message, and an integration reads them as it reads the engine's.
 */
final class EngineErrorAnswer {

    private EngineErrorAnswer() {
    }

    static void write(HttpServletResponse response, ObjectMapper json, int status, Map<String, ?> error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }
}
