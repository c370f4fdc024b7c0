package ec.gob.iess.claveempleador.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the application keeps what it recorded. {@code recoveries} matches the process model's
 * historyTimeToLive (180 days), after which Camunda's history cleanup removes the engine's side. {@code auditEvents}
 * is the audit trail's, on its own: an operator may have to answer for a step longer than the recovery is kept.
 */
@Validated
@ConfigurationProperties("clave.retention")
public record RetentionProperties(@NotNull Duration recoveries, @NotNull Duration rateLimitCounters, @NotNull Duration auditEvents,
                                  @NotBlank String purgeCron) {

    public RetentionProperties {
        if (recoveries != null && recoveries.toDays() < 1) {
            throw new IllegalArgumentException("clave.retention.recoveries must be at least one day");
        }
        if (rateLimitCounters != null && rateLimitCounters.toMinutes() < 1) {
            throw new IllegalArgumentException("clave.retention.rate-limit-counters must be at least one minute");
        }
        if (auditEvents != null && auditEvents.toDays() < 1) {
            throw new IllegalArgumentException("clave.retention.audit-events must be at least one day");
        }
    }
}
