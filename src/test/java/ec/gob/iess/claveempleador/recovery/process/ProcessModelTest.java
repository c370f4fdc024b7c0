package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model keeps the conventions that make it readable, operable and safe to change. */
class ProcessModelTest {

    private static final Path MODEL = Path.of("bpmn/employer-password-recovery.bpmn");
    private static BpmnModelInstance model;
    private static String xml;

    @BeforeAll
    static void readModel() throws IOException {
        xml = Files.readString(MODEL, StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(MODEL)) {
            model = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(model);
    }

    @Test
    void theProcessIsExecutableWithItsKeyAndAHistoryTimeToLive() {
        Process process = model.getModelElementById("employerPasswordRecovery");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.getName()).isEqualTo("Recuperación de clave de empleador");
    }

    @Test
    void nothingIsWiredByClassName() {
        assertThat(xml).doesNotContain("camunda:class=");
    }

    @Test
    void everyFlowNodeHasAName() {
        assertThat(all(FlowNode.class)).allSatisfy(node ->
                assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank());
    }

    @Test
    void everyServiceTaskCallsASpringBeanByDelegateExpression() {
        assertThat(all(ServiceTask.class)).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            assertThat(task.getCamundaClass()).isNull();
            assertThat(task.getCamundaExpression()).isNull();
        });
    }

    @Test
    void everyUserTaskHasADeployedForm() {
        assertThat(all(UserTask.class)).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        });
    }

    @Test
    void everyTimerTakesItsDurationFromConfiguration() {
        assertThat(all(TimerEventDefinition.class)).hasSize(4).allSatisfy(timer -> {
            // A window is a duration; the approval's end is a date, fixed at approval from configuration.
            String expression = timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent().trim()
                    : timer.getTimeDate().getTextContent().trim();
            // The configuration bean, never a bare name: a process variable of that name would win over a bean.
            assertThat(expression).matches("\\$\\{processTimers\\.([a-zA-Z]+|approvalExpiry\\(execution\\))}");
        });
    }

    @Test
    void mailTasksAreAsyncWithRetryCyclesDerivedFromTheirWindows() {
        Map<String, String> mailTasks = Map.of(
                "ServiceTask_SendOtpMail", "${mailRetries.codeCycle}",
                "ServiceTask_SendLinkMail", "${mailRetries.linkCycle}",
                "ServiceTask_SendConfirmationMail", "${mailRetries.confirmationCycle}",
                "ServiceTask_NotifyPreviousAddress", "${mailRetries.confirmationCycle}");
        mailTasks.forEach((id, cycleExpression) -> {
            ServiceTask task = model.getModelElementById(id);
            assertThat(task.isCamundaAsyncBefore()).as("%s is async", id).isTrue();
            CamundaFailedJobRetryTimeCycle cycle = task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
            assertThat(cycle.getTextContent()).isEqualTo(cycleExpression);
        });
    }

    @Test
    void everyEndOfARecoveryRecordsItsOutcome() {
        Set<String> recoveryEnds = all(EndEvent.class).stream()
                .filter(end -> !(end.getParentElement() instanceof SubProcess sub) || sub.triggeredByEvent())
                // The notice to a replaced address runs beside the link and ends only its own branch.
                .filter(end -> !end.getId().equals("EndEvent_PreviousAddressNotified"))
                .map(BaseElement::getId)
                .collect(Collectors.toSet());
        assertThat(recoveryEnds).isEqualTo(RecoveryOutcomeListener.OUTCOMES.keySet());
        for (String id : recoveryEnds) {
            EndEvent end = model.getModelElementById(id);
            CamundaExecutionListener listener = end.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaExecutionListener.class).singleResult();
            assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${recoveryOutcomeListener}");
        }
    }

    @Test
    void eachWindowIsBoundedByATimerOnItsSubprocess() {
        assertThat(((BoundaryEvent) model.getModelElementById("BoundaryTimer_OtpWindow")).getAttachedTo().getId())
                .isEqualTo("SubProcess_OtpWindow");
        assertThat(((BoundaryEvent) model.getModelElementById("BoundaryTimer_LinkWindow")).getAttachedTo().getId())
                .isEqualTo("SubProcess_LinkWindow");
        assertThat(((BoundaryEvent) model.getModelElementById("BoundaryTimer_AssistedDeadline")).getAttachedTo().getId())
                .isEqualTo("UserTask_AssistedAttention");
    }

    @Test
    void everyElementIsDrawnInTheDiagram() {
        Set<String> drawn = all(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        drawn.addAll(all(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet()));
        assertThat(all(FlowElement.class)).allSatisfy(element ->
                assertThat(drawn).as("diagram of %s", element.getId()).contains(element.getId()));
        assertThat(all(SequenceFlow.class)).isNotEmpty();
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> Collection<T> all(Class<T> type) {
        return model.getModelElementsByType(type);
    }
}
