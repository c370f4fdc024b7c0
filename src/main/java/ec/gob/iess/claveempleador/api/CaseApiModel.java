package ec.gob.iess.claveempleador.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.CaseStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The bodies of the case endpoints. */
final class CaseApiModel {

    private CaseApiModel() {
    }

    @Schema(description = "Un caso de atención asistida: su número y los datos de quien lo consulta")
    record CaseRequest(
            @Schema(description = "Número de caso (el que mostró el portal o entregó el centro)", example = "CAU-2026-7KQ4M9XD")
            @NotNull @Pattern(regexp = AssistedCases.CASE_NUMBER_PATTERN) String caseNumber,
            @Schema(description = "RUC (13 dígitos). Servicio doméstico: cédula seguida de 000", example = "0990123454001")
            @NotNull @Pattern(regexp = "\\d{13}") String ruc,
            @Schema(description = "Cédula del representante legal actual (10 dígitos)", example = "0922334453")
            @NotNull @Pattern(regexp = "\\d{10}") String representativeId) {
    }

    @Schema(description = "El caso y lo que el empleador puede hacer ahora")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CaseResponse(
            @Schema(example = "CAU-2026-7KQ4M9XD") String caseNumber,
            @Schema(description = "PENDING: espera la visita al centro; APPROVED: aprobado, sin enlace vigente (vea newLinkAvailable); "
                    + "LINK_SENT: se envió un enlace que sigue vigente; COMPLETED: clave restablecida; REJECTED: rechazado (vea "
                    + "rejectionReason); EXPIRED: venció el plazo para acudir al centro o la aprobación") CaseStatus status,
            @Schema(description = "Por qué el caso se atiende en un centro", allowableValues = {"RUC_SUSPENDED", "RUC_CLOSED",
                    "NO_VALID_EMAIL", "FIRST_TIME_KEY", "WALK_IN"}) String reason,
            @Schema(description = "PENDING: hasta cuándo puede acudir al centro; APPROVED y LINK_SENT: hasta cuándo vale la "
                    + "aprobación (y se pueden pedir enlaces nuevos); ausente en los demás estados") Instant deadline,
            @Schema(description = "Solo con REJECTED", allowableValues = {"DOCUMENTS_INCOMPLETE", "IDENTITY_NOT_VERIFIED",
                    "REPRESENTATIVE_NOT_CURRENT", "OTHER"}) String rejectionReason,
            @Schema(description = "Si POST /api/cases/new-link enviaría ahora un enlace nuevo") boolean newLinkAvailable,
            @Schema(description = "Qué hacer ahora, en el idioma pedido") String instructions) {
    }

    @Schema(description = "Se envió un enlace nuevo para el mismo caso, al mismo correo verificado")
    record NewLinkResponse(
            @Schema(example = "g***@textiles-imbabura.example") String maskedEmail,
            @Schema(description = "Fin de la validez del enlace") Instant expiresAt) {
    }

    /** Documents the 409 of a new-link request; the body itself is Spring's ProblemDetail. */
    @Schema(name = "CaseProblem", description = "Problem details (RFC 9457) de un caso que no da un enlace nuevo ahora")
    record CaseProblemDocumentation(
            @Schema(example = "409") int status,
            @Schema(description = "Qué pasa y qué hacer, en el idioma pedido") String detail,
            @Schema(example = "CASE_NOT_APPROVED") String code,
            @Schema(allowableValues = {"NOT_YET_APPROVED", "LINK_STILL_VALID", "NO_NEW_LINKS_LEFT", "CASE_CLOSED"}) String reason,
            @Schema(description = "El estado del caso") CaseStatus caseStatus) {
    }
}
