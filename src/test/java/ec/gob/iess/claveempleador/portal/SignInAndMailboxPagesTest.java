package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class SignInAndMailboxPagesTest extends PortalWebTest {

    private static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();

    @Test
    void rightClaveSignsInAndSaysWhoSignedIn() throws Exception {
        when(signIn.signIn(ANDINA, "tortuga violeta cruza el puente del Guayas")).thenReturn(true);

        MockHttpServletResponse response = perform(signIn("1790012344001", "0001", "tortuga violeta cruza el puente del Guayas"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/ingreso/bienvenido");
        verify(throttle).afterSignIn(eq(ANDINA), anyString(), eq(true));

        String page = perform(get("/ingreso/bienvenido").flashAttr("signedIn", ANDINA)).getContentAsString();
        assertThat(page).contains("Ingreso correcto").contains("1790012344001").contains("0001");
    }

    @Test
    void wrongClaveGetsANeutralMessageThatDoesNotSayWhatWasWrong() throws Exception {
        when(signIn.signIn(any(), anyString())).thenReturn(false);

        MockHttpServletResponse response = perform(signIn("1790012344001", "0001", "no es la clave"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString())
                .contains("No pudimos ingresar con esos datos.")
                .contains("class=\"error-summary\"")
                .doesNotContain("no es la clave");
        verify(throttle).afterSignIn(eq(ANDINA), anyString(), eq(false));
    }

    @Test
    void aClientThatMustWaitSeesTheFormWithHowLongIn429AndNoClaveIsTried() throws Exception {
        doThrow(new RateLimitExceededException(RateLimit.SIGN_IN_PER_CLIENT, Duration.ofSeconds(44).plusMillis(200)))
                .when(throttle).beforeSignIn(eq(ANDINA), anyString());

        MockHttpServletResponse response = perform(signIn("1790012344001", "0001", "otra clave cualquiera"));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("45");
        assertThat(response.getContentAsString()).contains("espere 45 segundos antes de volver a intentar").contains("name=\"password\"");
        verify(signIn, never()).signIn(any(), anyString());
    }

    @Test
    void aLongerWaitIsSaidInMinutesInEnglishToo() throws Exception {
        doThrow(new RateLimitExceededException(RateLimit.SIGN_IN_PER_CLIENT, Duration.ofSeconds(241)))
                .when(throttle).beforeSignIn(eq(ANDINA), anyString());

        MockHttpServletResponse response = perform(signIn("1790012344001", "0001", "otra clave cualquiera").param("lang", "en"));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("241");
        assertThat(response.getContentAsString()).contains("wait 5 minutes before trying again");
    }

    @Test
    void invalidRucIsAFieldErrorAndNoSignInIsTried() throws Exception {
        MockHttpServletResponse response = perform(signIn("1712345670001", "0001", "lo que sea"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("El RUC no es válido");
        verify(signIn, never()).signIn(any(), anyString());
    }

    @Test
    void welcomePageWithoutASignInGoesBackToTheForm() throws Exception {
        assertThat(perform(get("/ingreso/bienvenido")).getRedirectedUrl()).isEqualTo("/ingreso");
    }

    @Test
    void signInNeedsTheCsrfToken() throws Exception {
        MockHttpServletResponse response = perform(post("/ingreso").param("ruc", "1790012344001").param("sucursal", "0001").param("password", "x"));

        assertThat(response.getStatus()).isEqualTo(403);
        verify(signIn, never()).signIn(any(), anyString());
    }

    @Test
    void devMailboxShowsNewestFirstWithTheCodeAndAClickableLink() throws Exception {
        when(mailServer.getReceivedMessages()).thenReturn(new MimeMessage[] {
                mail("Código de verificación", "Su código es:\n\n    123456\n", Instant.parse("2026-11-25T15:00:00Z")),
                mail("Recuperación de clave de empleador", "Abra:\n\nhttp://localhost:8080/recuperar-clave/nueva-clave?token=abc_DEF-1\n",
                        Instant.parse("2026-11-25T15:01:00Z"))});

        MockHttpServletResponse response = perform(get("/dev/mailbox"));

        String page = response.getContentAsString();
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(page.indexOf("Recuperación de clave de empleador")).isLessThan(page.indexOf("Código de verificación"));
        assertThat(page)
                .contains("123456")
                .contains("<a href=\"http://localhost:8080/recuperar-clave/nueva-clave?token=abc_DEF-1\">")
                .contains(DemoEmployers.ANDINA.email())
                .contains("2026-11-25 10:01:00");
    }

    @Test
    void devMailboxEscapesWhatTheMailsSay() throws Exception {
        when(mailServer.getReceivedMessages()).thenReturn(new MimeMessage[] {
                mail("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", Instant.parse("2026-11-25T15:00:00Z"))});

        assertThat(perform(get("/dev/mailbox")).getContentAsString())
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;");
    }

    @Test
    void staticAssetsAreServedUnderTheSameHeaders() throws Exception {
        MockHttpServletResponse css = perform(get("/css/portal.css"));
        MockHttpServletResponse script = perform(get("/js/countdown.js"));

        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(css.getHeader("Content-Security-Policy")).isEqualTo(PortalSecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void pagesHaveNoInlineScriptsOrHandlers() throws Exception {
        String page = perform(get("/recuperar-clave")).getContentAsString();

        assertThat(page).containsPattern("<script src=\"/js/countdown.js\" defer></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=|style=");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder signIn(String ruc, String sucursal, String password) {
        return post("/ingreso").with(csrf()).param("ruc", ruc).param("sucursal", sucursal).param("password", password);
    }

    private static MimeMessage mail(String subject, String text, Instant sent) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(DemoEmployers.ANDINA.email()));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.setSentDate(Date.from(sent));
        message.saveChanges();
        return message;
    }
}
