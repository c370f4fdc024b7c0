package ec.gob.iess.claveempleador.recovery;

import java.time.Duration;

import ec.gob.iess.claveempleador.config.Waits;
import jakarta.validation.constraints.Min;
import ec.gob.iess.claveempleador.config.Waits;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long each step of a recovery may take, and how many wrong codes are forgiven; how long a centre's approval
 * lasts and how many new links the employer may ask for while it does.
 */
@Validated
@ConfigurationProperties("clave.recovery")
public record RecoveryProperties(
        @NotNull Duration otpWindow,
        @NotNull Duration linkWindow,
        @NotNull Duration assistedDeadline,
        @Min(1) int maxOtpAttempts,
        @NotNull Duration assistedApprovalValidity,
        @Min(0) int assistedLinkResends) {

    /** The code window as the pages and mails state it: whole minutes, rounded up, never "0 minutos". */
    public long otpWindowMinutes() {
        return Waits.minutes(otpWindow);
    }

    /** The link window as the pages and mails state it. */
    public long linkWindowMinutes() {
        return Waits.minutes(linkWindow);
    }
}
