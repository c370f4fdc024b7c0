package ec.gob.iess.claveempleador.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where employers reach the portal; the recovery link in the mail is built on it. */
@Validated
@ConfigurationProperties("clave")
public record ClaveProperties(@NotBlank String publicBaseUrl) {

    public String url(String path) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path;
    }
}
