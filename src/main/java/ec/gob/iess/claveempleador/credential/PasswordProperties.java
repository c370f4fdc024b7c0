package ec.gob.iess.claveempleador.credential;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The clave policy (NIST SP 800-63B rev. 4: length, no composition rules, no guessable values). */
@Validated
@ConfigurationProperties("clave.password")
public record PasswordProperties(@Min(8) int minLength, @Max(256) int maxLength, Double minEntropy) {

    public PasswordProperties {
        if (minEntropy == null) {
            minEntropy = 40.0;
        }
    }
}
