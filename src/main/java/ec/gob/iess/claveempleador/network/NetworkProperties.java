package ec.gob.iess.claveempleador.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the staff and operator surfaces listen. Unset: on the one server port, with the portal and the API.
 * Set: on this port only, which a deployment keeps off the public network.
 */
@Validated
@ConfigurationProperties("clave.network")
public record NetworkProperties(@Min(1) @Max(65535) Integer staffPort) {
}
