package ec.gob.iess.claveempleador.api;

import ec.gob.iess.claveempleador.api.ApiModel.ProblemDocumentation;
import ec.gob.iess.claveempleador.api.ApiModel.SignInRequest;
import ec.gob.iess.claveempleador.api.ApiModel.SignInResponse;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.ClientAddress;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Checks an employer's clave (no session is opened: the portal proper lives elsewhere). */
@RestController
@Tag(name = "Ingreso", description = "Comprobar la clave de empleador")
class SignInApiController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final SignInService signIn;
    private final ThrottlePolicy throttle;
    private final ApiProblems problems;

    SignInApiController(SignInService signIn, ThrottlePolicy throttle, ApiProblems problems) {
        this.signIn = signIn;
        this.throttle = throttle;
        this.problems = problems;
    }

    @PostMapping(path = "/api/sign-in", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Ingresar con RUC, sucursal y clave",
            description = "Un empleador inexistente y una clave incorrecta reciben la misma respuesta. Nunca se bloquea: tras varios "
                    + "intentos fallidos desde una dirección para un empleador, esa dirección espera cada vez más (Retry-After) antes "
                    + "de volver a intentar con ese empleador; las demás direcciones no esperan.")
    @ApiResponse(responseCode = "200", description = "Clave correcta: SIGNED_IN")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED o MALFORMED_REQUEST", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "401", description = "SIGN_IN_FAILED: RUC, sucursal o clave incorrectos", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED, con la cabecera Retry-After (segundos que esta dirección debe esperar)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDocumentation.class)))
    ResponseEntity<Object> signIn(@Valid @RequestBody SignInRequest body, HttpServletRequest request) {
        EmployerKey employer = IdentityFields.employerKey(body.ruc(), body.sucursal());
        String client = ClientAddress.of(request);
        throttle.beforeSignIn(employer, client);
        boolean signedIn = signIn.signIn(employer, body.password());
        throttle.afterSignIn(employer, client, signedIn);
        if (signedIn) {
            return ResponseEntity.ok(new SignInResponse("SIGNED_IN"));
        }
        return problems.answer(problems.problem(HttpStatus.UNAUTHORIZED, "SIGN_IN_FAILED", request));
    }
}
