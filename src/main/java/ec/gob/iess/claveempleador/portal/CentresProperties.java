package ec.gob.iess.claveempleador.portal;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Centros de Atención Universal the portal sends employers to. The list is configuration, not data of the
 * service: where it is empty, the page points to the IESS contact page instead.
 *
 * @param offices    the centres, in the order shown
 * @param contactUrl the IESS page with every office's address and hours
 */
@Validated
@ConfigurationProperties("clave.centres")
public record CentresProperties(List<@Valid Centre> offices, @NotNull URI contactUrl) {

    public CentresProperties {
        offices = offices == null ? List.of() : List.copyOf(offices);
    }

    /** One centre; {@code example} marks demonstration entries, which the page labels as such. */
    public record Centre(@NotBlank String city, @NotBlank String name, @NotBlank String address, @NotBlank String hours,
                         boolean example) {
    }
}
