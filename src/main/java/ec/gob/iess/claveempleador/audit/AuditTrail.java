package ec.gob.iess.claveempleador.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only record of every step of every recovery. {@link #record} joins the caller's transaction
 * (the engine's command or the service's step), so a step and its row commit or roll back together. Nothing
 * here updates or deletes a row; on PostgreSQL a trigger refuses both (the retention purge excepted).
 */
@Service
public class AuditTrail {

    private static final String COLUMNS = "occurred_at, recovery_id, case_number, event, actor, client_address, detail";

    private final JdbcClient jdbc;
    private final AuditActors actors;
    private final AuditProperties properties;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, AuditActors actors, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.properties = properties;
        this.clock = clock;
    }

    public void record(AuditEvent event) {
        String address = actors.clientAddress().flatMap(properties.clientAddress()::apply).orElse(null);
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, recovery_id, case_number, ruc, sucursal, event, actor, client_address, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), event.recoveryId(), event.caseNumber(), event.employer().ruc().toString(),
                        event.employer().sucursal().toString(), event.type().name(), actors.current(), address, event.detail())
                .update();
    }

    /** An employer's trail, newest first, {@code size} rows from row {@code page * size}. */
    public List<AuditEntry> newestFirst(EmployerKey employer, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE ruc = ? AND sucursal = ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(employer.ruc().toString(), employer.sucursal().toString(), size, (long) page * size)
                .query(AuditTrail::map)
                .list();
    }

    /** An employer's trail since {@code since}, newest first (at most {@code limit} rows). */
    public List<AuditEntry> since(EmployerKey employer, Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE ruc = ? AND sucursal = ? AND occurred_at >= ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .params(employer.ruc().toString(), employer.sucursal().toString(), Timestamp.from(since), limit)
                .query(AuditTrail::map)
                .list();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("recovery_id"), rs.getString("case_number"),
                AuditEventType.valueOf(rs.getString("event")), rs.getString("actor"), rs.getString("client_address"),
                rs.getString("detail"));
    }
}
