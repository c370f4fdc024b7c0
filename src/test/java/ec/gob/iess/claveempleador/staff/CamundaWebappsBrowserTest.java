package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps still work behind our security setup: the entry redirects, the pages carry
 * Camunda's CSP together with Spring Security's headers, and in a real browser the administrator's
 * Cockpit and Admin render. Camunda's own CSRF filter still guards the webapps' POSTs.
 */
@StaffWebTest
class CamundaWebappsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theWebappEntryRedirectsToTheWelcomePage() {
        HttpResponse<String> response = StaffHttp.anonymous(port).get("/camunda/app/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/camunda/app/welcome/default/"));
    }

    @Test
    void webappPagesCarryCamundasContentSecurityPolicyAndNoDuplicateHeaders() {
        HttpResponse<String> page = StaffHttp.anonymous(port).get("/camunda/app/tasklist/default/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void aWebappLoginWithoutCamundasCsrfTokenIsRefused() {
        StaffHttp agente = StaffHttp.as(port, "agente");

        HttpResponse<String> response = agente.webappApiWithoutCsrfToken("/admin/auth/user/default/login/tasklist", "username=agente&password=agente");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void theLoginPagesStaffMeetAreInSpanish() throws Exception {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            String tasklist = browser.openLoginPage("tasklist", "Ingresar");
            assertThat(tasklist).contains("Ingresar", "Usuario", "Contraseña");
            assertThat(SpanishTasklist.englishIn(tasklist)).as("English words on Tasklist's login").isEmpty();
            browser.screenshot("tasklist-login-1280");

            String welcome = browser.openLoginPage("welcome", "Ingresar");
            assertThat(welcome).contains("Ingresar", "Usuario", "Contraseña");
            assertThat(SpanishTasklist.englishIn(welcome)).as("English words on the welcome login").isEmpty();
        }
    }

    @Test
    void demoSeesCockpitAndAdminRender() throws Exception {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            browser.signIn("demo");
            assertThat(browser.openApp("cockpit", "Processes")).contains("Processes");
            browser.screenshot("cockpit-as-demo");
            assertThat(browser.openApp("admin", "Users")).contains("Users");
            browser.screenshot("admin-as-demo");
        }
    }
}
