package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A centre staff member works assisted cases in the real Tasklist, in headless Chromium, in Spanish: finds the
 * case the employer brings, claims, releases, decides, and registers walk-ins. Screenshots of the list and the
 * form at 1280 px go to target/screenshots (tasklist-list-1280.png, tasklist-form-1280.png, …).
 */
@StaffWebTest
class AssistedAttentionTasklistBrowserTest {

    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final String APPROVE = "Aprobar: enviar el enlace de recuperación";
    private static final String REJECT = "Rechazar";
    private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es"));

    @LocalServerPort
    int port;
    @Autowired
    RecoveryService recoveries;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    private TestMailbox mailbox;
    private TasklistBrowser browser;

    @BeforeEach
    void setUp() throws Exception {
        DemoData.reset(runtime, jdbc);
        mailbox = new TestMailbox(mailServer);
        mailbox.clear();
        browser = TasklistBrowser.open(port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    @Test
    void agenteApprovesASuspendedRucCaseInTasklistAndTheEmployerSetsANewClave() throws Exception {
        AssistedPending pending = (AssistedPending) recoveries.start(DemoEmployers.PESQUERA.key(), DemoEmployers.PESQUERA.representative());
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(pending.recoveryId()).singleResult();
        String due = SPANISH_DATE.format(task.getDueDate().toInstant().atZone(ZoneId.systemDefault()));

        browser.signIn("agente");
        assertThat(browser.filters()).containsExactly("Atención asistida", "Mis casos");
        browser.openFilter("Atención asistida");
        assertThat(browser.taskNamesShowing("Pesquera"))
                .containsExactly(pending.caseNumber() + " · Pesquera del Pacífico Cía. Ltda. · RUC 0990123454001 · RUC suspendido en el SRI");
        assertThat(browser.taskCard("Pesquera")).as("columns and the deadline as a date")
                .contains("Caso:", pending.caseNumber(), "RUC:", "0990123454001", "Plazo: " + due)
                .doesNotContain("en un mes");
        assertThat(browser.priorityShown()).as("the engine's default priority, the same for every case").isFalse();
        assertThat(browser.pageText()).as("a standalone task staff may not create").doesNotContain("Crear tarea");
        browser.screenshot("tasklist-list-1280");
        assertThat(SpanishTasklist.englishIn(browser.pageText())).as("English words on the list").isEmpty();

        browser.openTask("Pesquera");
        browser.claim();
        assertThat(browser.formText()).contains("caso " + pending.caseNumber(), "Pesquera del Pacífico Cía. Ltda.",
                "0990123454001", "0001", "El RUC está suspendido en el SRI.", "r***@pesquera-pacifico.example",
                "nombramiento vigente y certificado del RUC");
        assertThat(browser.taskHeader()).as("the deadline as a date").contains(due);
        assertThat(browser.optionsSettlingOn("Field_Decision", REJECT)).as("no approval before the identity is verified").containsExactly(REJECT);
        browser.screenshot("tasklist-form-1280");
        assertThat(browser.pageText()).contains("Formulario", "Historial", "Diagrama", "Descripción", "Completar");
        assertThat(SpanishTasklist.englishIn(browser.pageText())).as("English words on the form").isEmpty();

        browser.check("Field_IdentityVerified");
        browser.check("Field_DocumentsChecked");
        assertThat(browser.optionsSettlingOn("Field_Decision", APPROVE, REJECT)).containsExactly(APPROVE, REJECT);
        browser.choose("Field_Decision", APPROVE);
        assertThat(browser.formText()).as("what completing will do, with the masked address only").contains(
                "Se enviará el enlace a r***@pesquera-pacifico.example, válido 3 minutos: pida al empleador abrir su correo ahora.");
        browser.type("Field_Notes", "Presentó cédula original, nombramiento y certificado del SRI.");
        browser.screenshot("assisted-attention-approving");
        browser.complete();

        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.to(DemoEmployers.PESQUERA.email()).isEmpty());
        String token = mailbox.tokenSentTo(DemoEmployers.PESQUERA.email());
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        HistoricTaskInstance worked = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(pending.recoveryId()).singleResult();
        assertThat(worked.getAssignee()).isEqualTo("agente");
        assertThat(worked.getDeleteReason()).isEqualTo("completed");
    }

    @Test
    void theClerkFindsTheCaseByTheNumberThePortalShowsOrByRucAndMayReleaseIt() throws Exception {
        recoveries.start(EmployerKey.of("0990123454001", "0001"), Cedula.parse("0922334453"));
        String caseNumber = browser.caseNumberFromThePortal("1792223334001", "0001", "1711223345");

        browser.signIn("agente");
        browser.openFilter("Atención asistida");
        browser.taskNamesShowing("Pesquera");
        browser.search(caseNumber);
        assertThat(browser.taskNamesSettlingOn(1, caseNumber)).singleElement().asString().contains("Textiles Imbabura S.A.");
        browser.screenshot("tasklist-search-case-number-1280");
        browser.clearSearch();
        browser.search("RUC 0990123454001");
        assertThat(browser.taskNamesSettlingOn(1, "Pesquera")).singleElement().asString().contains("RUC 0990123454001");

        browser.openTask("Pesquera");
        browser.claim();
        assertThat(tasks.createTaskQuery().taskNameLike("%Pesquera%").singleResult().getAssignee()).isEqualTo("agente");
        browser.release();
        assertThat(tasks.createTaskQuery().taskNameLike("%Pesquera%").singleResult().getAssignee()).as("released").isNull();
        assertThat(browser.pageText()).doesNotContain("No se pudo liberar", "TASK_ASSIGN", "No tiene permiso");
    }

    @Test
    void withoutAValidEmailOnRecordApprovalWaitsForAVerifiedOne() throws Exception {
        recoveries.start(DemoEmployers.TEXTILES.key(), DemoEmployers.TEXTILES.representative());

        browser.signIn("agente");
        browser.openFilter("Atención asistida");
        browser.openTask("Textiles Imbabura");
        browser.claim();
        assertThat(browser.formText()).contains("No hay un correo electrónico válido registrado", "(ninguno válido)", "registre un correo verificado");
        browser.check("Field_IdentityVerified");
        browser.check("Field_DocumentsChecked");
        browser.waitUntilFormNoLongerSays("Para aprobar, marque primero");
        assertThat(browser.options("Field_Decision")).as("no approval without a verified e-mail").containsExactly(REJECT);

        browser.type("Field_VerifiedEmail", "gerencia@textiles-imbabura.example");
        browser.type("Field_VerifiedEmailConfirmation", "gerencia@textiles-imbabura.exmple");
        browser.waitUntilFormSays("Los dos correos no coinciden");
        assertThat(browser.optionsSettlingOn("Field_Decision", APPROVE, REJECT)).containsExactly(APPROVE, REJECT);
        browser.screenshot("assisted-attention-verified-email");
    }

    @Test
    void aWalkInRegisteredByTheClerkLandsInMisCasosWithItsNumber() throws Exception {
        browser.signIn("agente");
        browser.openStartForm("Recuperación de clave de empleador");
        assertThat(SpanishTasklist.englishIn(browser.pageText())).as("English words on the start form").isEmpty();
        browser.type("Field_Ruc", "1790012344001");
        browser.type("Field_RepresentativeId", "1712345675");
        browser.screenshot("walk-in-start-form");
        browser.startProcess();

        String walkIn = runtime.createProcessInstanceQuery().singleResult().getId();
        String caseNumber = (String) runtime.getVariable(walkIn, RecoveryProcess.CASE_NUMBER);
        browser.openFilter("Mis casos");
        assertThat(browser.taskNamesShowing(caseNumber))
                .containsExactly(caseNumber + " · Comercial Andina S.A. · RUC 1790012344001 · atención presencial");
        browser.screenshot("tasklist-my-cases-1280");
        assertThat(tasks.createTaskQuery().processInstanceId(walkIn).singleResult().getAssignee()).isEqualTo("agente");
        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(walkIn).singleResult();
        assertThat(started.getStartUserId()).isEqualTo("agente");
    }

    @Test
    void aWalkInWhoseDataDoesNotMatchIsRefusedOnTheStartFormInOneSpanishSentence() throws Exception {
        browser.signIn("agente");
        browser.openStartForm("Recuperación de clave de empleador");
        browser.type("Field_Ruc", "1790012344001");
        browser.type("Field_RepresentativeId", "1704567898");

        assertThat(browser.startProcessRefused())
                .contains("Los datos no coinciden con el registro de empleadores: revise el RUC, la sucursal y la cédula")
                .doesNotContain("Cannot", "employerPasswordRecovery", "staff.refusal", "Exception");
        browser.screenshot("walk-in-mismatch-refused");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }
}
