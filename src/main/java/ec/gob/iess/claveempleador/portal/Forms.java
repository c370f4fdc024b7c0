package ec.gob.iess.claveempleador.portal;

import java.util.Locale;
import java.util.Optional;

import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/**
 * What the portal's forms post. Messages are keys in {@code i18n/portal*.properties}.
 * One message per field: the format patterns accept the empty value, which only {@code @NotBlank} reports.
 */
final class Forms {

    private Forms() {
    }

    record RecoveryForm(
            @NotBlank(message = "{portal.field.ruc.required}")
            @Pattern(regexp = "(\\d{13})?", message = "{portal.field.ruc.format}")
            String ruc,
            @NotBlank(message = "{portal.field.sucursal.required}")
            @Pattern(regexp = "(\\d{4})?", message = "{portal.field.sucursal.format}")
            String sucursal,
            @NotBlank(message = "{portal.field.cedula.required}")
            @Pattern(regexp = "(\\d{10})?", message = "{portal.field.cedula.format}")
            String cedula) {

        RecoveryForm {
            ruc = IdentityInput.digitsOf(ruc);
            sucursal = IdentityInput.digitsOf(sucursal);
            cedula = IdentityInput.digitsOf(cedula);
        }

        static RecoveryForm empty() {
            return new RecoveryForm("", "0001", "");
        }
    }

    record CaseLookupForm(
            @NotBlank(message = "{portal.field.caseNumber.required}")
            @Pattern(regexp = "(" + AssistedCases.CASE_NUMBER_PATTERN + ")?", message = "{portal.field.caseNumber.format}")
            String caseNumber,
            @NotBlank(message = "{portal.field.ruc.required}")
            @Pattern(regexp = "(\\d{13})?", message = "{portal.field.ruc.format}")
            String ruc,
            @NotBlank(message = "{portal.field.cedula.required}")
            @Pattern(regexp = "(\\d{10})?", message = "{portal.field.cedula.format}")
            String cedula) {

        CaseLookupForm {
            // Case numbers are read aloud and typed in any case; the registry keeps them in capitals.
            caseNumber = caseNumber == null ? null : caseNumber.strip().toUpperCase(Locale.ROOT);
            ruc = IdentityInput.digitsOf(ruc);
            cedula = IdentityInput.digitsOf(cedula);
        }

        /** Prefilled with the number the assisted page links with, when it is one. */
        static CaseLookupForm withCaseNumber(String caseNumber) {
            boolean wellFormed = caseNumber != null && caseNumber.matches(AssistedCases.CASE_NUMBER_PATTERN);
            return new CaseLookupForm(wellFormed ? caseNumber : "", "", "");
        }
    }

    /** The code as typed or pasted; {@link #otpCode} parses it, so a pasted " 992 252" works. */
    record CodeForm(String code) {

        CodeForm {
            code = IdentityInput.digitsOf(code);
        }

        static CodeForm empty() {
            return new CodeForm("");
        }

        /** The code, or a field error naming the code's length. */
        Optional<OtpCode> otpCode(Errors errors) {
            Object[] length = {OtpCode.LENGTH};
            if (code == null || code.isBlank()) {
                errors.rejectValue("code", "portal.field.code.required", length, null);
                return Optional.empty();
            }
            Optional<OtpCode> parsed = OtpCode.parse(code);
            if (parsed.isEmpty()) {
                errors.rejectValue("code", "portal.field.code.format", length, null);
            }
            return parsed;
        }
    }

    record NewClaveForm(
            @NotBlank(message = "{portal.field.newPassword.required}")
            @Size(max = 1024, message = "{portal.field.newPassword.tooLong}")
            String newPassword,
            @NotBlank(message = "{portal.field.confirmation.required}")
            @Size(max = 1024, message = "{portal.field.newPassword.tooLong}")
            String confirmation) {

        static NewClaveForm empty() {
            return new NewClaveForm("", "");
        }
    }

    record SignInForm(
            @NotBlank(message = "{portal.field.ruc.required}")
            @Pattern(regexp = "(\\d{13})?", message = "{portal.field.ruc.format}")
            String ruc,
            @NotBlank(message = "{portal.field.sucursal.required}")
            @Pattern(regexp = "(\\d{4})?", message = "{portal.field.sucursal.format}")
            String sucursal,
            @NotBlank(message = "{portal.field.password.required}")
            @Size(max = 1024, message = "{portal.field.newPassword.tooLong}")
            String password) {

        SignInForm {
            ruc = IdentityInput.digitsOf(ruc);
            sucursal = IdentityInput.digitsOf(sucursal);
        }

        static SignInForm empty() {
            return new SignInForm("", "0001", "");
        }
    }
}
