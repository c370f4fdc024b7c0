package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A centre staff member works assisted cases in the real Tasklist, in headless Chromium. */
@StaffWebTest
class AssistedAttentionTasklistBrowserTest {

    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final String APPROVE = "Aprobar: enviar el enlace de recuperación";
    private static final String REJECT = "Rechazar";

    @LocalServerPort
    int port;
    @Autowired
    RecoveryService recoveries;
    @Autowired
    RuntimeService runtime;
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
        AssistedPending pending = (AssistedPending) recoveries.start(EmployerKey.of("0990123454001", "0001"), Cedula.parse("0922334453"));

        browser.signIn("agente");
        assertThat(browser.filters()).containsExactly("Atención asistida");
        browser.openFilter("Atención asistida");
        assertThat(browser.taskNamesShowing("Pesquera"))
                .containsExactly("Atención asistida – Pesquera del Pacífico Cía. Ltda. – RUC suspendido en el SRI");
        browser.openTask("Pesquera");
        browser.claim();

        assertThat(browser.formText()).contains("caso " + pending.caseNumber(), "Pesquera del Pacífico Cía. Ltda.",
                "0990123454001", "0001", "RUC suspendido en el SRI", "r***@pesquera-pacifico.example",
                "nombramiento vigente y certificado del RUC");
        assertThat(browser.optionsSettlingOn("Field_Decision", REJECT)).as("no approval before the identity is verified").containsExactly(REJECT);
        browser.screenshot("assisted-attention-task-form");

        browser.check("Field_IdentityVerified");
        browser.check("Field_DocumentsChecked");
        assertThat(browser.optionsSettlingOn("Field_Decision", APPROVE, REJECT)).containsExactly(APPROVE, REJECT);
        browser.choose("Field_Decision", APPROVE);
        assertThat(browser.formText()).as("what completing will do, with the masked address only").contains(
                "Se enviará el enlace a r***@pesquera-pacifico.example, válido 3 minutos: pida al empleador abrir su correo ahora.");
        browser.type("Field_Notes", "Presentó cédula original, nombramiento y certificado del SRI.");
        browser.screenshot("assisted-attention-approving");
        browser.complete();

        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.to("rrhh@pesquera-pacifico.example").isEmpty());
        String token = mailbox.tokenSentTo("rrhh@pesquera-pacifico.example");
        assertThat(recoveries.submitNewPassword(token, NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        HistoricTaskInstance worked = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(pending.recoveryId()).singleResult();
        assertThat(worked.getAssignee()).isEqualTo("agente");
        assertThat(worked.getDeleteReason()).isEqualTo("completed");
    }

    @Test
    void withoutAValidEmailOnRecordApprovalWaitsForAVerifiedOne() throws Exception {
        recoveries.start(EmployerKey.of("1792223334001", "0001"), Cedula.parse("1711223345"));

        browser.signIn("agente");
        browser.openFilter("Atención asistida");
        browser.openTask("Textiles Imbabura");
        browser.claim();
        assertThat(browser.formText()).contains("sin correo válido", "(ninguno válido)", "registre un correo verificado");
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
    void agenteRegistersAWalkInEmployerFromTheStartFormAndTheCaseAppearsInTheFilter() throws Exception {
        browser.signIn("agente");
        browser.openStartForm("Recuperación de clave de empleador");
        browser.type("Field_Ruc", "1790012344001");
        browser.type("Field_RepresentativeId", "1712345675");
        browser.screenshot("walk-in-start-form");
        browser.startProcess();

        browser.openFilter("Atención asistida");
        assertThat(browser.taskNamesShowing("Comercial Andina"))
                .contains("Atención asistida – Comercial Andina S.A. – atención presencial");
        browser.screenshot("walk-in-case-in-filter");
        String walkIn = runtime.createProcessInstanceQuery().singleResult().getId();
        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(walkIn).singleResult();
        assertThat(started.getStartUserId()).isEqualTo("agente");
    }

    @Test
    void aWalkInWhoseDataDoesNotMatchIsRefusedOnTheStartFormWithTheReason() throws Exception {
        browser.signIn("agente");
        browser.openStartForm("Recuperación de clave de empleador");
        browser.type("Field_Ruc", "1790012344001");
        browser.type("Field_RepresentativeId", "1704567898");

        assertThat(browser.startProcessRefused()).contains("Los datos no coinciden con el registro de empleadores");
        browser.screenshot("walk-in-mismatch-refused");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }
}
