package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what on the staff surfaces, with one assisted case open: an anonymous caller, the centre
 * staff member `agente` and the administrator `demo`, against the three webapps and the engine REST API.
 * Lists the engine filters by authorization answer 200 with only what the caller may see: the expected
 * size says how many items ("+" for at least one). First of all, every surface of the application against
 * every kind of caller, a user without grants included (the same table in prod: {@link ProdSurfacesTest}).
 */
@StaffWebTest
class StaffPermissionsMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    private Task task;

    @BeforeEach
    void openOneAssistedCase() {
        DemoData.reset(runtime, jdbc);
        recoveries.start(DemoEmployers.PESQUERA.key(), DemoEmployers.PESQUERA.representative());
        task = tasks.createTaskQuery().taskCandidateGroup(StaffAccess.GROUP).singleResult();
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, agente {3}, demo {4}, without grants {5}")
    @CsvFileSource(resources = "/staff/surfaces.csv", numLinesToSkip = 1)
    void everySurfaceAnswersEachKindOfCaller(String method, String path, int anonymous, int agente, int demo, int withoutGrants) {
        User user = identity.newUser(SurfaceMatrix.WITHOUT_GRANTS);
        user.setPassword(SurfaceMatrix.WITHOUT_GRANTS);
        identity.saveUser(user);
        try {
            String base = "http://localhost:" + port;
            new SurfaceMatrix(base, base).assertRow(method, path, anonymous, agente, demo, withoutGrants);
        } finally {
            identity.deleteUser(SurfaceMatrix.WITHOUT_GRANTS);
        }
    }

    @ParameterizedTest(name = "{0} logs in to {1}: {2}")
    @CsvSource({
            "agente, tasklist, 200",
            "agente, cockpit,  403",
            "agente, admin,    403",
            "demo,   tasklist, 200",
            "demo,   cockpit,  200",
            "demo,   admin,    200",
            "intruso, tasklist, 401",
    })
    void webappLogin(String user, String app, int status) {
        assertThat(StaffHttp.as(port, user).logInTo(app)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} (signed in to {1}) {2} {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "anonymous, -,        GET, /engine/engine/default/task,                                      401",
            "anonymous, -,        GET, /engine/engine/default/process-definition,                        401",
            "anonymous, -,        GET, /cockpit/plugin/base/default/process-definition/statistics,       401",
            "anonymous, -,        GET, /engine/engine/default/user,                                      401",
            "agente,    tasklist, GET, /engine/engine/default/task,                                      200",
            "agente,    tasklist, GET, /engine/engine/default/task/{task}/form-variables,                200",
            "agente,    tasklist, GET, /engine/engine/default/process-instance/{instance}/variables,     403",
            "agente,    tasklist, GET, /cockpit/plugin/base/default/process-definition/statistics,       403",
            "agente,    tasklist, POST, /engine/engine/default/user/create,                              403",
            "demo,      cockpit,  GET, /cockpit/plugin/base/default/process-definition/statistics,       200",
            "demo,      cockpit,  GET, /engine/engine/default/process-instance/{instance}/variables,     200",
            "demo,      admin,    GET, /engine/engine/default/user,                                      200",
    })
    void webappApi(String user, String app, String method, String path, int status) {
        StaffHttp http = user.equals("anonymous") ? StaffHttp.anonymous(port) : StaffHttp.as(port, user);
        if (app != null) {
            assertThat(http.logInTo(app)).isEqualTo(200);
        } else {
            http.get("/camunda/app/tasklist/default/");
        }
        String body = method.equals("POST") ? "{\"profile\":{\"id\":\"colado\",\"firstName\":\"x\",\"lastName\":\"y\"},\"credentials\":{\"password\":\"colado\"}}" : null;

        assertThat(http.webappApi(method, ids(path), body).statusCode()).as("%s %s as %s", method, path, user).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3} {4}")
    @CsvSource(nullValues = "-", value = {
            // Camunda answers the list of engine names without authentication, by design; nothing else is open.
            "anonymous, GET,    /engine,                                                    200, -",
            "anonymous, GET,    /process-definition,                                        401, -",
            "anonymous, GET,    /process-instance,                                          401, -",
            "anonymous, GET,    /process-instance/{instance}/variables,                     401, -",
            "anonymous, GET,    /task,                                                      401, -",
            "anonymous, GET,    /task/{task}/variables,                                     401, -",
            "anonymous, GET,    /history/process-instance,                                  401, -",
            "anonymous, GET,    /history/variable-instance,                                 401, -",
            "anonymous, GET,    /user,                                                      401, -",
            "agente,    GET,    /process-definition,                                        200, 1",
            "agente,    GET,    /process-definition/key/employerPasswordRecovery/deployed-start-form, 200, -",
            "agente,    GET,    /process-instance,                                          200, 0",
            "agente,    GET,    /process-instance/{instance}/variables,                     403, -",
            "agente,    DELETE, /process-instance/{instance},                               403, -",
            // The case's number, RUC and reason copied onto its task (the Tasklist columns); nothing of the process instance.
            "agente,    GET,    /variable-instance,                                         200, 3",
            "agente,    GET,    /execution,                                                 200, 0",
            "agente,    GET,    /task,                                                      200, 1",
            "agente,    GET,    /task/{task}/variables,                                     200, -",
            "agente,    GET,    /task/{task}/localVariables,                                200, -",
            "agente,    GET,    /task/{task}/deployed-form,                                 200, -",
            "agente,    GET,    /history/process-instance,                                  200, 0",
            "agente,    GET,    /history/variable-instance,                                 200, 0",
            "agente,    GET,    /history/task,                                              200, 0",
            "agente,    GET,    /history/activity-instance,                                 200, 0",
            "agente,    GET,    /deployment,                                                200, 0",
            // Jobs are the administrators' (JobsForAdministrators).
            "agente,    GET,    /job,                                                       403, -",
            "agente,    GET,    /job-definition,                                            403, -",
            // refused by the path as the container decodes it (Jersey itself would answer 404 to this spelling today)
            "agente,    GET,    /jo%62,                                                     403, -",
            "agente,    GET,    /authorization,                                             200, 0",
            "agente,    GET,    /user,                                                      200, 1",
            "agente,    GET,    /filter,                                                    200, 2",
            "demo,      GET,    /process-definition,                                        200, 1",
            "demo,      GET,    /process-instance,                                          200, 1",
            "demo,      GET,    /process-instance/{instance}/variables,                     200, -",
            "demo,      GET,    /variable-instance,                                         200, +",
            "demo,      GET,    /task,                                                      200, 1",
            "demo,      GET,    /history/process-instance,                                  200, +",
            "demo,      GET,    /history/variable-instance,                                 200, +",
            "demo,      GET,    /deployment,                                                200, +",
            "demo,      GET,    /authorization,                                             200, +",
            "demo,      GET,    /user,                                                      200, +",
            "demo,      GET,    /filter,                                                    200, 2",
            "demo,      GET,    /job,                                                       200, +",
            "demo,      GET,    /job-definition,                                            200, +",
    })
    void engineRest(String user, String method, String path, int status, String items) throws Exception {
        StaffHttp http = user.equals("anonymous") ? StaffHttp.anonymous(port) : StaffHttp.as(port, user);

        HttpResponse<String> response = http.engineRest(method, ids(path), null);

        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, user, response.body()).isEqualTo(status);
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        }
        if (items != null) {
            JsonNode list = JSON.readTree(response.body());
            assertThat(list.isArray()).isTrue();
            if (items.equals("+")) {
                assertThat(list.size()).as("%s as %s", path, user).isPositive();
            } else {
                assertThat(list.size()).as("%s as %s: %s", path, user, response.body()).isEqualTo(Integer.parseInt(items));
            }
        }
    }

    /**
     * The history cleanup's job belongs to no process instance, and the engine checks jobs through theirs: without
     * {@link JobsForAdministrators} a clerk could suspend, reschedule, exhaust, run or delete it, and so stop the purge
     * of finished recoveries. An administrator still may.
     */
    @ParameterizedTest(name = "{0} {1} the history cleanup job{2}: {4}")
    @CsvSource(delimiter = '|', value = {
            "agente | GET    |            |                                  | 403",
            "agente | PUT    | /suspended | {\"suspended\": true}            | 403",
            "agente | PUT    | /retries   | {\"retries\": 0}                 | 403",
            "agente | PUT    | /duedate   | {\"duedate\": \"2099-01-01T00:00:00.000+0000\"} | 403",
            "agente | PUT    | /priority  | {\"priority\": 0}                | 403",
            "agente | POST   | /execute   |                                  | 403",
            "agente | DELETE |            |                                  | 403",
            "demo   | GET    |            |                                  | 200",
            "demo   | PUT    | /suspended | {\"suspended\": false}           | 204",
    })
    void onlyAdministratorsTouchTheHistoryCleanupJob(String user, String method, String action, String json, int status) throws Exception {
        Job before = history.findHistoryCleanupJobs().get(0);

        HttpResponse<String> response = StaffHttp.as(port, user).engineRest(method, "/job/" + before.getId() + (action == null ? "" : action), json);

        assertThat(response.statusCode()).as("%s %s as %s: %s", method, action, user, response.body()).isEqualTo(status);
        if (status == 403) {
            assertThat(JSON.readTree(response.body()).path("message").asText()).contains("solo un administrador");
        }
        Job after = management.createJobQuery().jobId(before.getId()).singleResult();
        assertThat(after).as("the job is still there").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getRetries()).isEqualTo(before.getRetries());
        assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
        assertThat(after.getPriority()).isEqualTo(before.getPriority());
    }

    @ParameterizedTest(name = "{0} signed in to {1} suspends the history cleanup job: {2}")
    @CsvSource({"agente, tasklist, 403", "demo, cockpit, 204"})
    void theWebappsEngineApiKeepsJobsToAdministratorsToo(String user, String app, int status) {
        Job before = history.findHistoryCleanupJobs().get(0);
        StaffHttp http = StaffHttp.as(port, user);
        assertThat(http.logInTo(app)).isEqualTo(200);
        // the signed-in session's CSRF token, as the app loads it after its login
        http.get("/camunda/app/" + app + "/default/");

        HttpResponse<String> response = http.webappApi("PUT", "/engine/engine/default/job/" + before.getId() + "/suspended",
                "{\"suspended\": " + (status == 403) + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.body()).contains("solo un administrador");
        }
        assertThat(management.createJobQuery().jobId(before.getId()).singleResult().isSuspended()).isFalse();
    }

    private String ids(String path) {
        return path.replace("{task}", task.getId()).replace("{instance}", task.getProcessInstanceId());
    }
}
