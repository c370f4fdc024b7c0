package ec.gob.iess.claveempleador;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine and Flyway share one database and either may get there first: a fresh database and a
 * restarted one must both come up with the application's tables, the engine's and the demo data once.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseLifecycleTest {

    @TempDir
    Path data;

    @Test
    void aFreshDatabaseAndTheSameDatabaseRestartedBothStart(CapturedOutput output) {
        String url = "jdbc:h2:file:" + data.resolve("clave").toAbsolutePath();
        try (ConfigurableApplicationContext first = start(url)) {
            assertThat(employers(first)).isEqualTo(8);
            assertThat(first.getBean(RepositoryService.class).createProcessDefinitionQuery().count()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start(url)) {
            assertThat(employers(second)).isEqualTo(8);
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
                    .as("an unchanged model is not deployed again").isEqualTo(1);
            assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = FALSE")
                    .query(Integer.class).single()).isZero();
        }
        assertThat(output.getAll()).as("no Spring Security user with a logged password").doesNotContain("generated security password");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(ClaveEmpleadorApplication.class)
                .web(WebApplicationType.SERVLET)
                // command-line arguments: they win over the profile files, as in a real deployment
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.mail.port=0",
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.generate-unique-process-engine-name=true");
    }

    private static int employers(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM employer").query(Integer.class).single();
    }
}
