package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.support.DemoData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff start a recovery through the engine's APIs only with the start form's three fields, checked like the
 * portal checks them: anything else is refused with a 400 and a Spanish sentence, before the engine starts.
 */
@StaffWebTest
class StaffStartGateTest {

    private static final String START = "/process-definition/key/" + RecoveryProcess.KEY + "/start";
    private static final String SUBMIT_FORM = "/process-definition/key/" + RecoveryProcess.KEY + "/submit-form";
    private static final String WALK_IN = """
            "ruc": {"value": "1790012344001", "type": "String"}, "sucursal": {"value": "0001"},
             "representativeId": {"value": "1712345675", "type": "String"}""";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noRecoveries() {
        DemoData.reset(runtime, jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"variables\": {" + WALK_IN + ", \"otpWindow\": {\"value\": \"P30D\"}}}",
            "{\"variables\": {" + WALK_IN + ", \"channel\": {\"value\": \"ONLINE\"}}}",
            "{\"variables\": {" + WALK_IN + ", \"assistedDue\": {\"value\": \"2030-01-01T00:00:00.000+0000\", \"type\": \"Date\"}}}",
            "{\"variables\": {" + WALK_IN + "}, \"businessKey\": \"5f0c4a52-8f5e-4a3b-9a9e-0d3c2f1b7a11\"}",
            "{\"variables\": {" + WALK_IN + "}, \"skipCustomListeners\": true,"
                    + " \"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ServiceTask_RegisterVerifiedEmail\"}]}",
            "{\"variables\": {\"ruc\": {\"value\": 1790012344001, \"type\": \"Long\"}, \"sucursal\": {\"value\": \"0001\"},"
                    + " \"representativeId\": {\"value\": \"1712345675\"}}}",
            "{\"variables\": {\"ruc\": {\"value\": \"1790012344001\"}}}",
            "{}"
    })
    void agenteCannotStartARecoveryWithAnythingButTheFormsFields(String body) {
        long before = history.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> response = StaffHttp.as(port, "agente").engineRest("POST", START, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"START_FIELDS_ONLY\"",
                "Una recuperación se registra solo con los campos del formulario de inicio");
        assertThat(response.body()).doesNotContain("Exception:", "ProcessEngine", "at org.");
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("nothing was started").isEqualTo(before);
    }

    @Test
    void aStartThatNamesTheDefinitionByIdIsHeldToTheSameFields() {
        String id = repository.createProcessDefinitionQuery().processDefinitionKey(RecoveryProcess.KEY).latestVersion().singleResult().getId();
        long before = history.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> response = StaffHttp.as(port, "agente").engineRest("POST", "/process-definition/" + id + "/start",
                "{\"variables\": {" + WALK_IN + ", \"otpWindow\": {\"value\": \"P30D\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"START_FIELDS_ONLY\"");
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void malformedNumbersAreRefusedWithWhatToFixLikeThePortalDoes() {
        long before = history.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> response = StaffHttp.as(port, "agente").engineRest("POST", SUBMIT_FORM, """
                {"variables": {"ruc": {"value": "1712345678001"}, "sucursal": {"value": "0001"},
                 "representativeId": {"value": "1712345678"}}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"VALIDATION_FAILED\"", "Revise los datos del empleador.",
                "RUC: El RUC no es válido: revise los dígitos.",
                "Cédula del representante legal: La cédula no es válida: revise los dígitos.");
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void theFormsFieldsStartAWalkInCaseAsTheStaffMemberWhoSentThem() {
        HttpResponse<String> response = StaffHttp.as(port, "agente").engineRest("POST", SUBMIT_FORM, """
                {"variables": {"ruc": {"value": "1790012344001"}, "sucursal": {"value": "0001"},
                 "representativeId": {"value": "171234567-5"}}, "businessKey": null}""");

        assertThat(response.statusCode()).isEqualTo(200);
        ProcessInstance walkIn = runtime.createProcessInstanceQuery().singleResult();
        assertThat(runtime.getVariables(walkIn.getId())).containsEntry(RecoveryProcess.CHANNEL, "CENTRE")
                .containsEntry(RecoveryProcess.ASSISTED_REASON, AssistedReason.WALK_IN.name())
                .containsEntry(RecoveryProcess.REPRESENTATIVE_ID, "1712345675");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(walkIn.getId()).singleResult().getStartUserId()).isEqualTo("agente");
    }

    @Test
    void tasklistsOwnEngineApiIsHeldToTheSameFields() {
        StaffHttp agente = StaffHttp.as(port, "agente");
        assertThat(agente.logInTo("tasklist")).isEqualTo(200);
        long before = history.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> response = agente.webappApi("POST", "/engine/engine/default" + SUBMIT_FORM,
                "{\"variables\": {" + WALK_IN + ", \"otpWindow\": {\"value\": \"P30D\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Una recuperación se registra solo con los campos del formulario de inicio");
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void anonymousStartsAreLeftToTheEngineWhichRefusesThem() {
        HttpResponse<String> response = StaffHttp.anonymous(port).engineRest("POST", START, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
