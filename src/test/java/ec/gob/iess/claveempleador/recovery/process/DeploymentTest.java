package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeploymentTest extends RecoveryProcessTestBase {

    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;

    @Test
    void theProcessAndBothFormsAreDeployedTogether() {
        ProcessDefinition definition = latest();
        assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
                .anyMatch(name -> name.endsWith("forms/assisted-attention.form"))
                .anyMatch(name -> name.endsWith("forms/assisted-recovery-start.form"))
                .anyMatch(name -> name.endsWith("bpmn/employer-password-recovery.bpmn"));
    }

    @Test
    void tasklistGetsTheDeployedFormsOfTheStartEventAndTheAssistedTask() throws IOException {
        assertThat(read(forms.getDeployedStartForm(latest().getId()))).containsPattern("\"id\"\\s*:\\s*\"assistedRecoveryStart\"");

        AssistedPending pending = (AssistedPending) start(DemoEmployers.PESQUERA);

        assertThat(read(forms.getDeployedTaskForm(task(instance(pending.recoveryId())).getId())))
                .containsPattern("\"id\"\\s*:\\s*\"assistedAttention\"");
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("employerPasswordRecovery").latestVersion().singleResult();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
