package ec.gob.iess.claveempleador.api;

import java.util.List;
import java.util.Set;

import ec.gob.iess.claveempleador.config.Waits;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the API into a problem detail with a stable {@code code}: bad JSON, wrong media
 * type, refused fields, rate limits, and (logged) the unexpected. Bad input never becomes a 500.
 * Scoped to the API's controllers, so the portal pages keep their own error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Set<String> REQUIRED_CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty");

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), fieldCode(error)))
                .distinct()
                .toList();
        return invalidFields(fields, servletRequest(request));
    }

    @ExceptionHandler
    ResponseEntity<Object> handleInvalidFields(InvalidFieldsException ex, HttpServletRequest request) {
        return invalidFields(ex.problems(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> handleRateLimited(RateLimitExceededException ex, HttpServletRequest request) {
        log.info("Refused a call to {}: {}", request.getRequestURI(), ex.getMessage());
        ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", request, Waits.minutes(ex.retryAfter()));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
        return problems.answer(problem, headers);
    }

    /** Spring Security's firewall checks header values only when they are read, which reading the body does. */
    @ExceptionHandler
    ResponseEntity<Object> handleRejected(RequestRejectedException ex, HttpServletRequest request) {
        log.debug("Rejected a call to {}: {}", request.getRequestURI(), ex.getMessage());
        return problems.answer(problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", request));
    }

    @ExceptionHandler
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problems.answer(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", request));
    }

    /** Everything Spring MVC itself refuses (unreadable body, media type, method, missing resource…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        if (statusCode.is5xxServerError()) {
            log.error("Failure answering {} {}", servletRequest.getMethod(), servletRequest.getRequestURI(), ex);
        }
        ProblemDetail problem = problems.problem(statusCode, codeFor(statusCode), servletRequest);
        return problems.answer(problem, headers);
    }

    private ResponseEntity<Object> invalidFields(List<FieldProblem> fields, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", request);
        problems.addFieldErrors(problem, fields, request);
        return problems.answer(problem);
    }

    private static String fieldCode(FieldError error) {
        String constraint = error.getCode() == null ? "" : error.getCode();
        if (REQUIRED_CONSTRAINTS.contains(constraint)) {
            return "REQUIRED";
        }
        return switch (constraint) {
            case "Pattern" -> "FORMAT";
            case "Size" -> "LENGTH";
            case "WellFormedText" -> "ENCODING";
            default -> error.isBindingFailure() ? "FORMAT" : "INVALID";
        };
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }
}
