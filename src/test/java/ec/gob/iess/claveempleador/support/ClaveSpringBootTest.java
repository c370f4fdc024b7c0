package ec.gob.iess.claveempleador.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on an in-memory H2 database with demo data, the embedded SMTP server on a free
 * port, and no job executor: tests run jobs and move the clock themselves. One context for all such tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:clave-process;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true"
})
public @interface ClaveSpringBootTest {
}
