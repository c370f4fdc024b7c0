package ec.gob.iess.claveempleador.api;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the API's answers in the caller's language: problem details (RFC 9457) with a stable {@code code}
 * and a {@code detail} from {@code i18n/api.properties}. The language comes from {@code Accept-Language}
 * alone (Spanish unless English is preferred), whatever the pages keep in their session or cookie.
 */
@Component
class ApiProblems {


    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    ProblemDetail problem(HttpStatusCode status, String code, HttpServletRequest request, Object... detailArguments) {
        return problem(status, code, "api.problem." + code, request, detailArguments);
    }

    ProblemDetail problem(HttpStatusCode status, String code, String detailKey, HttpServletRequest request, Object... detailArguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(detailKey, locale(request), detailArguments));
        problem.setProperty("code", code);
        return problem;
    }

    ResponseEntity<Object> answer(ProblemDetail problem) {
        return answer(problem, new HttpHeaders());
    }

    ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The {@code errors} member: one entry per refused field, in a stable order. */
    void addFieldErrors(ProblemDetail problem, List<FieldProblem> fieldProblems, HttpServletRequest request) {
        Locale locale = locale(request);
        problem.setProperty("errors", fieldProblems.stream()
                .sorted()
                .map(p -> new ApiModel.FieldErrorItem(p.field(), p.code(), fieldMessage(p, locale)))
                .toList());
    }

    String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    Locale locale(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Ecuador.SPANISH;
        }
        for (Locale preferred : Collections.list(request.getLocales())) {
            if ("es".equals(preferred.getLanguage())) {
                return Ecuador.SPANISH;
            }
            if ("en".equals(preferred.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Ecuador.SPANISH;
    }

    private String fieldMessage(FieldProblem problem, Locale locale) {
        // The one number a field's message names that its key does not: the code's length ({0}).
        Object[] arguments = {OtpCode.LENGTH};
        String specific = messages.getMessage("api.field." + problem.field() + "." + problem.code(), arguments, null, locale);
        return specific != null ? specific : message("api.field." + problem.code(), locale, arguments);
    }
}
