package ec.gob.iess.claveempleador.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The sender of the recovery mails, and whether this node runs its own SMTP server (development only). */
@Validated
@ConfigurationProperties("clave.mail")
public record MailProperties(@NotBlank String from, boolean embeddedServer) {
}
