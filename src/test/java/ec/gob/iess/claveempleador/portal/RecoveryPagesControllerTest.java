package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.Language;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAlreadyUsed;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.DataMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class RecoveryPagesControllerTest extends PortalWebTest {

    private static final String CODE = OtpCode.example();
    private static final String WRONG_CODE = "0".repeat(OtpCode.LENGTH);

    private static final String CODE_PAGE = "/recuperar-clave/" + RECOVERY_ID + "/codigo";

    @Test
    void homePageIsSpanishByDefault() throws Exception {
        MockHttpServletResponse response = perform(get("/"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("<html lang=\"es-EC\"")
                .contains("Recuperar mi clave")
                .contains("href=\"/recuperar-clave\"");
    }

    @Test
    void langParameterSwitchesToEnglishAndIsRemembered() throws Exception {
        MockHttpServletResponse response = perform(get("/").param("lang", "en"));

        assertThat(response.getContentAsString()).contains("<html lang=\"en\"").contains("Recover my password");
        assertThat(response.getCookie("clave-idioma")).isNotNull();
        assertThat(perform(get("/recuperar-clave").cookie(response.getCookie("clave-idioma"))).getContentAsString())
                .contains("Recover the employer password");
    }

    @Test
    void recoveryFormProposesSucursal0001AndExplainsDomesticService() throws Exception {
        String page = perform(get("/recuperar-clave")).getContentAsString();

        assertThat(page)
                .contains("name=\"sucursal\"").contains("value=\"0001\"")
                .contains("cédula seguida de 000")
                .contains("name=\"_csrf\"")
                .contains("inputmode=\"numeric\"")
                .contains("aria-describedby=\"ruc-hint\"");
    }

    @Test
    void matchingDataLeadsToTheCodePage() throws Exception {
        when(recoveries.start(DemoEmployers.ANDINA.key(), DemoEmployers.ANDINA.representative(), Language.SPANISH))
                .thenReturn(new AwaitingOtp(RECOVERY_ID, "t***@comercial-andina.example", NOW.plusSeconds(180)));

        MockHttpServletResponse response = perform(startRecovery("1790012344001", "0001", "1712345675"));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo(CODE_PAGE);
    }

    @Test
    void numbersCopiedWithSpacesAndHyphensAreAccepted() throws Exception {
        when(recoveries.start(DemoEmployers.ANDINA.key(), DemoEmployers.ANDINA.representative(), Language.SPANISH))
                .thenReturn(new AwaitingOtp(RECOVERY_ID, "t***@comercial-andina.example", NOW.plusSeconds(180)));

        MockHttpServletResponse response = perform(startRecovery(" 1790012344001 ", "0001", "171234567-5"));

        assertThat(response.getRedirectedUrl()).isEqualTo(CODE_PAGE);
    }

    @Test
    void mismatchShowsOneNeutralPageThatNamesNoField() throws Exception {
        when(recoveries.start(any(), any(), any())).thenReturn(new DataMismatch());

        MockHttpServletResponse response = perform(startRecovery("1790012344001", "0001", "1704567898"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/recuperar-clave/datos-no-coinciden");

        String page = perform(get("/recuperar-clave/datos-no-coinciden")).getContentAsString();
        assertThat(page)
                .contains("Los datos ingresados no coinciden con el registro del IESS.")
                .doesNotContain("El RUC no es válido")
                .doesNotContain("La cédula no es válida")
                .contains("Empezar de nuevo");
    }

    @Test
    void suspendedRucLeadsToTheAssistedRouteWithCaseNumberAndWhatToBring() throws Exception {
        when(recoveries.start(any(), any(), any())).thenReturn(new AssistedPending(RECOVERY_ID, AssistedReason.RUC_SUSPENDED, "CAU-2026-7KQ4M9XD"));
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.ASSISTED_PENDING)));

        MockHttpServletResponse start = perform(startRecovery("0990123454001", "0001", "0922334453"));
        assertThat(start.getRedirectedUrl()).isEqualTo("/recuperar-clave/" + RECOVERY_ID + "/atencion-asistida");

        String page = perform(get(start.getRedirectedUrl())).getContentAsString();
        assertThat(page)
                .contains("CAU-2026-7KQ4M9XD")
                .contains("El RUC está suspendido en el SRI.")
                .contains("certificado del RUC emitido por el SRI")
                .contains("Centro de Atención Universal")
                .as("the main action is the case page (and printing), not starting again")
                .contains("href=\"/recuperar-clave/caso?caso=CAU-2026-7KQ4M9XD\"", "data-print")
                .doesNotContain("Empezar de nuevo");
    }

    @Test
    void invalidCheckDigitIsAFieldErrorAndNeverReachesTheService() throws Exception {
        MockHttpServletResponse response = perform(startRecovery("1712345670001", "0001", "1712345670"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("El RUC no es válido")
                .contains("La cédula no es válida")
                .contains("id=\"ruc-error\"")
                .contains("aria-describedby=\"ruc-hint ruc-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("class=\"error-summary\"").contains("autofocus")
                .contains("href=\"#ruc\"");
        verify(recoveries, never()).start(any(), any(), any());
    }

    @Test
    void emptyFormGivesAFieldErrorPerField() throws Exception {
        MockHttpServletResponse response = perform(startRecovery("", "", ""));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("Ingrese el RUC.")
                .contains("Ingrese la sucursal")
                .contains("Ingrese la cédula del representante legal.");
    }

    @Test
    void fieldErrorsAreEnglishWithLangEn() throws Exception {
        MockHttpServletResponse response = perform(startRecovery("12", "0001", "1712345675").param("lang", "en"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("The RUC must have exactly 13 digits.");
    }

    @Test
    void domesticServiceEmployerWithAnotherSucursalIsToldToUse0001() throws Exception {
        MockHttpServletResponse response = perform(startRecovery("0912345675000", "0002", "0912345675"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("solo tiene la sucursal 0001");
    }

    @Test
    void oversizedInputIsAFieldErrorNotAServerError() throws Exception {
        MockHttpServletResponse response = perform(startRecovery("1".repeat(5000), "0001", "1712345675"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("exactamente 13 dígitos");
    }

    @Test
    void formPostWithoutCsrfTokenIsRefusedWithAPageThatSaysWhatToDo() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/recuperar-clave")
                .param("ruc", "1790012344001").param("sucursal", "0001").param("cedula", "1712345675")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getForwardedUrl()).isEqualTo(PortalSecurityConfiguration.SESSION_EXPIRED_PAGE);
        verify(recoveries, never()).start(any(), any(), any());
        assertThat(perform(post(PortalSecurityConfiguration.SESSION_EXPIRED_PAGE).with(csrf())).getContentAsString())
                .contains("El formulario caducó").contains("Empezar de nuevo");
    }

    @Test
    void tooManyStartsAnswer429WithRetryAfter() throws Exception {
        doThrow(new RateLimitExceededException(RateLimit.RECOVERY_START_PER_CLIENT, Duration.ofSeconds(90)))
                .when(throttle).beforeRecoveryStart(any(), any(), anyString());

        MockHttpServletResponse response = perform(startRecovery("1790012344001", "0001", "1712345675"));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("90");
        assertThat(response.getContentAsString()).contains("Espere 2 minutos y vuelva a intentar.");
        verify(recoveries, never()).start(any(), any(), any());
    }

    @Test
    void codePageShowsMaskedEmailRealExpiryAndAOneTimeCodeInput() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));

        MockHttpServletResponse response = perform(get(CODE_PAGE));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(response.getContentAsString())
                .contains("t***@comercial-andina.example")
                .contains("data-seconds=\"150\"")
                .contains("Válido hasta las 10:02:30 (hora de Ecuador).")
                .contains("autocomplete=\"one-time-code\"")
                .contains("inputmode=\"numeric\"")
                .contains("href=\"/recuperar-clave/" + RECOVERY_ID + "/no-llego-el-codigo\"")
                .doesNotContain("Le quedan");
    }

    @Test
    void codePageIsEnglishWithLangEn() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));

        assertThat(perform(get(CODE_PAGE).param("lang", "en")).getContentAsString())
                .contains("Enter the verification code")
                .contains("Valid until 10:02:30 (Ecuador time).");
    }

    @Test
    void acceptedCodeLeadsToTheCheckYourEmailPage() throws Exception {
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(CODE).orElseThrow())).thenReturn(new CodeAccepted(RECOVERY_ID, NOW.plusSeconds(180)));
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));

        MockHttpServletResponse response = perform(submitCode(CODE));
        assertThat(response.getRedirectedUrl()).isEqualTo("/recuperar-clave/" + RECOVERY_ID + "/revise-su-correo");

        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_NEW_PASSWORD)));
        assertThat(perform(get(response.getRedirectedUrl())).getContentAsString())
                .contains("Revise su correo")
                .contains("Recuperación de clave de empleador")
                .contains("t***@comercial-andina.example");
    }

    @Test
    void wrongCodeComesBackToTheCodePageWithTheAttemptsLeft() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(WRONG_CODE).orElseThrow())).thenReturn(new CodeInvalid(2));

        MockHttpServletResponse response = perform(submitCode(WRONG_CODE));
        assertThat(response.getRedirectedUrl()).isEqualTo(CODE_PAGE);

        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP, 2)));
        String page = perform(get(CODE_PAGE).flashAttr("wrongCode", true)).getContentAsString();
        assertThat(page)
                .contains("El código no es correcto. Le quedan 2 intentos.")
                .contains("class=\"error-summary\"")
                .contains("aria-describedby=\"code-hint code-error\"");
    }

    @Test
    void malformedCodeIsAFieldErrorAndIsNotCountedAsAnAttempt() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));

        MockHttpServletResponse response = perform(submitCode("12ab"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("El código tiene exactamente " + OtpCode.LENGTH + " dígitos.");
        verify(recoveries, never()).submitCode(any(), any());
    }

    @Test
    void aCodePastedWithSpacesIsTheCodeAndTheInputDoesNotCutIt() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(CODE).orElseThrow()))
                .thenReturn(new CodeAccepted(RECOVERY_ID, NOW.plusSeconds(180)));
        String pasted = " " + CODE.substring(0, 3) + " " + CODE.substring(3) + " ";

        assertThat(perform(submitCode(pasted)).getRedirectedUrl()).isEqualTo("/recuperar-clave/" + RECOVERY_ID + "/revise-su-correo");
        assertThat(perform(get(CODE_PAGE)).getContentAsString())
                .contains("autocomplete=\"one-time-code\"")
                .contains("inputmode=\"numeric\"")
                .doesNotContain("maxlength");
    }

    @Test
    void expiredCodeLeadsToTheExpiredPage() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(CODE).orElseThrow())).thenReturn(new CodeExpired());

        assertThat(perform(submitCode(CODE)).getRedirectedUrl()).isEqualTo("/recuperar-clave/codigo-expirado");
        assertThat(perform(get("/recuperar-clave/codigo-expirado")).getContentAsString())
                .contains("El código expiró").contains("Empezar de nuevo");
    }

    @Test
    void aCodeAlreadyUsedInAnotherTabLeadsToTheCheckYourEmailPageThatSaysSo() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)),
                Optional.of(view(RecoveryStatus.AWAITING_NEW_PASSWORD)));
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(CODE).orElseThrow())).thenReturn(new CodeAlreadyUsed());

        MvcResult submitted = mvc.perform(submitCode(CODE)).andReturn();

        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/recuperar-clave/" + RECOVERY_ID + "/revise-su-correo");
        String page = mvc.perform(get(submitted.getResponse().getRedirectedUrl()).flashAttrs(submitted.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Este código ya fue usado").contains("Revise su correo");
    }

    @Test
    void lockedCodeLeadsToTheLockedPage() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.AWAITING_OTP)));
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(CODE).orElseThrow())).thenReturn(new CodeLocked());

        assertThat(perform(submitCode(CODE)).getRedirectedUrl()).isEqualTo("/recuperar-clave/codigo-bloqueado");
        assertThat(perform(get("/recuperar-clave/codigo-bloqueado")).getContentAsString())
                .contains("Se ingresó un código incorrecto 3 veces");
    }

    @Test
    void codePageSaysTheCodeMailIsBeingRetried() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(withMail(view(RecoveryStatus.AWAITING_OTP), MailDelivery.RETRYING)));

        assertThat(perform(get(CODE_PAGE)).getContentAsString())
                .contains("estamos reintentando el envío del código")
                .contains("Enviamos un código de " + OtpCode.LENGTH + " dígitos a t***@comercial-andina.example")
                .doesNotContain("No pudimos enviar");
    }

    @Test
    void codePageOfACodeMailThatGaveUpOffersANewCodeInSpanishAndEnglish() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(withMail(view(RecoveryStatus.AWAITING_OTP), MailDelivery.FAILED)));

        assertThat(perform(get(CODE_PAGE)).getContentAsString())
                .contains("No pudimos enviar el código")
                .contains("Intentamos varias veces enviar el código a t***@comercial-andina.example")
                .contains("<a class=\"button\" href=\"/recuperar-clave\">Solicitar un código nuevo</a>")
                .doesNotContain("Enviamos un código de " + OtpCode.LENGTH + " dígitos");
        assertThat(perform(get(CODE_PAGE).param("lang", "en")).getContentAsString())
                .contains("We could not send the code").contains("Ask for a new code");
    }

    @Test
    void checkEmailPageOfALinkMailThatGaveUpOffersANewCode() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(withMail(view(RecoveryStatus.AWAITING_NEW_PASSWORD), MailDelivery.FAILED)));

        assertThat(perform(get("/recuperar-clave/" + RECOVERY_ID + "/revise-su-correo")).getContentAsString())
                .contains("<h1>No pudimos enviar el enlace</h1>")
                .contains("Solicitar un código nuevo")
                .doesNotContain("Le enviamos a");
    }

    @Test
    void checkEmailPageOfAnAssistedLinkThatGaveUpSendsTheEmployerToTheCentre() throws Exception {
        RecoveryView assisted = new RecoveryView(RECOVERY_ID, RecoveryStatus.AWAITING_NEW_PASSWORD, NOW.plusSeconds(150), null,
                "r***@pesquera-pacifico.example", AssistedReason.RUC_SUSPENDED, "CAU-2026-7KQ4M9XD", MailDelivery.FAILED);
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(assisted));

        assertThat(perform(get("/recuperar-clave/" + RECOVERY_ID + "/revise-su-correo")).getContentAsString())
                .contains("No pudimos enviar el enlace")
                .contains("Comuníquese con un Centro de Atención Universal del IESS e indique el número de caso CAU-2026-7KQ4M9XD")
                .doesNotContain("Solicitar un código nuevo");
    }

    @Test
    void codePageReloadedAfterExpiryShowsTheExpiredPage() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.OTP_EXPIRED)));

        assertThat(perform(get(CODE_PAGE)).getRedirectedUrl()).isEqualTo("/recuperar-clave/codigo-expirado");
    }

    @Test
    void replacedRequestExplainsThatANewerOneExists() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RecoveryStatus.SUPERSEDED)));

        String finished = perform(get(CODE_PAGE)).getRedirectedUrl();
        assertThat(finished).isEqualTo("/recuperar-clave/" + RECOVERY_ID + "/finalizada");
        assertThat(perform(get(finished)).getContentAsString()).contains("solicitud más reciente").contains("Empezar de nuevo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-recovery", "6f1c2a7e-0000-0000-0000-000000000000"})
    void unknownRecoveryIsANotFoundPage(String id) throws Exception {
        MockHttpServletResponse response = perform(get("/recuperar-clave/" + id + "/codigo"));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("No encontramos esa solicitud").contains("Empezar de nuevo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/recuperar-clave/datos-no-coinciden", "/recuperar-clave/codigo-expirado", "/recuperar-clave/codigo-bloqueado",
            "/recuperar-clave/no-llego-el-codigo", "/recuperar-clave/enlace-expirado"})
    void everyFailurePageOffersToStartAgain(String path) throws Exception {
        MockHttpServletResponse response = perform(get(path));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("<a class=\"button\" href=\"/recuperar-clave\">Empezar de nuevo</a>");
    }

    @Test
    void noCodePageNamesSpamWaitingAndTheAssistedRoute() throws Exception {
        assertThat(perform(get("/recuperar-clave/no-llego-el-codigo")).getContentAsString())
                .contains("correo no deseado (spam)")
                .contains("Espere un minuto")
                .contains("Centro de Atención Universal");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder startRecovery(String ruc, String sucursal, String cedula) {
        return post("/recuperar-clave").with(csrf()).param("ruc", ruc).param("sucursal", sucursal).param("cedula", cedula);
    }

    private static MockHttpServletRequestBuilder submitCode(String code) {
        return post(CODE_PAGE).with(csrf()).param("code", code);
    }

    private static RecoveryView withMail(RecoveryView view, MailDelivery delivery) {
        return new RecoveryView(view.recoveryId(), view.status(), view.expiresAt(), view.attemptsLeft(), view.maskedEmail(),
                view.assistedReason(), view.caseNumber(), delivery);
    }

    private static RecoveryView view(RecoveryStatus status) {
        return view(status, 3);
    }

    private static RecoveryView view(RecoveryStatus status, int attemptsLeft) {
        return new RecoveryView(RECOVERY_ID, status, NOW.plusSeconds(150), status == RecoveryStatus.AWAITING_OTP ? attemptsLeft : null,
                "t***@comercial-andina.example", status == RecoveryStatus.ASSISTED_PENDING ? AssistedReason.RUC_SUSPENDED : null,
                status == RecoveryStatus.ASSISTED_PENDING ? "CAU-2026-7KQ4M9XD" : null);
    }
}
