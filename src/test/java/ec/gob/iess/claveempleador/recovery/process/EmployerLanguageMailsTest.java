package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The employer reads every mail of a recovery in the language they asked in: the page's language (the
 * portal's language cookie) or the API call's Accept-Language; Spanish when they chose none, and for walk-ins.
 */
class EmployerLanguageMailsTest extends RecoveryProcessTestBase {

    private static final String MAIL = DemoEmployers.ANDINA.email();
    private static final String ANDINA_JSON = """
            {"ruc": "1790012344001", "sucursal": "0001", "representativeId": "1712345675"}""";

    @Autowired
    WebApplicationContext context;

    MockMvc web;

    @BeforeEach
    void web() {
        // Built from the shared context rather than with @AutoConfigureMockMvc, which would start a context of its own.
        web = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aRecoveryAskedForOnAnEnglishPageMailsCodeLinkAndConfirmationInEnglish() throws Exception {
        String recoveryId = startFromThePage(new Cookie("clave-idioma", "en"));

        assertThat(mailsOfAWholeRecovery(recoveryId)).containsExactly(
                "Verification code to recover your employer password",
                "Employer password recovery – link to set your new password",
                "Your employer password was changed");
        assertThat(TestMailbox.text(mailbox.to(MAIL).get(0))).contains("Dear employer Comercial Andina S.A.:", "Your verification code is:")
                .doesNotContain("Estimado");
        assertThat(TestMailbox.text(mailbox.to(MAIL).get(1))).contains("Use this link to set your new employer password")
                .contains("valid for 3 minutes");
        assertThat(TestMailbox.text(mailbox.to(MAIL).get(2))).contains("was changed on").contains("You can now sign in with your new password");
    }

    @Test
    void aRecoveryAskedForOnASpanishPageMailsInSpanish() throws Exception {
        String recoveryId = startFromThePage(null);

        assertThat(mailsOfAWholeRecovery(recoveryId)).containsExactly(
                "Código de verificación para recuperar su clave de empleador",
                "Recuperación de clave de empleador – enlace para crear su nueva clave",
                "Su clave de empleador fue cambiada");
        assertThat(TestMailbox.text(mailbox.to(MAIL).get(0))).contains("Su código de verificación es:").doesNotContain("Dear");
    }

    @Test
    void anApiCallInEnglishGetsEnglishMailsAndOneWithoutALanguageSpanishOnes() throws Exception {
        String english = startFromTheApi(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9");
        mailedCode(english, MAIL);
        assertThat(TestMailbox.subject(mailbox.latestTo(MAIL))).isEqualTo("Verification code to recover your employer password");
        assertThat(TestMailbox.text(mailbox.latestTo(MAIL))).contains("Your verification code is:");

        // Later than the first, so that the newer request is the one that replaces the older.
        advanceClock(Duration.ofSeconds(5));
        String spanish = startFromTheApi(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        mailedCode(spanish, MAIL);
        assertThat(TestMailbox.subject(mailbox.latestTo(MAIL))).isEqualTo("Código de verificación para recuperar su clave de empleador");
    }

    @Test
    void aWalkInIsServedInSpanishWhateverItsVariablesSay() {
        String recoveryId = UUID.randomUUID().toString();
        engine.getIdentityService().setAuthentication("agente", List.of("centro-atencion"));
        try {
            runtime.createProcessInstanceByKey(RecoveryProcess.KEY).businessKey(recoveryId)
                    .setVariables(Map.of(RecoveryProcess.RUC, "1790012344001", RecoveryProcess.SUCURSAL, "0001",
                            RecoveryProcess.REPRESENTATIVE_ID, "1712345675", RecoveryProcess.LANGUAGE, "en"))
                    .execute();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(storedLanguage(recoveryId)).isEqualTo("es");
    }

    private String startFromThePage(Cookie language) throws Exception {
        MockHttpServletRequestBuilder request = post("/recuperar-clave").with(csrf())
                .param("ruc", "1790012344001").param("sucursal", "0001").param("cedula", "1712345675");
        if (language != null) {
            request.cookie(language);
        }
        String location = web.perform(request).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/recuperar-clave/[0-9a-f-]{36}/codigo");
        return location.split("/")[2];
    }

    private String startFromTheApi(String header, String value) throws Exception {
        MockHttpServletResponse response = web.perform(post("/api/recoveries").contentType(MediaType.APPLICATION_JSON)
                .header(header, value).content(ANDINA_JSON)).andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(201);
        return body.replaceAll(".*\"recoveryId\":\"([0-9a-f-]{36})\".*", "$1");
    }

    /** Code, link and clave set, each mail read as it arrives: their subjects in order. */
    private List<String> mailsOfAWholeRecovery(String recoveryId) {
        String code = mailedCode(recoveryId, MAIL);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeAccepted.class);
        String token = mailedToken(recoveryId, MAIL);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        execute(job("ServiceTask_SendConfirmationMail", instance(recoveryId)));
        return mailbox.to(MAIL).stream().map(TestMailbox::subject).toList();
    }

    private String storedLanguage(String recoveryId) {
        return jdbc.sql("SELECT language FROM recovery WHERE id = ?").param(recoveryId).query(String.class).single();
    }
}
