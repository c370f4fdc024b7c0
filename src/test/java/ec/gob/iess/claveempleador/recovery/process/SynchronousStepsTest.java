package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The API answers from the recovery row right after it starts the process or correlates a message: the steps that
 * write that row must run in the caller's transaction. An async continuation on any of them would let the API answer
 * before the step ran (a code not yet issued, a clave not yet stored).
 */
class SynchronousStepsTest {

    // The model as the application deploys it (from the classpath, where the build copies bpmn/).
    private static final String DEPLOYED_MODEL = "/bpmn/employer-password-recovery.bpmn";

    private static BpmnModelInstance model;

    @BeforeAll
    static void readDeployedModel() throws IOException {
        try (InputStream in = SynchronousStepsTest.class.getResourceAsStream(DEPLOYED_MODEL)) {
            assertThat(in).as(DEPLOYED_MODEL + " on the classpath").isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ServiceTask_ValidateEmployer",
            "ServiceTask_IssueOtp",
            "ServiceTask_VerifyOtp",
            "ServiceTask_IssueLink",
            "ServiceTask_StorePassword"
    })
    void theStepsTheApiReadsRightAfterACallRunInTheCallersTransaction(String serviceTaskId) {
        FlowNode step = model.getModelElementById(serviceTaskId);

        assertThat(step).as(serviceTaskId + " in the model").isNotNull();
        assertThat(step.isCamundaAsyncBefore()).as(serviceTaskId + " asyncBefore").isFalse();
        assertThat(step.isCamundaAsyncAfter()).as(serviceTaskId + " asyncAfter").isFalse();
    }

    @Test
    void onlyTheMailsRunAsJobs() {
        List<String> async = model.getModelElementsByType(FlowNode.class).stream()
                .filter(SynchronousStepsTest::runsAsAJob)
                .map(FlowNode::getId)
                .toList();

        assertThat(async).containsExactlyInAnyOrder(
                "ServiceTask_SendOtpMail", "ServiceTask_SendLinkMail", "ServiceTask_SendConfirmationMail",
                "ServiceTask_NotifyPreviousAddress", "ServiceTask_SendRejectionMail", "ServiceTask_SendCaseExpiredMail",
                "ServiceTask_SendApprovalExpiredMail");
    }

    /** An event-based gateway cannot continue asynchronously after itself: the model API refuses even to be asked. */
    private static boolean runsAsAJob(FlowNode node) {
        return node.isCamundaAsyncBefore() || !(node instanceof EventBasedGateway) && node.isCamundaAsyncAfter();
    }
}
