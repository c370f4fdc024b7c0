package ec.gob.iess.claveempleador.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.RecoveryLoad;
import ec.gob.iess.claveempleador.support.RecoveryLoad.LoadEmployer;
import ec.gob.iess.claveempleador.support.RecoveryLoad.Report;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The long load run against the built jar, prod profile on embedded PostgreSQL with an SMTP server in this JVM:
 * 32 employers recover their claves over and over for 5 minutes; no answer may be a 5xx, no mail may be lost and
 * every recovery must end COMPLETED. Not part of {@code ./mvnw verify}; see the README for the command.
 * {@code -Dclave.load.employers}, {@code -Dclave.load.duration}, {@code -Dclave.load.port} and
 * {@code -Dclave.load.smtp-port} change the defaults (32, PT5M, 8080, 3025).
 */
class RecoveryLoadRun {

    private static final Logger log = LoggerFactory.getLogger(RecoveryLoadRun.class);
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void thirtyTwoEmployersForFiveMinutesAgainstTheBuiltJar() throws Exception {
        int employers = Integer.getInteger("clave.load.employers", 32);
        Duration duration = Duration.parse(System.getProperty("clave.load.duration", "PT5M"));
        int port = Integer.getInteger("clave.load.port", 8080);
        int smtpPort = Integer.getInteger("clave.load.smtp-port", 3025);
        Path jar = builtJar();

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Process app = startJar(jar, port, smtpPort, postgres);
            try {
                awaitHealthy(app, port);
                DataSource database = postgres.getPostgresDatabase();
                List<LoadEmployer> crowd = RecoveryLoad.seed(JdbcClient.create(database), employers, DemoData.OLD_CLAVE_HASH);

                Report report = new RecoveryLoad("http://127.0.0.1:" + port, smtp, Duration.ofSeconds(30)).runFor(crowd, duration);

                log.info("{} employers for {} against {}:\n{}", employers, duration, jar.getFileName(), report.table());
                assertThat(report.serverErrors()).as(report.table()).isZero();
                assertThat(report.failedCalls()).as(report.table()).isZero();
                assertThat(report.lostMails()).as(report.table()).isZero();
                assertThat(report.completed()).as(report.table()).isEqualTo(report.flows());
            } finally {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                }
            }
        } finally {
            smtp.stop();
        }
    }

    private static Path builtJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("clave-empleador-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in target/: run ./mvnw package -DskipTests first"));
        }
    }

    private static Process startJar(Path jar, int port, int smtpPort, EmbeddedPostgres postgres) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString(),
                "--spring.profiles.active=prod",
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--clave.security.hmac-key=load-run-hmac-key-0123456789abcdef",
                "--camunda.bpm.admin-user.id=operador",
                "--camunda.bpm.admin-user.password=operador-load-run-0123456789",
                // One client address for the whole crowd: the per-client limits would measure themselves, not the service.
                "--clave.rate-limit.recovery-start-per-client.max=10000000",
                "--clave.rate-limit.otp-attempt-per-client.max=10000000",
                "--clave.rate-limit.link-lookup-per-client.max=10000000",
                // Each employer recovers far more often than a real one would.
                "--clave.rate-limit.recovery-start-per-employer.max=10000000"));
        Path log = Path.of("target", "load-run-app.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(Process app, int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptionsMatching(e -> e instanceof IOException).until(() -> {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited during startup; see target/load-run-app.log");
            }
            HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        });
    }
}
