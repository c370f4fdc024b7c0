package ec.gob.iess.claveempleador.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.stereotype.Component;

/**
 * What staff read on the assisted-attention form about the employer's earlier recoveries and cases: a Spanish
 * Markdown table built from the audit trail (date, channel, outcome, case number, who decided). It holds no
 * secret and no address, only what the trail holds.
 */
@Component
public class EmployerHistory {

    static final Duration LOOK_BACK = Duration.ofDays(90);
    /** Rows shown; the variable stays well under the engine's 4,000 characters for a string. */
    static final int MAX_ROWS = 15;
    static final String NONE = "Sin recuperaciones ni casos en los últimos 90 días.";
    // Enough events for MAX_ROWS recoveries of any length.
    private static final int MAX_EVENTS = 500;
    private static final DateTimeFormatter WHEN = Ecuador.DATE_TIME;
    private static final Map<String, String> CHANNELS = Map.of("ONLINE", "en línea", "CENTRE", "presencial");

    private final AuditTrail trail;
    private final Clock clock;

    EmployerHistory(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** The employer's recoveries of the last 90 days but {@code currentRecoveryId}, newest first. */
    public String describe(EmployerKey employer, String currentRecoveryId) {
        List<Recovery> recoveries = recoveries(employer, currentRecoveryId);
        if (recoveries.isEmpty()) {
            return NONE;
        }
        StringBuilder table = new StringBuilder("| Fecha | Canal | Resultado | Caso | Decidió |\n|---|---|---|---|---|\n");
        for (Recovery recovery : recoveries.subList(0, Math.min(MAX_ROWS, recoveries.size()))) {
            table.append("| ").append(WHEN.format(recovery.started))
                    .append(" | ").append(recovery.channel)
                    .append(" | ").append(recovery.outcome)
                    .append(" | ").append(orDash(recovery.caseNumber))
                    .append(" | ").append(orDash(recovery.decidedBy))
                    .append(" |\n");
        }
        if (recoveries.size() > MAX_ROWS) {
            table.append("\ny ").append(recoveries.size() - MAX_ROWS).append(" más, anteriores.");
        }
        return table.toString();
    }

    private List<Recovery> recoveries(EmployerKey employer, String currentRecoveryId) {
        List<AuditEntry> newestFirst = trail.since(employer, clock.instant().minus(LOOK_BACK), MAX_EVENTS);
        Map<String, Recovery> byId = new LinkedHashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            AuditEntry entry = newestFirst.get(i);
            if (entry.recoveryId().equals(currentRecoveryId)) {
                continue;
            }
            Recovery recovery = byId.computeIfAbsent(entry.recoveryId(), id -> new Recovery(entry.time()));
            recovery.add(entry);
        }
        List<Recovery> list = new ArrayList<>(byId.values());
        list.sort((a, b) -> b.started.compareTo(a.started));
        return list;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    /** One recovery as its events tell it. */
    private static final class Recovery {

        private final Instant started;
        private String channel = "—";
        private String outcome = "en curso";
        private String caseNumber;
        private String decidedBy;

        Recovery(Instant started) {
            this.started = started;
        }

        void add(AuditEntry entry) {
            if (entry.event() == AuditEventType.STARTED && entry.detail() != null) {
                channel = CHANNELS.getOrDefault(entry.detail(), "—");
            }
            if (entry.caseNumber() != null) {
                caseNumber = entry.caseNumber();
            }
            if (entry.event().isDecision()) {
                decidedBy = entry.actor();
            }
            if (entry.event().isDecision() || entry.event().isOutcome()) {
                outcome = entry.event().words();
            }
        }
    }
}
