package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.StartResult;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.StaffRefusalException;
import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers.DemoEmployer;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives recoveries through the real process, with the clock and the jobs in the test's hands. */
@ClaveSpringBootTest
abstract class RecoveryProcessTestBase {

    static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";

    @Autowired
    MessageSource messageSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    RecoveryService recoveries;
    @Autowired
    SignInService signIn;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    TestMailbox mailbox;
    private Instant now;

    @BeforeEach
    void setUpEngine() throws Exception {
        BpmnAwareTests.init(engine);
        mailbox = new TestMailbox(mailServer);
        DemoData.reset(runtime, jdbc);
        mailbox.clear();
        now = Instant.parse("2026-11-25T15:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void advanceClock(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    StartResult start(String ruc, String sucursal, String cedula) {
        return recoveries.start(EmployerKey.of(ruc, sucursal), Cedula.parse(cedula));
    }

    /** Starts a recovery with a demo employer's own data. */
    StartResult start(DemoEmployer employer) {
        return start(employer.ruc(), employer.sucursal(), employer.representativeId());
    }

    /** Starts an online recovery and checks it waits for the code. */
    String startOnline(String ruc, String sucursal, String cedula) {
        StartResult result = start(ruc, sucursal, cedula);
        assertThat(result).isInstanceOf(AwaitingOtp.class);
        return ((AwaitingOtp) result).recoveryId();
    }

    String startOnline(DemoEmployer employer) {
        return startOnline(employer.ruc(), employer.sucursal(), employer.representativeId());
    }

    /** Runs the code mail job and reads the code as the employer would. */
    String mailedCode(String recoveryId, String address) {
        execute(job("ServiceTask_SendOtpMail", instance(recoveryId)));
        return mailbox.codeSentTo(address);
    }

    /** Runs the link mail job and reads the token out of the mailed link. */
    String mailedToken(String recoveryId, String address) {
        execute(job("ServiceTask_SendLinkMail", instance(recoveryId)));
        return mailbox.tokenSentTo(address);
    }

    String processInstanceId(String recoveryId) {
        return jdbc.sql("SELECT process_instance_id FROM recovery WHERE id = ?").param(recoveryId).query(String.class).single();
    }

    /**
     * The process instance of a recovery, also once it has ended: the assertions only need its id
     * (ended instances are read from history).
     */
    ProcessInstance instance(String recoveryId) {
        String id = processInstanceId(recoveryId);
        return (ProcessInstance) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ProcessInstance.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId", "getProcessInstanceId", "getRootProcessInstanceId" -> id;
                    case "getBusinessKey" -> recoveryId;
                    case "toString" -> "ProcessInstance[" + id + "]";
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    case "isEnded" -> runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0;
                    case "isSuspended" -> false;
                    default -> null;
                });
    }

    /** The sentence staff read for a refused completion: the refusal names its key, the bundle has the words. */
    String staffSentence(Throwable refusal) {
        assertThat(refusal).isInstanceOf(StaffRefusalException.class);
        return messageSource.getMessage(((StaffRefusalException) refusal).messageKey(), null, Ecuador.SPANISH);
    }
}
