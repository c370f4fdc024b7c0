package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.DataMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.support.TestMailbox;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail after every road a recovery can take: which steps, in which order, by whom, from which network,
 * and never a secret. The employer's calls run inside a web request from {@link #EMPLOYER_ADDRESS} (as the API and
 * the pages do), the clerk's inside a signed-in request from {@link #CLERK_ADDRESS}; jobs and timers run outside
 * any request, as on the job executor.
 */
class AuditTrailProcessTest extends RecoveryProcessTestBase {

    private static final String EMPLOYER_ADDRESS = "203.0.113.77";
    private static final String EMPLOYER_NETWORK = "203.0.113.0/24";
    private static final String CLERK_ADDRESS = "198.51.100.23";
    private static final String CLERK_NETWORK = "198.51.100.0/24";
    private static final String ANDINA_MAIL = "talento.humano@comercial-andina.example";
    private static final String PESQUERA_MAIL = "rrhh@pesquera-pacifico.example";
    private static final String PESQUERA_NEW_MAIL = "gerencia@pesquera-nueva.example";

    /** What the test typed or read that must never reach a row: codes, tokens, claves, full addresses. */
    private final List<String> secrets = new ArrayList<>(List.of(NEW_CLAVE, ANDINA_MAIL, PESQUERA_MAIL, PESQUERA_NEW_MAIL,
            "gerencia@textiles-imbabura.example"));

    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    AssistedCases cases;

    @BeforeEach
    void emptyTrail() {
        jdbc.sql("DELETE FROM audit_event").update();
    }

