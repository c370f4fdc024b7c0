package ec.gob.iess.claveempleador.api;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import ec.gob.iess.claveempleador.api.ApiModel.AssistedPendingResponse;
import ec.gob.iess.claveempleador.api.ApiModel.AwaitingOtpResponse;
import ec.gob.iess.claveempleador.api.ApiModel.CodeAcceptedResponse;
import ec.gob.iess.claveempleador.api.ApiModel.CodeResentResponse;
import ec.gob.iess.claveempleador.api.ApiModel.NewPasswordRequest;
import ec.gob.iess.claveempleador.api.ApiModel.OtpRequest;
import ec.gob.iess.claveempleador.api.ApiModel.PasswordChangedResponse;
import ec.gob.iess.claveempleador.api.ApiModel.ProblemDocumentation;
import ec.gob.iess.claveempleador.api.ApiModel.RecoveryStarted;
import ec.gob.iess.claveempleador.api.ApiModel.RecoveryStatusResponse;
import ec.gob.iess.claveempleador.api.ApiModel.StartRecoveryRequest;
import ec.gob.iess.claveempleador.config.Waits;
import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.ratelimit.ClientAddress;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.Language;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAlreadyUsed;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeNotAwaited;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResent;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeSuperseded;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendTooSoon;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendsUsedUp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.StartResult;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The employer's recovery, step by step: start, code (or a new one), new clave by link, status. */
@RestController
@RequestMapping(path = "/api/recoveries", produces = "application/json")
@Tag(name = "Recuperación de clave", description = "Recuperar la clave de empleador: datos, código por correo, nueva clave por enlace")
class RecoveryApiController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final RecoveryService recoveries;
    private final ThrottlePolicy throttle;
    private final PasswordPolicy policy;
    private final ApiProblems problems;

    RecoveryApiController(RecoveryService recoveries, ThrottlePolicy throttle, PasswordPolicy policy, ApiProblems problems) {
        this.recoveries = recoveries;
        this.throttle = throttle;
        this.policy = policy;
        this.problems = problems;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Iniciar una recuperación",
            description = "Valida RUC, sucursal y cédula del representante legal contra el registro de empleadores. "
                    + "Si coinciden, envía un código de " + OtpCode.LENGTH + " dígitos (válido 3 minutos) al correo registrado, o abre un caso de "
                    + "atención asistida cuando la recuperación no puede terminar en línea. Un empleador inexistente y datos "
                    + "que no coinciden reciben la misma respuesta.")
    @ApiResponse(responseCode = "201", description = "Código enviado (AWAITING_OTP) o caso asistido abierto (ASSISTED_PENDING)",
            content = @Content(schema = @Schema(implementation = RecoveryStarted.class)))
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (con errors) o MALFORMED_REQUEST", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "422", description = "DATA_MISMATCH: los datos no coinciden con el registro", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED, con la cabecera Retry-After", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> start(@Valid @RequestBody StartRecoveryRequest body, HttpServletRequest request, Locale locale) {
        IdentityFields.Applicant applicant = IdentityFields.employerAndRepresentative(body.ruc(), body.sucursal(), body.representativeId());
        throttle.beforeRecoveryStart(applicant.employer(), applicant.representative(), ClientAddress.of(request));
        StartResult result = recoveries.start(applicant.employer(), applicant.representative(), Language.of(locale));
        if (result instanceof AwaitingOtp started) {
            return created(started.recoveryId(), new AwaitingOtpResponse(started.recoveryId(),
                    RecoveryStatus.AWAITING_OTP, started.maskedEmail(), started.expiresAt()));
        }
        if (result instanceof AssistedPending assisted) {
            return created(assisted.recoveryId(), new AssistedPendingResponse(assisted.recoveryId(),
                    RecoveryStatus.ASSISTED_PENDING, assisted.reason(), assisted.caseNumber(),
                    instructions(assisted.reason(), assisted.caseNumber(), problems.locale(request))));
        }
        return problems.answer(problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "DATA_MISMATCH", request));
    }

    @PostMapping(path = "/{recoveryId}/otp", consumes = "application/json")
    @Operation(summary = "Enviar el código recibido por correo",
            description = "Un código correcto dentro de su ventana envía el enlace para crear la nueva clave. "
                    + "Tras 3 códigos incorrectos la recuperación se bloquea y hay que empezar de nuevo.")
    @ApiResponse(responseCode = "200", description = "Código aceptado: AWAITING_NEW_PASSWORD")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (el código no tiene " + OtpCode.LENGTH + " dígitos) o MALFORMED_REQUEST", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "404", description = "RECOVERY_NOT_FOUND", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "409", description = "OTP_ALREADY_USED: el código de esta recuperación ya fue aceptado (el enlace va en camino)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "410", description = "OTP_EXPIRED (venció el código), OTP_LOCKED (demasiados intentos) o RECOVERY_SUPERSEDED (una solicitud más nueva la reemplazó; no cuenta como intento)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "422", description = "OTP_INVALID, con attemptsLeft", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED, con la cabecera Retry-After", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> submitCode(@Parameter(description = "El recoveryId (UUID)") @PathVariable String recoveryId,
                                      @Valid @RequestBody OtpRequest body, HttpServletRequest request) {
        Optional<RecoveryId> id = RecoveryId.parse(recoveryId);
        if (id.isEmpty()) {
            return notFound(request);
        }
        throttle.beforeCodeAttempt(ClientAddress.of(request));
        // The body was validated against OtpCode.TYPED_PATTERN: it parses (a pasted " 992 252" too).
        CodeResult result = recoveries.submitCode(id.get(), OtpCode.parse(body.code()).orElseThrow());
        if (result instanceof CodeAccepted accepted) {
            return ResponseEntity.ok(new CodeAcceptedResponse(RecoveryStatus.AWAITING_NEW_PASSWORD, accepted.linkExpiresAt()));
        }
        if (result instanceof CodeInvalid invalid) {
            ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "OTP_INVALID", request, invalid.attemptsLeft());
            problem.setProperty("attemptsLeft", invalid.attemptsLeft());
            return problems.answer(problem);
        }
        if (result instanceof CodeAlreadyUsed) {
            return problems.answer(problems.problem(HttpStatus.CONFLICT, "OTP_ALREADY_USED", request));
        }
        if (result instanceof CodeLocked) {
            return problems.answer(problems.problem(HttpStatus.GONE, "OTP_LOCKED", request));
        }
        if (result instanceof CodeExpired) {
            return problems.answer(problems.problem(HttpStatus.GONE, "OTP_EXPIRED", request));
        }
        if (result instanceof CodeSuperseded) {
            return problems.answer(problems.problem(HttpStatus.GONE, "RECOVERY_SUPERSEDED", request));
        }
        return notFound(request);
    }

    @PostMapping(path = "/{recoveryId}/otp/resend")
    @Operation(summary = "Pedir un código nuevo",
            description = "Envía un código nuevo en la misma recuperación: el anterior deja de valer en ese momento, la ventana del "
                    + "código empieza de nuevo y los intentos vuelven a contarse desde cero. Se puede pedir pasado un tiempo desde "
                    + "el último código (clave.recovery.otp-resend-cooldown) y un número limitado de veces "
                    + "(clave.recovery.max-otp-resends). Sin cuerpo.")
    @ApiResponse(responseCode = "200", description = "Código nuevo enviado: AWAITING_OTP, con expiresAt, resendAvailableAt y resendsLeft",
            content = @Content(schema = @Schema(implementation = CodeResentResponse.class)))
    @ApiResponse(responseCode = "404", description = "RECOVERY_NOT_FOUND", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "409", description = "OTP_RESENDS_EXHAUSTED: ya se pidieron todos los códigos nuevos permitidos; el código "
            + "actual sigue valiendo hasta expiresAt, después hay que iniciar una recuperación nueva", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "410", description = "La recuperación ya no espera un código: OTP_EXPIRED, OTP_LOCKED, RECOVERY_SUPERSEDED "
            + "(una solicitud más nueva la reemplazó) u OTP_NOT_AWAITED (el código ya fue aceptado, o la recuperación terminó)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RESEND_TOO_SOON (con resendAvailableAt) o RATE_LIMITED, con la cabecera Retry-After", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> resendCode(@Parameter(description = "El recoveryId (UUID)") @PathVariable String recoveryId,
                                      HttpServletRequest request) {
        Optional<RecoveryId> id = RecoveryId.parse(recoveryId);
        if (id.isEmpty()) {
            return notFound(request);
        }
        throttle.beforeCodeResend(ClientAddress.of(request));
        ResendResult result = recoveries.resendCode(id.get());
        if (result instanceof CodeResent resent) {
            return ResponseEntity.ok(new CodeResentResponse(RecoveryStatus.AWAITING_OTP, resent.expiresAt(),
                    resent.resendAvailableAt(), resent.resendsLeft()));
        }
        if (result instanceof ResendTooSoon tooSoon) {
            long seconds = Waits.seconds(tooSoon.retryAfter());
            ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, "RESEND_TOO_SOON", request, seconds);
            problem.setProperty("resendAvailableAt", tooSoon.resendAvailableAt());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return problems.answer(problem, headers);
        }
        if (result instanceof ResendsUsedUp usedUp) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "OTP_RESENDS_EXHAUSTED", request, usedUp.maxResends());
            problem.setProperty("expiresAt", usedUp.codeExpiresAt());
            return problems.answer(problem);
        }
        if (result instanceof CodeNotAwaited notAwaited) {
            String code = switch (notAwaited.status()) {
                case OTP_EXPIRED, OTP_LOCKED -> notAwaited.status().name();
                case SUPERSEDED -> "RECOVERY_SUPERSEDED";
                default -> "OTP_NOT_AWAITED";
            };
            return problems.answer(problems.problem(HttpStatus.GONE, code, request));
        }
        return notFound(request);
    }

    @GetMapping("/{recoveryId}")
    @Operation(summary = "Consultar el estado de una recuperación")
    @ApiResponse(responseCode = "200", description = "El estado; expiresAt mientras una ventana está abierta, attemptsLeft mientras se "
            + "espera el código, mailDelivery (y mailNotice si el correo falló) mientras se espera el código o el enlace",
            content = @Content(schema = @Schema(implementation = RecoveryStatusResponse.class)))
    @ApiResponse(responseCode = "404", description = "RECOVERY_NOT_FOUND", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> status(@Parameter(description = "El recoveryId (UUID)") @PathVariable String recoveryId, HttpServletRequest request) {
        return RecoveryId.parse(recoveryId).flatMap(recoveries::status)
                .<ResponseEntity<Object>>map(view -> ResponseEntity.ok(new RecoveryStatusResponse(view.recoveryId(), view.status(),
                        view.status().isTerminal() ? null : view.expiresAt(), view.attemptsLeft(), view.mailDelivery(),
                        mailNotice(view, problems.locale(request)))))
                .orElseGet(() -> notFound(request));
    }

    @PostMapping(path = "/password", consumes = "application/json")
    @Operation(summary = "Crear la nueva clave con el enlace recibido por correo",
            description = "El enlace vale 3 minutos y una sola vez. La clave debe tener al menos 15 caracteres, no ser fácil "
                    + "de adivinar y no contener el RUC, la cédula ni el nombre del empleador.")
    @ApiResponse(responseCode = "200", description = "Clave cambiada: COMPLETED")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED o MALFORMED_REQUEST", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "404", description = "LINK_INVALID: el enlace no existe", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "410", description = "LINK_EXPIRED: el enlace venció o ya se usó", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "422", description = "PASSWORD_POLICY (con violations) o PASSWORD_MISMATCH", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED, con la cabecera Retry-After", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> newPassword(@Valid @RequestBody NewPasswordRequest body, HttpServletRequest request) {
        throttle.beforeLinkLookup(ClientAddress.of(request));
        Optional<LinkToken> token = LinkToken.parse(body.token());
        if (token.isEmpty()) {
            return problems.answer(problems.problem(HttpStatus.NOT_FOUND, "LINK_INVALID", request));
        }
        PasswordResult result = recoveries.submitNewPassword(token.get(), body.newPassword(), body.confirmation());
        if (result instanceof PasswordChanged) {
            return ResponseEntity.ok(new PasswordChangedResponse(RecoveryStatus.COMPLETED));
        }
        if (result instanceof PasswordRefused refused) {
            ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "PASSWORD_POLICY", request);
            Locale locale = problems.locale(request);
            problem.setProperty("violations", refused.violations().stream()
                    .map(v -> new ApiModel.ViolationItem(v.name(),
                            problems.message(v.messageKey(), locale, policy.minLength(), policy.maxLength())))
                    .toList());
            return problems.answer(problem);
        }
        if (result instanceof PasswordMismatch) {
            return problems.answer(problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "PASSWORD_MISMATCH", request));
        }
        if (result instanceof LinkExpired expired) {
            // One code for both: either way the employer starts again; the detail says which it was.
            ProblemDetail problem = problems.problem(HttpStatus.GONE, "LINK_EXPIRED",
                    expired.used() ? "api.problem.LINK_EXPIRED.used" : "api.problem.LINK_EXPIRED", request);
            problem.setProperty("used", expired.used());
            return problems.answer(problem);
        }
        return problems.answer(problems.problem(HttpStatus.NOT_FOUND, "LINK_INVALID", request));
    }

    private String instructions(AssistedReason reason, String caseNumber, Locale locale) {
        return problems.message("api.assisted.instructions", locale,
                problems.message(reason.wordsKey(), locale), caseNumber, problems.message(reason.whatToBringKey(), locale));
    }

    /** A mail that is late or gave up is explained, with the way forward: a new code, or the centre for an assisted case. */
    private String mailNotice(RecoveryView view, Locale locale) {
        if (view.mailDelivery() != MailDelivery.RETRYING && view.mailDelivery() != MailDelivery.FAILED) {
            return null;
        }
        String mail = view.status() == RecoveryStatus.AWAITING_OTP ? "code" : view.assisted() ? "assistedLink" : "link";
        return problems.message("api.mail." + view.mailDelivery().name() + "." + mail, locale, view.caseNumber());
    }

    private ResponseEntity<Object> notFound(HttpServletRequest request) {
        return problems.answer(problems.problem(HttpStatus.NOT_FOUND, "RECOVERY_NOT_FOUND", request));
    }

    private static ResponseEntity<Object> created(String recoveryId, RecoveryStarted body) {
        return ResponseEntity.created(URI.create("/api/recoveries/" + recoveryId)).body(body);
    }
}
