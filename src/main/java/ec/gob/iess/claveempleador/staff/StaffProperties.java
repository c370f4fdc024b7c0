package ec.gob.iess.claveempleador.staff;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The centre staff accounts created at startup. Only the default profile lists any (the demo `agente`);
 * in prod the list is empty and accounts are managed in Camunda Admin.
 */
@Validated
@ConfigurationProperties("clave.staff")
public record StaffProperties(@Valid List<StaffUser> users) {

    public StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A member of the centre-staff group, with the password it gets when first created. */
    public record StaffUser(@NotBlank String id, @NotBlank String password, @NotBlank String firstName,
                            @NotBlank String lastName, String email) {
    }
}
