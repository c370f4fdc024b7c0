package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The windows and the channel come from configuration and from who started, never from variables given at
 * the start (staff reach the start through the engine's APIs; the HTTP gate refuses such variables, and
 * the model does not read them even when they get through).
 */
class StartVariablesProcessTest extends RecoveryProcessTestBase {

    private static final Instant START = Instant.parse("2026-11-25T15:00:00Z");
    private static final String MAIL = DemoEmployers.ANDINA.email();

    /** Variables that, read by the model, would stretch every window and pretend an online start. */
    private static final Map<String, Object> OVERRIDES = withVariables(
            "otpWindow", "P30D", "linkWindow", "P30D", "assistedDeadline", "PT1M",
            RecoveryProcess.CHANNEL, "CENTRE", RecoveryProcess.ASSISTED_DUE, Date.from(START.plus(Duration.ofDays(365))));

    @Test
    void windowsGivenAsStartVariablesAreIgnoredForTheConfiguredOnes() {
        String recoveryId = UUID.randomUUID().toString();
        ProcessInstance online = runtime.createProcessInstanceByKey(RecoveryProcess.KEY).businessKey(recoveryId)
                .setVariables(identity("1790012344001", "0001", "1712345675")).setVariables(OVERRIDES).execute();

        assertThat(online).isWaitingAt("ReceiveTask_AwaitOtp").variables().containsEntry(RecoveryProcess.CHANNEL, "ONLINE");
        assertThat(timerDue(online, "BoundaryTimer_OtpWindow")).isEqualTo(START.plus(Duration.ofMinutes(3)));

        String code = mailedCode(recoveryId, MAIL);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeAccepted.class);
        assertThat(timerDue(online, "BoundaryTimer_LinkWindow")).isEqualTo(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aStaffStartIsAWalkInWithTheConfiguredDeadlineWhateverItsVariablesSay() {
        Map<String, Object> variables = identity("1790012344001", "0001", "1712345675");
        variables.putAll(OVERRIDES);
        variables.put(RecoveryProcess.CHANNEL, "ONLINE");
        engine.getIdentityService().setAuthentication("agente", List.of("centro-atencion"));
        ProcessInstance walkIn;
        try {
            walkIn = runtime.startProcessInstanceByKey(RecoveryProcess.KEY, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(walkIn).isWaitingAt("UserTask_AssistedAttention").variables()
                .containsEntry(RecoveryProcess.CHANNEL, "CENTRE").containsEntry(RecoveryProcess.ASSISTED_REASON, AssistedReason.WALK_IN.name());
        assertThat(timerDue(walkIn, "BoundaryTimer_AssistedDeadline")).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(tasks.createTaskQuery().processInstanceId(walkIn.getId()).singleResult().getDueDate())
                .isEqualTo(Date.from(START.plus(Duration.ofDays(30))));
    }

    private static Map<String, Object> identity(String ruc, String sucursal, String cedula) {
        return withVariables(RecoveryProcess.RUC, ruc, RecoveryProcess.SUCURSAL, sucursal, RecoveryProcess.REPRESENTATIVE_ID, cedula);
    }

    private Instant timerDue(ProcessInstance instance, String timer) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult().getDuedate().toInstant();
    }
}
