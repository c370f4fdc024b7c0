package ec.gob.iess.claveempleador.recovery;

import java.time.Duration;

import ec.gob.iess.claveempleador.config.Waits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
/**
 * How long each step of a recovery may take, how many wrong codes are forgiven, and how often a new code may be
 * asked for (after {@code otpResendCooldown} from the last one, at most {@code maxOtpResends} times); how long a
 * centre's approval lasts and how many new links the employer may ask for while it does.
 */
@Validated
@ConfigurationProperties("clave.recovery")
public record RecoveryProperties(
        @NotNull Duration otpWindow,
        @NotNull Duration linkWindow,
        @NotNull Duration assistedDeadline,
        @Min(1) int maxOtpAttempts,
        @NotNull Duration otpResendCooldown,
        @Min(0) int maxOtpResends,
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
