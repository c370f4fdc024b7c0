package ec.gob.iess.claveempleador.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Server-side secrets. The HMAC key has no default outside the default profile: startup fails without it. */
@Validated
@ConfigurationProperties("clave.security")
public record SecurityProperties(@NotBlank @Size(min = 32) String hmacKey) {
}