    @AfterEach
    void noSecretInAnyRowAndPesqueraAsSeeded() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_event").query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                String text = String.valueOf(value);
                assertThat(secrets).as("no secret in %s", row).noneMatch(text::contains);
            }
        }
        jdbc.sql("UPDATE employer SET email = ? WHERE ruc = '0990123454001'").param(PESQUERA_MAIL).update();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anOnlineRecoveryRecordsEachStepWithWhoTookIt() {
        String recoveryId = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));
        String code = secret(mailedCode(recoveryId, ANDINA_MAIL));
        assertThat(asEmployer(() -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow()))).isInstanceOf(CodeAccepted.class);
        String token = secret(mailedToken(recoveryId, ANDINA_MAIL));
        assertThat(asEmployer(() -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE))).isInstanceOf(PasswordChanged.class);
        execute(job("ServiceTask_SendConfirmationMail", instance(recoveryId)));

        assertThat(trail(recoveryId)).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("CODE_SENT", "system", null, "t***@comercial-andina.example"),
                tuple("CODE_ACCEPTED", "employer", EMPLOYER_NETWORK, null),
                tuple("LINK_SENT", "system", null, "t***@comercial-andina.example"),
                tuple("CLAVE_SET", "employer", EMPLOYER_NETWORK, null));
        assertThat(jdbc.sql("SELECT DISTINCT ruc || '/' || sucursal FROM audit_event WHERE recovery_id = ?").param(recoveryId)
                .query(String.class).list()).containsExactly("1790012344001/0001");
    }

    @Test
    void dataThatDoesNotMatchIsRecordedAsRejected() {
        assertThat(asEmployer(() -> start("1790012344001", "0001", "1704567898"))).isEqualTo(new DataMismatch());
        String recoveryId = jdbc.sql("SELECT id FROM recovery").query(String.class).single();

        assertThat(trail(recoveryId)).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("VALIDATION_REJECTED", "employer", EMPLOYER_NETWORK, null));
    }

    @Test
    void aWrongCodeThenTheRightOneAreBothRecorded() {
        String recoveryId = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));
        String code = secret(mailedCode(recoveryId, ANDINA_MAIL));

        assertThat(asEmployer(() -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(otherThan(code)).orElseThrow()))).isInstanceOf(CodeInvalid.class);
        assertThat(asEmployer(() -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow()))).isInstanceOf(CodeAccepted.class);

        assertThat(events(recoveryId)).containsExactly("STARTED", "CODE_SENT", "CODE_WRONG", "CODE_ACCEPTED");
        assertThat(trail(recoveryId).get(2)).isEqualTo(tuple("CODE_WRONG", "employer", EMPLOYER_NETWORK, "intentos restantes: 2"));
    }

    @Test
    void threeWrongCodesLockTheRecoveryByTheEmployersHand() {
        String recoveryId = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));
        String code = secret(mailedCode(recoveryId, ANDINA_MAIL));

        for (int i = 0; i < 2; i++) {
            asEmployer(() -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(otherThan(code)).orElseThrow()));
        }
        assertThat(asEmployer(() -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(otherThan(code)).orElseThrow()))).isInstanceOf(CodeLocked.class);

        assertThat(events(recoveryId)).containsExactly("STARTED", "CODE_SENT", "CODE_WRONG", "CODE_WRONG", "CODE_WRONG", "CODE_LOCKED");
        assertThat(trail(recoveryId).get(5)).isEqualTo(tuple("CODE_LOCKED", "employer", EMPLOYER_NETWORK, null));
    }

    @Test
    void windowsThatCloseAreRecordedAsTheSystems() {
        String codeExpires = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));
        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_OtpWindow", instance(codeExpires)));

        String linkExpires = asEmployer(() -> startOnline("1790012344001", "0002", "1712345675"));
        String code = secret(mailedCode(linkExpires, "gye@comercial-andina.example"));
        asEmployer(() -> recoveries.submitCode(new RecoveryId(linkExpires), OtpCode.parse(code).orElseThrow()));
        secret(mailedToken(linkExpires, "gye@comercial-andina.example"));
        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(linkExpires)));

        assertThat(trail(codeExpires)).last().isEqualTo(tuple("CODE_EXPIRED", "system", null, null));
        assertThat(events(linkExpires)).containsExactly("STARTED", "CODE_SENT", "CODE_ACCEPTED", "LINK_SENT", "LINK_EXPIRED");
        assertThat(trail(linkExpires)).last().isEqualTo(tuple("LINK_EXPIRED", "system", null, null));
    }

    @Test
    void aMailTryThatFailsIsRecordedAndTheSendItRolledBackIsNot() {
        String recoveryId = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));
        int workingPort = mailSender.getPort();
        mailSender.setPort(1);
        try {
            assertThatThrownBy(() -> execute(job("ServiceTask_SendOtpMail", instance(recoveryId))))
                    .hasMessageContaining("Mail server connection failed");
        } finally {
            mailSender.setPort(workingPort);
        }
        secret(mailedCode(recoveryId, ANDINA_MAIL));

        assertThat(trail(recoveryId)).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("MAIL_FAILED", "system", null, "code: se reintentará"),
                tuple("CODE_SENT", "system", null, "t***@comercial-andina.example"));
    }

    @Test
    void aNewRequestSupersedesTheOldOneOnTheEmployersBehalf() {
        String first = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));
        advanceClock(Duration.ofSeconds(1));
        String second = asEmployer(() -> startOnline("1790012344001", "0001", "1712345675"));

        assertThat(trail(first)).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("SUPERSEDED", "employer", EMPLOYER_NETWORK, null));
        assertThat(events(second)).containsExactly("STARTED");
    }

    @Test
    void anApprovedCaseNamesTheClerkWhoDecided() {
        AssistedPending pending = asEmployer(() -> (AssistedPending) start("0990123454001", "0001", "0922334453"));

        asClerk(() -> complete(task(instance(pending.recoveryId())), approve("")));
        String token = secret(mailedToken(pending.recoveryId(), PESQUERA_MAIL));
        asEmployer(() -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE));

        assertThat(trail(pending.recoveryId())).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("CASE_OPENED", "employer", EMPLOYER_NETWORK, "RUC_SUSPENDED"),
                tuple("APPROVED", "agente", CLERK_NETWORK, null),
                tuple("LINK_SENT", "system", null, "r***@pesquera-pacifico.example"),
                tuple("CLAVE_SET", "employer", EMPLOYER_NETWORK, null));
        assertThat(caseNumbers(pending.recoveryId())).containsOnly(pending.caseNumber());
        assertThat(management.createJobQuery().activityId("ServiceTask_NotifyPreviousAddress").count())
                .as("no address was replaced, nobody to tell").isZero();
    }

    @Test
    void replacingAValidAddressRecordsItMaskedAndTellsTheOldAddress() throws Exception {
        AssistedPending pending = asEmployer(() -> (AssistedPending) start("0990123454001", "0001", "0922334453"));

        asClerk(() -> complete(task(instance(pending.recoveryId())), approve(PESQUERA_NEW_MAIL)));

        assertThat(instance(pending.recoveryId())).isWaitingAt("ServiceTask_NotifyPreviousAddress", "ServiceTask_SendLinkMail",
                "ReceiveTask_AwaitNewPassword");
        execute(job("ServiceTask_NotifyPreviousAddress", instance(pending.recoveryId())));
        MimeMessage notice = mailbox.latestTo(PESQUERA_MAIL);
        assertThat(TestMailbox.subject(notice)).isEqualTo("Se registró un nuevo correo para su clave de empleador");
        assertThat(TestMailbox.text(notice))
                .contains("Pesquera del Pacífico Cía. Ltda.", "25/11/2026 10:00", "g***@pesquera-nueva.example",
                        "personal de un Centro de Atención Universal", "RUC 0990123454001, sucursal 0001", pending.caseNumber(),
                        "Si usted no solicitó este cambio, acuda de inmediato")
                .doesNotContain(PESQUERA_NEW_MAIL, "agente");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM previous_address_notice").query(Integer.class).single())
                .as("the old address is forgotten once told").isZero();
        String token = secret(mailedToken(pending.recoveryId(), PESQUERA_NEW_MAIL));
        asEmployer(() -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE));
        execute(job("ServiceTask_SendConfirmationMail", instance(pending.recoveryId())));

        assertThat(trail(pending.recoveryId())).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("CASE_OPENED", "employer", EMPLOYER_NETWORK, "RUC_SUSPENDED"),
                tuple("APPROVED", "agente", CLERK_NETWORK, null),
                tuple("EMAIL_REGISTERED", "agente", CLERK_NETWORK, "g***@pesquera-nueva.example"),
                tuple("PREVIOUS_ADDRESS_NOTIFIED", "system", null, "r***@pesquera-pacifico.example"),
                tuple("LINK_SENT", "system", null, "g***@pesquera-nueva.example"),
                tuple("CLAVE_SET", "employer", EMPLOYER_NETWORK, null));
        assertThat(instance(pending.recoveryId())).isEnded();
    }

    @Test
    void registeringAnAddressWhereNoneWasValidOrTheSameAgainTellsNobody() {
        AssistedPending textiles = asEmployer(() -> (AssistedPending) start("1792223334001", "0001", "1711223345"));
        AssistedPending pesquera = asEmployer(() -> (AssistedPending) start("0990123454001", "0001", "0922334453"));

        asClerk(() -> complete(task(instance(textiles.recoveryId())), approve("gerencia@textiles-imbabura.example")));
        asClerk(() -> complete(task(instance(pesquera.recoveryId())), approve("RRHH@pesquera-pacifico.example")));

        assertThat(management.createJobQuery().activityId("ServiceTask_NotifyPreviousAddress").count()).isZero();
        assertThat(events(textiles.recoveryId())).containsExactly("STARTED", "CASE_OPENED", "APPROVED", "EMAIL_REGISTERED");
        assertThat(trail(textiles.recoveryId()).get(3)).isEqualTo(tuple("EMAIL_REGISTERED", "agente", CLERK_NETWORK, "g***@textiles-imbabura.example"));
    }

    @Test
    void aRejectedCaseNamesTheClerkWhoRejectedIt() {
        AssistedPending pending = asEmployer(() -> (AssistedPending) start("0990123454001", "0001", "0922334453"));

        asClerk(() -> complete(task(instance(pending.recoveryId())), reject()));
        execute(job("ServiceTask_SendRejectionMail", instance(pending.recoveryId())));

        assertThat(trail(pending.recoveryId())).last().isEqualTo(tuple("REJECTED", "agente", CLERK_NETWORK, null));
        assertThat(caseNumbers(pending.recoveryId())).containsOnly(pending.caseNumber());
    }

    @Test
    void aNewLinkForAnApprovedCaseIsRecordedAsTheEmployersRequest() {
        AssistedPending pending = asEmployer(() -> (AssistedPending) start("1792223334001", "0001", "1711223345"));
        asClerk(() -> complete(task(instance(pending.recoveryId())), approve("gerencia@textiles-imbabura.example")));
        secret(mailedToken(pending.recoveryId(), "gerencia@textiles-imbabura.example"));
        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(pending.recoveryId())));

        assertThat(asEmployer(() -> cases.requestNewLink(pending.caseNumber(), Ruc.parse("1792223334001"), Cedula.parse("1711223345"))))
                .isInstanceOf(NewLinkSent.class);

        assertThat(trail(pending.recoveryId())).last().isEqualTo(tuple("NEW_LINK_REQUESTED", "employer", EMPLOYER_NETWORK, null));
        assertThat(caseNumbers(pending.recoveryId())).containsOnly(pending.caseNumber());
    }

    @Test
    void aCaseNobodyWorksExpiresByTheSystem() {
        AssistedPending pending = asEmployer(() -> (AssistedPending) start("1791112229001", "0001", "1103456784"));

        advanceClock(Duration.ofDays(30));
        execute(job("BoundaryTimer_AssistedDeadline", instance(pending.recoveryId())));
        execute(job("ServiceTask_SendCaseExpiredMail", instance(pending.recoveryId())));

        assertThat(trail(pending.recoveryId())).containsExactly(
                tuple("STARTED", "employer", EMPLOYER_NETWORK, "ONLINE"),
                tuple("CASE_OPENED", "employer", EMPLOYER_NETWORK, "RUC_CLOSED"),
                tuple("CASE_EXPIRED", "system", null, null));
    }

    @Test
    void aWalkInIsStartedByTheClerk() {
        ProcessInstance walkIn = asClerk(() -> runtime.startProcessInstanceByKey(RecoveryProcess.KEY, withVariables(
                RecoveryProcess.RUC, "1790012344001", RecoveryProcess.SUCURSAL, "0001", RecoveryProcess.REPRESENTATIVE_ID, "1712345675")));

        assertThat(trail(walkIn.getBusinessKey())).containsExactly(
                tuple("STARTED", "agente", CLERK_NETWORK, "CENTRE"),
                tuple("CASE_OPENED", "agente", CLERK_NETWORK, "WALK_IN"));
    }

    @Test
    void theFormShowsTheEmployersEarlierCasesOfTheLast90Days() {
        AssistedPending first = asEmployer(() -> (AssistedPending) start("0990123454001", "0001", "0922334453"));
        assertThat(earlierCases(first.recoveryId())).isEqualTo("Sin recuperaciones ni casos en los últimos 90 días.");
        asClerk(() -> complete(task(instance(first.recoveryId())), reject()));
        execute(job("ServiceTask_SendRejectionMail", instance(first.recoveryId())));
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, recovery_id, ruc, sucursal, event, actor)
                        VALUES (?, 'older-than-90-days', '0990123454001', '0001', 'STARTED', 'employer')""")
                .param(Timestamp.from(Instant.parse("2026-11-25T15:00:00Z").minus(Duration.ofDays(91)))).update();
        advanceClock(Duration.ofHours(2));

        AssistedPending second = asEmployer(() -> (AssistedPending) start("0990123454001", "0001", "0922334453"));

        String table = earlierCases(second.recoveryId());
        assertThat(table).isEqualTo("""
                | Fecha | Canal | Resultado | Caso | Decidió |
                |---|---|---|---|---|
                | 25/11/2026 10:00 | en línea | rechazado | %s | agente |
                """.formatted(first.caseNumber()));
        assertThat(table).doesNotContain(second.caseNumber(), "@");
    }

    private String earlierCases(String recoveryId) {
        return (String) runtime.getVariable(processInstanceId(recoveryId), RecoveryProcess.EARLIER_CASES);
    }

    private List<Tuple> trail(String recoveryId) {
        return jdbc.sql("SELECT event, actor, client_address, detail FROM audit_event WHERE recovery_id = ? ORDER BY occurred_at, id")
                .param(recoveryId)
                .query((rs, n) -> tuple(rs.getString("event"), rs.getString("actor"), rs.getString("client_address"), rs.getString("detail")))
                .list();
    }

    private List<String> events(String recoveryId) {
        return trail(recoveryId).stream().map(row -> (String) row.toArray()[0]).toList();
    }

    private List<String> caseNumbers(String recoveryId) {
        return jdbc.sql("SELECT case_number FROM audit_event WHERE recovery_id = ? AND event <> ?")
                .params(recoveryId, AuditEventType.STARTED.name()).query(String.class).list();
    }

    private String secret(String value) {
        secrets.add(value);
        return value;
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static Map<String, Object> approve(String verifiedEmail) {
        return withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE, RecoveryProcess.IDENTITY_VERIFIED, true,
                RecoveryProcess.DOCUMENTS_CHECKED, true, RecoveryProcess.VERIFIED_EMAIL, verifiedEmail,
                RecoveryProcess.VERIFIED_EMAIL_CONFIRMATION, verifiedEmail);
    }

    private static Map<String, Object> reject() {
        return withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_REJECT, RecoveryProcess.IDENTITY_VERIFIED, false,
                RecoveryProcess.REJECTION_REASON, RejectionReason.DOCUMENTS_INCOMPLETE.name(), RecoveryProcess.NOTES, "No presentó el nombramiento");
    }

    /** As the API and the pages run it: inside the employer's web request, nobody signed in to the engine. */
    private static <T> T asEmployer(Supplier<T> call) {
        return inRequestFrom(EMPLOYER_ADDRESS, call);
    }

    /** As Tasklist runs it: inside the clerk's web request, with the clerk signed in to the engine. */
    private <T> T asClerk(Supplier<T> call) {
        engine.getIdentityService().setAuthentication("agente", List.of("centro-atencion"));
        try {
            return inRequestFrom(CLERK_ADDRESS, call);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void asClerk(Runnable call) {
        asClerk(() -> {
            call.run();
            return null;
        });
    }

    private static <T> T inRequestFrom(String address, Supplier<T> call) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return call.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
