package ec.gob.iess.claveempleador.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long each step of an online recovery takes on the server, end to end through the engine and the
 * database (in-memory H2, embedded SMTP). Not part of `./mvnw verify`; run it with
 * {@code ./mvnw test -Dtest=RecoveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and read the table it prints.
 */
@ClaveSpringBootTest
class RecoveryBenchmark {

    private static final int WARM_UP = 30;
    private static final int FLOWS = 200;
    private static final int THREADS = 4;
    private static final String[][] EMPLOYERS = {
            {"1790012344001", "0001", "1712345675", "talento.humano@comercial-andina.example"},
            {"1790012344001", "0002", "1712345675", "gye@comercial-andina.example"},
            {"1704567898001", "0001", "1704567898", "mfperez@correo.example"},
            {"0912345675000", "0001", "0912345675", "jlcevallos@correo.example"}};

    @Autowired
    RecoveryService recoveries;
    @Autowired
    SignInService signIn;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    private final Map<String, List<Long>> timings = new LinkedHashMap<>();

    @Test
    void onlineRecoverySteps() throws Exception {
        DemoData.reset(runtime, jdbc);
        TestMailbox mailbox = new TestMailbox(mailServer);
        for (int i = 0; i < WARM_UP; i++) {
            flow(EMPLOYERS[i % EMPLOYERS.length], mailbox, false);
        }
        for (int i = 0; i < FLOWS; i++) {
            flow(EMPLOYERS[i % EMPLOYERS.length], mailbox, true);
        }

        long concurrentStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            String[] employer = EMPLOYERS[i % EMPLOYERS.length];
            starts.add(pool.submit(() -> recoveries.start(EmployerKey.of(employer[0], employer[1]), Cedula.parse(employer[2]))));
        }
        for (Future<?> start : starts) {
            start.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - concurrentStart) / 1e9;

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%n%-34s %8s %8s %8s %8s%n", "step (ms)", "p50", "p95", "p99", "max"));
        timings.forEach((step, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(String.format(Locale.ROOT, "%-34s %8.1f %8.1f %8.1f %8.1f%n", step,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6));
        });
        report.append(String.format(Locale.ROOT, "%d recovery starts on %d threads: %.0f starts/s%n", FLOWS, THREADS, FLOWS / seconds));
        report.append(String.format(Locale.ROOT, "machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version")));
        System.out.println(report);
        assertThat(timings.get("start (validate, issue code)")).hasSize(FLOWS);
    }

    private void flow(String[] employer, TestMailbox mailbox, boolean measure) throws Exception {
        mailbox.clear();
        AwaitingOtp started = time("start (validate, issue code)", measure,
                () -> (AwaitingOtp) recoveries.start(EmployerKey.of(employer[0], employer[1]), Cedula.parse(employer[2])));
        String pid = jdbc.sql("SELECT process_instance_id FROM recovery WHERE id = ?").param(started.recoveryId()).query(String.class).single();
        runJob(pid, "code mail job", measure);
        String code = mailbox.codeSentTo(employer[3]);
        assertThat(time("submit code", measure, () -> recoveries.submitCode(started.recoveryId(), code))).isInstanceOf(CodeAccepted.class);
        runJob(pid, "link mail job", measure);
        String token = mailbox.tokenSentTo(employer[3]);
        String clave = "tortuga violeta cruza el puente del Guayas";
        assertThat(time("new clave (policy, Argon2id, store)", measure, () -> recoveries.submitNewPassword(token, clave, clave)))
                .isInstanceOf(PasswordChanged.class);
        runJob(pid, "confirmation mail job", measure);
        assertThat(time("sign-in (Argon2id verify)", measure,
                () -> signIn.signIn(EmployerKey.of(employer[0], employer[1]), clave))).isTrue();
    }

    private void runJob(String processInstanceId, String step, boolean measure) {
        // Async continuations are "message" jobs; the window timers are left alone.
        Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().singleResult();
        time(step, measure, () -> {
            management.executeJob(job.getId());
            return null;
        });
    }

    private <T> T time(String step, boolean measure, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        if (measure) {
            timings.computeIfAbsent(step, s -> new ArrayList<>()).add(System.nanoTime() - start);
        }
        return result;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
