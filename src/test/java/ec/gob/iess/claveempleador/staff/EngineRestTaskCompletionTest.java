package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integrations and operators work assisted cases through /engine-rest, as the staff member they sign in as. */
@StaffWebTest
class EngineRestTaskCompletionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String APPROVAL = """
            {"variables": {"decision": {"value": "approve"}, "identityVerified": {"value": true},
             "documentsChecked": {"value": true}, "notes": {"value": "Atendido por la API"}}}""";

    @LocalServerPort
    int port;
    @Autowired
    RecoveryService recoveries;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    private TestMailbox mailbox;
    private AssistedPending pending;
    private Task task;

    @BeforeEach
    void openOneAssistedCase() throws Exception {
        DemoData.reset(runtime, jdbc);
        mailbox = new TestMailbox(mailServer);
        mailbox.clear();
        pending = (AssistedPending) recoveries.start(DemoEmployers.PESQUERA.key(), DemoEmployers.PESQUERA.representative());
        task = tasks.createTaskQuery().processInstanceBusinessKey(pending.recoveryId()).singleResult();
    }

    @Test
    void agenteClaimsAndCompletesAnAssistedTaskAndTheLinkIsMailed() {
        StaffHttp agente = StaffHttp.as(port, "agente");

        assertThat(agente.engineRest("POST", "/task/" + task.getId() + "/claim", "{\"userId\": \"agente\"}").statusCode()).isEqualTo(204);
        assertThat(agente.engineRest("POST", "/task/" + task.getId() + "/complete", APPROVAL).statusCode()).isEqualTo(204);

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.to(DemoEmployers.PESQUERA.email()).isEmpty());
        assertThat(mailbox.linkSentTo(DemoEmployers.PESQUERA.email())).contains("/recuperar-clave/nueva-clave?token=");
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.AWAITING_NEW_PASSWORD);
    }

    @Test
    void anonymousCannotCompleteATask() {
        HttpResponse<String> response = StaffHttp.anonymous(port).engineRest("POST", "/task/" + task.getId() + "/complete", APPROVAL);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void wrongPasswordIsRejectedLikeNoPassword() {
        HttpResponse<String> response = StaffHttp.as(port, "intruso").engineRest("GET", "/task", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void agenteCanNeitherSeeNorCompleteATaskNotOfferedToItsGroup() {
        Task other = tasks.newTask();
        other.setName("Tarea interna");
        tasks.saveTask(other);
        try {
            StaffHttp agente = StaffHttp.as(port, "agente");

            assertThat(agente.engineRest("GET", "/task/" + other.getId(), null).statusCode()).isEqualTo(404);
            assertThat(agente.engineRest("POST", "/task/" + other.getId() + "/complete", "{}").statusCode()).isEqualTo(403);
            assertThat(tasks.createTaskQuery().taskId(other.getId()).count()).isOne();
        } finally {
            tasks.deleteTask(other.getId(), true);
        }
    }

    @Test
    void approvingWithoutTheIdentityVerifiedIsRefusedWithAMessageForTheStaffMember() throws Exception {
        StaffHttp agente = StaffHttp.as(port, "agente");
        agente.engineRest("POST", "/task/" + task.getId() + "/claim", "{\"userId\": \"agente\"}");

        HttpResponse<String> response = agente.engineRest("POST", "/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"identityVerified\": {\"value\": false}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).as("one sentence, no engine text")
                .isEqualTo("No se puede aprobar: primero verifique en persona la identidad del representante legal (marque «Identidad verificada»).");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.ASSISTED_PENDING);
    }

    @Test
    void anIntegrationMayReadTheRefusalInEnglish() throws Exception {
        StaffHttp agente = StaffHttp.as(port, "agente");
        agente.engineRest("POST", "/task/" + task.getId() + "/claim", "{\"userId\": \"agente\"}");

        HttpResponse<String> response = agente.engineRestIn(Locale.ENGLISH, "POST", "/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"identityVerified\": {\"value\": false}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).startsWith("Cannot approve: first verify the legal representative's identity");
    }

    @Test
    void otherEngineErrorsKeepTheEnginesAnswer() throws Exception {
        HttpResponse<String> response = StaffHttp.as(port, "agente").engineRest("POST", "/task/no-such-task/complete", "{}");

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("no-such-task");
        assertThat(JSON.readTree(response.body()).path("type").asText()).isNotEqualTo("StaffRefusalException");
    }

    @Test
    void agenteMayReleaseATaskSheClaimedButNotATaskAColleagueHolds() {
        StaffHttp agente = StaffHttp.as(port, "agente");
        String claim = "/task/" + task.getId() + "/claim";
        String release = "/task/" + task.getId() + "/unclaim";

        assertThat(agente.engineRest("POST", claim, "{\"userId\": \"agente\"}").statusCode()).isEqualTo(204);
        assertThat(agente.engineRest("POST", release, null).statusCode()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        assertThat(StaffHttp.as(port, "demo").engineRest("POST", "/task/" + task.getId() + "/assignee", "{\"userId\": \"demo\"}").statusCode())
                .isEqualTo(204);
        assertThat(agente.engineRest("POST", release, null).statusCode()).as("the grant to release went with the task").isEqualTo(403);
        assertThat(agente.engineRest("POST", "/task/" + task.getId() + "/assignee", "{\"userId\": \"agente\"}").statusCode()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("demo");
    }

    @Test
    void demoMayReassignWhatAgenteMayNot() {
        String assign = "{\"userId\": \"demo\"}";

        assertThat(StaffHttp.as(port, "agente").engineRest("POST", "/task/" + task.getId() + "/assignee", assign).statusCode()).isEqualTo(403);
        assertThat(StaffHttp.as(port, "demo").engineRest("POST", "/task/" + task.getId() + "/assignee", assign).statusCode()).isEqualTo(204);
    }
}
