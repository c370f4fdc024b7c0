package ec.gob.iess.claveempleador.staff;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a real port with the job executor on (mail jobs run by themselves), as staff
 * reach it: webapps, engine REST API, demo users. The engine keeps its name `default` (no unique name):
 * the webapps and the REST API address the engine by that name. One context for all staff tests: a
 * second one would register a second engine called `default` in the same JVM. Metrics export is on
 * (Spring Boot tests switch it off unless asked) so that operators' Prometheus endpoint can be tested.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:clave-staff;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"
})
@AutoConfigureObservability(tracing = false)
@interface StaffWebTest {
}
