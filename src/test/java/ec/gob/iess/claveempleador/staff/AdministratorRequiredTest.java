package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;

import ec.gob.iess.claveempleador.ClaveEmpleadorApplication;
import ec.gob.iess.claveempleador.support.CapturedLog;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody takes the application over: it does not start without an administrator, and Camunda's setup endpoint,
 * which creates the first administrator for whoever asks, stays closed even when no administrator is left.
 */
@StaffWebTest
@ExtendWith(CapturedLog.class)
class AdministratorRequiredTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    AdministratorRequired administratorRequired;

    @Test
    void prodRefusesToStartWithoutAnAdministrator(CapturedLog log) {
        SpringApplicationBuilder prodWithoutAdministrator = new SpringApplicationBuilder(ClaveEmpleadorApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("prod");

        assertThatThrownBy(() -> prodWithoutAdministrator.run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:no-administrator",
                "--spring.mail.host=127.0.0.1",
                "--clave.security.hmac-key=no-administrator-test-hmac-key-0123456789",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                // The webapps' filters keep the last context that created them in a static field; a context that
                // failed to start must not be that one, or every later test context fails to start its webapps.
                "--camunda.bpm.webapp.enabled=false").close())
                .isInstanceOf(AdministratorRequired.NoAdministratorException.class);
        assertThat(log.text()).contains("APPLICATION FAILED TO START")
                .contains("no Camunda administrator")
                .contains("CAMUNDA_BPM_ADMIN_USER_ID");
    }

    @Test
    void anExistingAdministratorIsEnoughAndTheLastOneGoneIsNot() {
        assertThatNoException().isThrownBy(administratorRequired::check);

        identity.deleteMembership("demo", Groups.CAMUNDA_ADMIN);
        try {
            assertThatThrownBy(administratorRequired::check).isInstanceOf(AdministratorRequired.NoAdministratorException.class);
        } finally {
            identity.createMembership("demo", Groups.CAMUNDA_ADMIN);
        }
    }

    @Test
    void theSetupEndpointStaysClosedWhenNoAdministratorIsLeft() {
        identity.deleteMembership("demo", Groups.CAMUNDA_ADMIN);
        try {
            StaffHttp anonymous = StaffHttp.anonymous(port);
            anonymous.get("/camunda/app/admin/default/");

            HttpResponse<String> response = anonymous.call("POST", "/camunda/api/admin/setup/default/user/create", SurfaceMatrix.SETUP_BODY);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(identity.createUserQuery().userId("intruso").count()).isZero();
        } finally {
            identity.createMembership("demo", Groups.CAMUNDA_ADMIN);
        }
    }
}
