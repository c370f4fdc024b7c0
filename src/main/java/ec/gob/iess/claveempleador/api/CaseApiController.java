package ec.gob.iess.claveempleador.api;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.api.ApiModel.ProblemDocumentation;
import ec.gob.iess.claveempleador.api.CaseApiModel.CaseProblemDocumentation;
import ec.gob.iess.claveempleador.api.CaseApiModel.CaseRequest;
import ec.gob.iess.claveempleador.api.CaseApiModel.CaseResponse;
import ec.gob.iess.claveempleador.api.CaseApiModel.NewLinkResponse;
import ec.gob.iess.claveempleador.ratelimit.ClientAddress;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseView;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkRefused;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkResult;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An assisted case from the employer's side: where it stands, and a new link for an approved case whose link
 * expired or never arrived. POST, so that the RUC and cédula never sit in a URL or an access log.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json", consumes = "application/json")
@Tag(name = "Casos de atención asistida", description = "Consultar un caso de un Centro de Atención Universal y pedir un enlace nuevo")
class CaseApiController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final DateTimeFormatter DATE = Ecuador.DATE;
    private static final DateTimeFormatter TIME = Ecuador.TIME;

    private final AssistedCases cases;
    private final ThrottlePolicy throttle;
    private final ApiProblems problems;

    CaseApiController(AssistedCases cases, ThrottlePolicy throttle, ApiProblems problems) {
        this.cases = cases;
        this.throttle = throttle;
        this.problems = problems;
    }

    @PostMapping("/lookup")
    @Operation(summary = "Consultar un caso de atención asistida",
            description = "Con el número de caso, el RUC y la cédula del representante legal actual: el estado del caso, el motivo, "
                    + "la fecha límite y qué hacer. Un caso inexistente y datos que no coinciden reciben la misma respuesta 404.")
    @ApiResponse(responseCode = "200", description = "El caso", content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (con errors) o MALFORMED_REQUEST", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "404", description = "CASE_NOT_FOUND: no hay un caso con ese número, RUC y cédula (sin decir cuál no coincide)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED, con la cabecera Retry-After", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> lookup(@Valid @RequestBody CaseRequest body, HttpServletRequest request) {
        IdentityFields.CaseHolder holder = IdentityFields.rucAndRepresentative(body.ruc(), body.representativeId());
        throttle.beforeCaseLookup(ClientAddress.of(request));
        return cases.lookup(body.caseNumber(), holder.ruc(), holder.representative())
                .<ResponseEntity<Object>>map(view -> ResponseEntity.ok(response(view, problems.locale(request))))
                .orElseGet(() -> notFound(request));
    }

    @PostMapping("/new-link")
    @Operation(summary = "Pedir un enlace nuevo para un caso aprobado",
            description = "Mientras la aprobación del centro esté vigente, un enlace que venció o no llegó se reemplaza por uno nuevo: "
                    + "el mismo caso y el mismo correo verificado, sin volver al centro, un número limitado de veces.")
    @ApiResponse(responseCode = "202", description = "Enlace nuevo en camino al correo verificado", content = @Content(schema = @Schema(implementation = NewLinkResponse.class)))
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (con errors) o MALFORMED_REQUEST", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "404", description = "CASE_NOT_FOUND", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "409", description = "CASE_NOT_APPROVED, con reason: NOT_YET_APPROVED (el centro aún no lo aprueba: acuda al centro), "
            + "LINK_STILL_VALID (el último enlace sigue vigente: úselo o pida otro cuando venza), NO_NEW_LINKS_LEFT (se usaron todos "
            + "los enlaces nuevos: acuda al centro) o CASE_CLOSED (completado, rechazado o vencido: inicie una nueva solicitud); "
            + "caseStatus dice el estado del caso",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = CaseProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED, con la cabecera Retry-After", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> newLink(@Valid @RequestBody CaseRequest body, HttpServletRequest request) {
        IdentityFields.CaseHolder holder = IdentityFields.rucAndRepresentative(body.ruc(), body.representativeId());
        throttle.beforeCaseLookup(ClientAddress.of(request));
        NewLinkResult result = cases.requestNewLink(body.caseNumber(), holder.ruc(), holder.representative());
        if (result instanceof NewLinkSent sent) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new NewLinkResponse(sent.maskedEmail(), sent.expiresAt()));
        }
        if (result instanceof NewLinkRefused refused) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "CASE_NOT_APPROVED",
                    "api.problem.CASE_NOT_APPROVED." + refused.refusal().name(), request, refused.view().caseNumber());
            problem.setProperty("reason", refused.refusal().name());
            problem.setProperty("caseStatus", refused.view().status().name());
            return problems.answer(problem);
        }
        return notFound(request);
    }

    private CaseResponse response(CaseView view, Locale locale) {
        return new CaseResponse(view.caseNumber(), view.status(), view.reason() == null ? null : view.reason().name(), view.deadline(),
                view.rejectionReason() == null ? null : view.rejectionReason().name(), view.newLinkAvailable(), instructions(view, locale));
    }

    private String instructions(CaseView view, Locale locale) {
        return switch (view.status()) {
            case PENDING -> problems.message("api.case.PENDING", locale, view.caseNumber(), DATE.format(view.deadline()),
                    view.reason() == null ? "" : problems.message(view.reason().whatToBringKey(), locale),
                    view.reason() == null ? "" : problems.message(view.reason().wordsKey(), locale)).strip();
            case APPROVED -> view.newLinkAvailable()
                    ? problems.message("api.case.APPROVED", locale, view.maskedEmail(), DATE.format(view.deadline()), view.newLinksLeft())
                    : view.newLinksLeft() > 0
                    ? problems.message("api.case.APPROVED.soon", locale)
                    : problems.message("api.case.APPROVED.noLinksLeft", locale, view.caseNumber());
            case LINK_SENT -> problems.message("api.case.LINK_SENT", locale, view.maskedEmail(), TIME.format(view.linkExpiresAt()));
            case COMPLETED -> problems.message("api.case.COMPLETED", locale);
            case REJECTED -> problems.message("api.case.REJECTED", locale,
                    view.rejectionReason() == null ? "" : problems.message(view.rejectionReason().messageKey(), locale),
                    view.rejectionNotes() == null ? "" : " " + view.rejectionNotes());
            case EXPIRED -> problems.message("api.case.EXPIRED", locale);
        };
    }

    private ResponseEntity<Object> notFound(HttpServletRequest request) {
        return problems.answer(problems.problem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", request));
    }
}
