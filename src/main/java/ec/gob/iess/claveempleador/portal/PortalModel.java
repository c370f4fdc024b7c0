package ec.gob.iess.claveempleador.portal;

import java.time.Duration;
import java.util.Map;

import ec.gob.iess.claveempleador.ratelimit.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every portal page shows around its content, and the answers several controllers share. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    static final String TOO_MANY_ATTEMPTS = "portal/too-many-attempts";

    /** Links to the same page in each language; the query (the link token) is kept. */
    @ModelAttribute
    void languageLinks(HttpServletRequest request, Model model) {
        model.addAttribute("spanishUrl", sameRequestWithLanguage(request, "es-EC"));
        model.addAttribute("englishUrl", sameRequestWithLanguage(request, "en"));
    }

    static String tooManyAttempts(Duration wait, HttpServletResponse response, Model model) {
        long seconds = retryAfter(wait, response);
        model.addAttribute("waitMinutes", (seconds + 59) / 60);
        return TOO_MANY_ATTEMPTS;
    }

    /** Answers 429 with a {@code Retry-After} of the wait in whole seconds (rounded up, at least one), and returns it. */
    static long retryAfter(Duration wait, HttpServletResponse response) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return seconds;
    }

    static String clientAddress(HttpServletRequest request) {
        return ClientAddress.of(request);
    }

    private static String sameRequestWithLanguage(HttpServletRequest request, String language) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if ("GET".equals(request.getMethod())) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (!parameter.getKey().equals(PortalWebConfiguration.LANGUAGE_PARAMETER)) {
                    query.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
                }
            }
        } else if (request.getParameter("token") != null) {
            // A form answered again after a POST: its link leads to the page (GET), which needs only the token.
            query.queryParam("token", request.getParameter("token"));
        }
        query.queryParam(PortalWebConfiguration.LANGUAGE_PARAMETER, language);
        return request.getRequestURI() + "?" + query.encode().build().getQuery();
    }
}
