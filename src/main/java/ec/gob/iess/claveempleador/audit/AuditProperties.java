package ec.gob.iess.claveempleador.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code clave.audit.*}: what the audit trail keeps of the client's address. */
@ConfigurationProperties("clave.audit")
public record AuditProperties(@DefaultValue("truncate") ClientAddressPolicy clientAddress) {
}
