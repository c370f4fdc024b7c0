package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.support.CapturedLog;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After every kind of step, the codes, tokens and claves an employer handled appear nowhere: not in any
 * engine table (runtime, history, byte arrays), not in the recovery table, not in the log.
 */
@ExtendWith(CapturedLog.class)
class SecretsStayOutOfTheEngineTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    // Values that are only identifiers: a code's digits may occur inside one by chance.
    private static final Pattern ID_COLUMN = Pattern.compile("(?i).*(ID_?|_ID|REV_|HASH|TIME_|DATE_|DUEDATE_|SEQUENCE_COUNTER_)$");

    @Test
    void noCodeTokenOrClaveIsStoredOrLoggedOnAnyPath(CapturedLog log) {
        List<String> codes = new ArrayList<>();
        List<String> longSecrets = new ArrayList<>();

        String online = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(online, ANDINA_MAIL);
        String wrongCode = code.equals(OtpCode.example()) ? "9".repeat(OtpCode.LENGTH) : OtpCode.example();
        recoveries.submitCode(new RecoveryId(online), OtpCode.parse(wrongCode).orElseThrow());
        recoveries.submitCode(new RecoveryId(online), OtpCode.parse(code).orElseThrow());
        String token = mailedToken(online, ANDINA_MAIL);
        String refused = "ComercialAndina2026!!";
        recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), refused, refused);
        recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE);
        execute(job("ServiceTask_SendConfirmationMail", instance(online)));
        codes.addAll(List.of(code, wrongCode));
        longSecrets.addAll(List.of(token, refused, NEW_CLAVE, passwordHashOf(DemoEmployers.ANDINA.ruc(), DemoEmployers.ANDINA.sucursal())));

        String expiring = startOnline(DemoEmployers.ANDINA_GUAYAQUIL);
        codes.add(mailedCode(expiring, DemoEmployers.ANDINA_GUAYAQUIL.email()));
        execute(job("BoundaryTimer_OtpWindow", instance(expiring)));

        String locked = startOnline(DemoEmployers.MARIA_PEREZ);
        String lockedCode = mailedCode(locked, DemoEmployers.MARIA_PEREZ.email());
        for (String digit : List.of("1", "2", "3")) {
            String wrong = digit.repeat(OtpCode.LENGTH);
            if (!wrong.equals(lockedCode)) {
                recoveries.submitCode(new RecoveryId(locked), OtpCode.parse(wrong).orElseThrow());
                codes.add(wrong);
            }
        }
        codes.add(lockedCode);

        String superseded = startOnline(DemoEmployers.CEVALLOS);
        codes.add(mailedCode(superseded, DemoEmployers.CEVALLOS.email()));
        advanceClock(java.time.Duration.ofSeconds(30));
        String replacement = startOnline(DemoEmployers.CEVALLOS);
        String replacementCode = mailedCode(replacement, DemoEmployers.CEVALLOS.email());
        recoveries.submitCode(new RecoveryId(replacement), OtpCode.parse(replacementCode).orElseThrow());
        String expiredToken = mailedToken(replacement, DemoEmployers.CEVALLOS.email());
        advanceClock(java.time.Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(replacement)));
        codes.add(replacementCode);
        longSecrets.add(expiredToken);

        AssistedPending assisted = (AssistedPending) start(DemoEmployers.PESQUERA);
        complete(task(instance(assisted.recoveryId())), withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE,
                RecoveryProcess.IDENTITY_VERIFIED, true, RecoveryProcess.DOCUMENTS_CHECKED, true));
        String assistedToken = mailedToken(assisted.recoveryId(), DemoEmployers.PESQUERA.email());
        String assistedClave = "la garza blanca vuela sobre el manglar";
        recoveries.submitNewPassword(LinkToken.parse(assistedToken).orElseThrow(), assistedClave, assistedClave);
        longSecrets.addAll(List.of(assistedToken, assistedClave, passwordHashOf("0990123454001", "0001")));

        List<String> engineText = tableText(true);
        List<String> recoveryText = jdbc.sql("SELECT * FROM recovery").query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        }).list();

        assertThat(log.text()).as("the log was captured").contains("new clave stored");
        for (String secret : longSecrets) {
            assertThat(engineText).noneMatch(value -> value.contains(secret));
            assertThat(log.text()).doesNotContain(secret);
        }
        longSecrets.remove(passwordHashOf(DemoEmployers.ANDINA.ruc(), DemoEmployers.ANDINA.sucursal()));
        longSecrets.remove(passwordHashOf(DemoEmployers.PESQUERA.ruc(), DemoEmployers.PESQUERA.sucursal()));
        for (String secret : longSecrets) {
            assertThat(recoveryText).noneMatch(value -> value.contains(secret));
        }
        for (String secretCode : codes) {
            Pattern alone = Pattern.compile("(?<!\\d)" + secretCode + "(?!\\d)");
            assertThat(tableText(false)).noneMatch(value -> alone.matcher(value).find());
            assertThat(recoveryText).noneMatch(value -> alone.matcher(value).find());
            assertThat(alone.matcher(log.text()).find()).as("code %s in the log", secretCode).isFalse();
        }
        assertThat(history.createHistoricVariableInstanceQuery().variableNameIn(
                RecoveryProcess.SUBMITTED_CODE, RecoveryProcess.NEW_PASSWORD_HASH).count()).isZero();
    }

    private String passwordHashOf(String ruc, String sucursal) {
        return jdbc.sql("SELECT password_hash FROM credential WHERE ruc = ? AND sucursal = ?").params(ruc, sucursal)
                .query(String.class).single();
    }

    /** Every value in every engine table, as text; byte arrays decoded. Optionally with identifier columns. */
    private List<String> tableText(boolean withIdentifiers) {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'ACT_%'")
                .query(String.class).list();
        assertThat(tables).contains("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY", "ACT_HI_JOB_LOG");
        List<String> values = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
                var meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!withIdentifiers && ID_COLUMN.matcher(meta.getColumnName(i)).matches()) {
                        continue;
                    }
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        values.add(new String(bytes, StandardCharsets.UTF_8));
                    } else if (value != null) {
                        values.add(value.toString());
                    }
                }
                return Map.of();
            }).list();
        }
        return values;
    }
}
