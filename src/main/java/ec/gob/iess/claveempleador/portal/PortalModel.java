package ec.gob.iess.claveempleador.portal;

import java.time.Duration;
import java.util.Map;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.config.Waits;
import ec.gob.iess.claveempleador.ratelimit.ClientAddress;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every portal page shows around its content, and the answers several controllers share. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    static final String TOO_MANY_ATTEMPTS = "portal/too-many-attempts";

    /** Links to the same page in each language; the query (the link token) is kept. */
    @ModelAttribute
    void languageLinks(HttpServletRequest request, Model model) {
        addLanguageLinks(request, model);
    }

    /** For answers that no {@code @ModelAttribute} method prepared: an exception handler's page. */
    static void addLanguageLinks(HttpServletRequest request, Model model) {
        model.addAttribute("spanishUrl", sameRequestWithLanguage(request, Ecuador.SPANISH.toLanguageTag()));
        model.addAttribute("englishUrl", sameRequestWithLanguage(request, "en"));
    }

    /** The pages name the code's length (the hint, the home page's steps) and size nothing by hand. */
    @ModelAttribute("otpLength")
    int otpLength() {
        return OtpCode.LENGTH;
    }

    /**
     * Every page step that a limit refuses ({@link ThrottlePolicy}, the same rules and counters as the API) answers
     * 429 with how long to wait, here in one place.
     */
    @ExceptionHandler
    String tooManyAttempts(RateLimitExceededException refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        addLanguageLinks(request, model);
        model.addAttribute("waitMinutes", Waits.minutes(retryAfter(refused, response)));
        return TOO_MANY_ATTEMPTS;
    }

    /** Answers 429 with a {@code Retry-After} of the wait in whole seconds, and returns the wait. */
    static Duration retryAfter(RateLimitExceededException refused, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        return refused.retryAfter();
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
