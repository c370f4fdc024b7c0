package ec.gob.iess.claveempleador.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.retention.RetentionPurge.Purged;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What is kept and for how long: the application's rows by the purge, the engine's history by Camunda's cleanup. */
@ClaveSpringBootTest
class RetentionPurgeTest {

    private static final Instant RECORDED = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    RetentionPurge purge;
    @Autowired
    RetentionProperties retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @BeforeEach
    void recordRowsAtOneMoment() {
        DemoData.reset(runtime, jdbc);
        recovery("finished", "COMPLETED");
        recovery("waiting", "ASSISTED_PENDING");
        jdbc.sql("INSERT INTO rate_limit_counter (limit_name, subject, window_start, hits) VALUES ('SIGN_IN_PER_CLIENT', '203.0.113.7', ?, 3)")
                .param(Timestamp.from(RECORDED)).update();
        jdbc.sql("DELETE FROM audit_event").update();
    }

    @AfterEach
    void backToTheRealClock() {
        ClockUtil.reset();
        jdbc.sql("UPDATE retention_purge SET last_run_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00'").update();
        DemoData.reset(runtime, jdbc);
    }

    @Test
    void aFinishedRecoveryIsKeptForTheRetentionAndDeletedAfterIt() {
        setClock(RECORDED.plus(retention.recoveries()).minusSeconds(60));
        assertThat(purge.purge()).contains(new Purged(0, 1, 0));
        assertThat(recoveryIds()).containsExactlyInAnyOrder("finished", "waiting");

        setClock(RECORDED.plus(retention.recoveries()).plusSeconds(60));
        assertThat(purge.purge()).contains(new Purged(1, 0, 0));
        assertThat(recoveryIds()).as("a case still waiting for a centre is never purged").containsExactly("waiting");
    }

    @Test
    void rateLimitCountersGoAfterTheirOwnRetention() {
        setClock(RECORDED.plus(retention.rateLimitCounters()).minusSeconds(60));
        assertThat(purge.purge()).contains(new Purged(0, 0, 0));

        setClock(RECORDED.plus(retention.rateLimitCounters()).plusSeconds(60));
        assertThat(purge.purge()).contains(new Purged(0, 1, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_counter").query(Integer.class).single()).isZero();
    }

    @Test
    void auditEventsAreKeptForTheirRetentionAndDeletedAfterIt() {
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, recovery_id, ruc, sucursal, event, actor)
                        VALUES (?, 'finished', '1790012344001', '0001', 'CLAVE_SET', 'employer')""")
                .param(Timestamp.from(RECORDED)).update();

        setClock(RECORDED.plus(retention.auditEvents()).minusSeconds(60));
        assertThat(purge.purge()).contains(new Purged(0, 1, 0));

        setClock(RECORDED.plus(retention.auditEvents()).plusSeconds(60));
        assertThat(purge.purge()).contains(new Purged(1, 0, 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT keep_days FROM audit_retention").query(Long.class).single())
                .as("what the PostgreSQL trigger lets the purge delete").isEqualTo(retention.auditEvents().toDays());
    }

    @Test
    void whenTwoNodesFireTogetherOnlyTheFirstPurges() {
        setClock(RECORDED.plus(retention.recoveries()).plus(Duration.ofDays(1)));

        assertThat(purge.purge()).isPresent();
        assertThat(purge.purge()).as("the second node, a moment later").isEmpty();

        setClock(RECORDED.plus(retention.recoveries()).plus(Duration.ofDays(2)));
        assertThat(purge.purge()).as("the next night").isPresent();
    }

    @Test
    void camundaCleansItsHistoryInTheConfiguredWindowAfterTheSameRetention() {
        assertThat(engineConfiguration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engineConfiguration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(history.findHistoryCleanupJobs()).as("the cleanup job is scheduled").isNotEmpty();
        Integer timeToLive = repository.createProcessDefinitionQuery().processDefinitionKey(RecoveryProcess.KEY).latestVersion()
                .singleResult().getHistoryTimeToLive();
        assertThat(Duration.ofDays(timeToLive)).as("the model's historyTimeToLive").isEqualTo(retention.recoveries());
    }

    @Test
    void historyRowsCarryTheirRemovalTimeFromTheStartSoTheEndRewritesNone() {
        assertThat(engineConfiguration.getHistoryRemovalTimeStrategy())
                .as("a recovery's last job does not go back over the history tables")
                .isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        assertThat(engineConfiguration.getHistoryCleanupStrategy())
                .isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    }

    private void recovery(String id, String status) {
        Timestamp at = Timestamp.from(RECORDED);
        jdbc.sql("""
                        INSERT INTO recovery (id, ruc, sucursal, channel, status, created_at, updated_at)
                        VALUES (?, '1790012344001', '0001', 'ONLINE', ?, ?, ?)""")
                .params(id, status, at, at).update();
    }

    private List<String> recoveryIds() {
        return jdbc.sql("SELECT id FROM recovery").query(String.class).list();
    }

    private static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
