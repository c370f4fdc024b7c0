package ec.gob.iess.claveempleador.portal;

import java.util.Locale;

import ec.gob.iess.claveempleador.recovery.AssistedCases;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the portal's forms post. Messages are keys in {@code i18n/portal*.properties}. */
final class Forms {

    private Forms() {
    }

    record RecoveryForm(
            @NotBlank(message = "{portal.field.ruc.required}")
            @Pattern(regexp = "\\d{13}", message = "{portal.field.ruc.format}")
            String ruc,
            @NotBlank(message = "{portal.field.sucursal.required}")
            @Pattern(regexp = "\\d{4}", message = "{portal.field.sucursal.format}")
            String sucursal,
            @NotBlank(message = "{portal.field.cedula.required}")
            @Pattern(regexp = "\\d{10}", message = "{portal.field.cedula.format}")
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
            @Pattern(regexp = AssistedCases.CASE_NUMBER_PATTERN, message = "{portal.field.caseNumber.format}")
            String caseNumber,
            @NotBlank(message = "{portal.field.ruc.required}")
            @Pattern(regexp = "\\d{13}", message = "{portal.field.ruc.format}")
            String ruc,
            @NotBlank(message = "{portal.field.cedula.required}")
            @Pattern(regexp = "\\d{10}", message = "{portal.field.cedula.format}")
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

    record CodeForm(
            @NotBlank(message = "{portal.field.code.required}")
            @Pattern(regexp = "\\d{6}", message = "{portal.field.code.format}")
            String code) {

        CodeForm {
            code = IdentityInput.digitsOf(code);
        }

        static CodeForm empty() {
            return new CodeForm("");
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
            @Pattern(regexp = "\\d{13}", message = "{portal.field.ruc.format}")
            String ruc,
            @NotBlank(message = "{portal.field.sucursal.required}")
            @Pattern(regexp = "\\d{4}", message = "{portal.field.sucursal.format}")
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
