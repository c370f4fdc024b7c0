package ec.gob.iess.claveempleador.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

    record CodeForm(
            @NotBlank(message = "{portal.field.code.required}")
            @Pattern(regexp = "(\\d{6})?", message = "{portal.field.code.format}")
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
