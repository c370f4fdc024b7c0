package ec.gob.iess.claveempleador.audit;

import java.util.List;
import java.util.Locale;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Operators (Camunda administrators, HTTP Basic: {@code security/OperatorSecurityConfiguration}) read an
 * employer's audit trail, newest first, one page at a time. Staff of the centres cannot: they see earlier
 * cases on the form, without addresses or actors of other steps.
 */
@RestController
class OperatorAuditController {

    static final String PATH = "/operator/audit";
    static final int MAX_SIZE = 200;

    private final AuditTrail trail;
    private final MessageSource messages;

    OperatorAuditController(AuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> trail(@RequestParam String ruc, @RequestParam String sucursal,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Locale locale) {
        EmployerKey employer;
        try {
            employer = EmployerKey.of(ruc, sucursal);
        } catch (InvalidIdentityNumberException e) {
            return badRequest("api.problem.AUDIT_EMPLOYER_INVALID", locale);
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            return badRequest("api.problem.AUDIT_PAGE_INVALID", locale);
        }
        List<AuditEntry> events = trail.newestFirst(employer, page, size);
        return ResponseEntity.ok(new AuditPage(employer.ruc().toString(), employer.sucursal().toString(), page, size, events));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Locale locale) {
        return badRequest("api.problem.AUDIT_EMPLOYER_INVALID", locale);
    }

    private ResponseEntity<ProblemDetail> badRequest(String key, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage(key, null, locale));
        problem.setProperty("code", "VALIDATION_FAILED");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record AuditPage(String ruc, String sucursal, int page, int size, List<AuditEntry> events) {
    }
}
