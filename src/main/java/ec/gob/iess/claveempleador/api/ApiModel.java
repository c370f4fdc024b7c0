package ec.gob.iess.claveempleador.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import ec.gob.iess.claveempleador.credential.WellFormedText;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the public API. Requests check form and length here; the identity rules (province,
 * check digit) are applied when the fields are parsed into value types.
 */
final class ApiModel {

    /** Generous against any real clave, tight enough to keep a hashing request cheap to refuse. */
    static final int MAX_PASSWORD_LENGTH = 512;
    /** A link token is 43 characters; anything much longer is not one. */
    static final int MAX_TOKEN_LENGTH = 128;

    private ApiModel() {
    }

    @Schema(description = "Datos del empleador para iniciar la recuperación")
    record StartRecoveryRequest(
            @Schema(description = "RUC (13 dígitos). Servicio doméstico: cédula seguida de 000", example = "1790012344001")
            @NotNull @Pattern(regexp = "\\d{13}") String ruc,
            @Schema(description = "Sucursal (4 dígitos)", example = "0001")
            @NotNull @Pattern(regexp = "\\d{4}") String sucursal,
            @Schema(description = "Cédula del representante legal actual (10 dígitos)", example = "1712345675")
            @NotNull @Pattern(regexp = "\\d{10}") String representativeId) {
    }

    // The example is set from OtpCode in ApiDocumentation: an annotation can only hold a constant.
    @Schema(description = "El código de " + OtpCode.LENGTH + " dígitos recibido por correo")
    record OtpRequest(@NotNull @Pattern(regexp = OtpCode.TYPED_PATTERN) String code) {
    }

    @Schema(description = "La nueva clave, con el token del enlace recibido por correo")
    record NewPasswordRequest(
            @Schema(description = "El valor del parámetro token del enlace") @NotNull @Size(max = MAX_TOKEN_LENGTH) @WellFormedText String token,
            @Schema(description = "Nueva clave (mínimo 15 caracteres; se recomienda una frase)") @NotNull @Size(max = MAX_PASSWORD_LENGTH) @WellFormedText String newPassword,
            @Schema(description = "La nueva clave, otra vez") @NotNull @Size(max = MAX_PASSWORD_LENGTH) @WellFormedText String confirmation) {
    }

    @Schema(description = "Credenciales del empleador")
    record SignInRequest(
            @Schema(example = "1790012344001") @NotNull @Pattern(regexp = "\\d{13}") String ruc,
            @Schema(example = "0001") @NotNull @Pattern(regexp = "\\d{4}") String sucursal,
            @NotNull @Size(max = MAX_PASSWORD_LENGTH) @WellFormedText String password) {
    }

    @Schema(description = "Recuperación iniciada", oneOf = {AwaitingOtpResponse.class, AssistedPendingResponse.class})
    sealed interface RecoveryStarted permits AwaitingOtpResponse, AssistedPendingResponse {
    }

    @Schema(description = "Se envió un código al correo registrado")
    record AwaitingOtpResponse(String recoveryId,
                               @Schema(allowableValues = "AWAITING_OTP") RecoveryStatus status,
                               @Schema(example = "t***@comercial-andina.example") String maskedEmail,
                               @Schema(description = "Fin de la validez del código") Instant expiresAt) implements RecoveryStarted {
    }

    @Schema(description = "La recuperación debe terminarse en un Centro de Atención Universal")
    record AssistedPendingResponse(String recoveryId,
                                   @Schema(allowableValues = "ASSISTED_PENDING") RecoveryStatus status,
                                   @Schema(description = "Por qué el caso va a un centro; los valores salen del enum AssistedReason")
                                   AssistedReason reason,
                                   @Schema(example = "CAU-2026-7KQ4M9XD") String caseNumber,
                                   @Schema(description = "Qué hacer y qué presentar en el centro, en el idioma pedido") String instructions)
            implements RecoveryStarted {
    }

    @Schema(description = "Código aceptado: el enlace para crear la nueva clave va al correo")
    record CodeAcceptedResponse(@Schema(allowableValues = "AWAITING_NEW_PASSWORD") RecoveryStatus status,
                                @Schema(description = "Fin de la validez del enlace") Instant expiresAt) {
    }

    @Schema(description = "Código nuevo enviado: reemplaza al anterior, con su propia ventana y sus propios intentos")
    record CodeResentResponse(@Schema(allowableValues = "AWAITING_OTP") RecoveryStatus status,
                              @Schema(description = "Fin de la validez del código nuevo") Instant expiresAt,
                              @Schema(description = "Desde cuándo se puede pedir otro código nuevo") Instant resendAvailableAt,
                              @Schema(description = "Cuántos códigos nuevos más se pueden pedir en esta recuperación") int resendsLeft) {
    }

    @Schema(description = "El estado de una recuperación")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecoveryStatusResponse(String recoveryId, RecoveryStatus status,
                                  @Schema(description = "Fin de la ventana del paso actual, si hay una abierta") Instant expiresAt,
                                  @Schema(description = "Intentos de código que quedan, mientras se espera el código") Integer attemptsLeft,
                                  @Schema(description = "Mientras se espera el código o el enlace: cómo va su correo. PENDING (por enviar), "
                                          + "RETRYING (el servidor de correo falló y se reintenta durante la ventana), SENT (enviado) o "
                                          + "FAILED (no se pudo enviar: hay que iniciar una nueva recuperación o, en un caso asistido, "
                                          + "comunicarse con el centro)") MailDelivery mailDelivery,
                                  @Schema(description = "Con RETRYING o FAILED: qué pasa y qué hacer, en el idioma pedido") String mailNotice) {
    }

    @Schema(description = "Clave cambiada")
    record PasswordChangedResponse(@Schema(allowableValues = "COMPLETED") RecoveryStatus status) {
    }

    @Schema(description = "Ingreso correcto")
    record SignInResponse(@Schema(allowableValues = "SIGNED_IN") String status) {
    }

    /** Documents the problem details (RFC 9457) the API answers; the body itself is Spring's ProblemDetail. */
    @Schema(name = "Problem", description = "Problem details (RFC 9457) con un código estable")
    record ProblemDocumentation(
            @Schema(example = "about:blank") String type,
            @Schema(example = "Unprocessable Entity") String title,
            @Schema(example = "422") int status,
            @Schema(description = "Explicación para el empleador (español; inglés con Accept-Language: en)") String detail,
            @Schema(example = "/api/recoveries") String instance,
            @Schema(description = "Código estable del problema", example = "OTP_INVALID") String code,
            @Schema(description = "Campos rechazados (código VALIDATION_FAILED)") List<FieldErrorItem> errors,
            @Schema(description = "Intentos que quedan (código OTP_INVALID)") Integer attemptsLeft,
            @Schema(description = "Desde cuándo se puede pedir un código nuevo (código RESEND_TOO_SOON)") Instant resendAvailableAt,
            @Schema(description = "Hasta cuándo vale el código actual (código OTP_RESENDS_EXHAUSTED)") Instant expiresAt,
            @Schema(description = "Reglas de la clave incumplidas (código PASSWORD_POLICY)") List<ViolationItem> violations) {
    }

    @Schema(name = "FieldError")
    record FieldErrorItem(@Schema(example = "ruc") String field, @Schema(example = "CHECK_DIGIT") String code, String message) {
    }

    @Schema(name = "PolicyViolation")
    record ViolationItem(@Schema(example = "TOO_SHORT") String code, String message) {
    }
}
