package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
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

import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.recovery.Language;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResent;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeSuperseded;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendOffer;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendTooSoon;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendsUsedUp;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** "Enviar un código nuevo", the form that comes back filled, and the truth about an older tab, as the pages say them. */
class CodeResendPagesTest extends PortalWebTest {

    private static final String NEWER_ID = "7a2d3b8f-5c2e-4d4b-8b66-1e0e8a3c9f22";
    private static final String CODE_PAGE = "/recuperar-clave/" + RECOVERY_ID + "/codigo";
    private static final String RESEND = CODE_PAGE + "/nuevo";

    @Test
    void theCodePageOffersANewCodeWithItsOwnCountdownUntilTheWaitIsOver() throws Exception {
        awaitingCode(RECOVERY_ID);
        when(recoveries.resendOffer(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(new ResendOffer(NOW.plusSeconds(45), 3)));

        String page = page(get(CODE_PAGE));

        assertThat(page).contains("action=\"" + RESEND + "\"")
                .containsPattern("<button[^>]*data-seconds=\"45\"[^>]*>Enviar un código nuevo</button>")
                .contains("Podrá pedirlo desde las 10:00:45 (hora de Ecuador).")
                .contains("Puede pedir hasta 3 códigos nuevos.");
    }

    @Test
    void noCodeFromTheCodePageOffersTheNewCodeToo() throws Exception {
        awaitingCode(RECOVERY_ID);
        when(recoveries.resendOffer(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(new ResendOffer(NOW.minusSeconds(1), 1)));

        assertThat(page(get(CODE_PAGE))).contains("href=\"/recuperar-clave/" + RECOVERY_ID + "/no-llego-el-codigo\"");
        assertThat(page(get("/recuperar-clave/" + RECOVERY_ID + "/no-llego-el-codigo")))
                .contains("No me llegó el código")
                .containsPattern("<button[^>]*data-seconds=\"0\"[^>]*>Enviar un código nuevo</button>")
                .contains("Puede pedir 1 código nuevo.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2 | Puede pedir 2 códigos nuevos más.",
            "1 | Puede pedir 1 código nuevo más.",
            "0 | Ya no puede pedir más códigos nuevos en esta solicitud."})
    void aNewCodeIsConfirmedWithHowManyAreLeft(int left, String words) throws Exception {
        awaitingCode(RECOVERY_ID);
        when(recoveries.resendCode(new RecoveryId(RECOVERY_ID))).thenReturn(new CodeResent(NOW.plusSeconds(180), NOW.plusSeconds(60), left));

        MvcResult sent = mvc.perform(post(RESEND).with(csrf())).andReturn();

        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(CODE_PAGE);
        assertThat(page(get(CODE_PAGE).flashAttrs(sent.getFlashMap())))
                .contains("Le enviamos un código nuevo a t***@comercial-andina.example. El código anterior ya no vale. " + words);
    }

    @Test
    void aNewCodeAskedForTooEarlyIsRefusedInWordsAndTheCodeStillWorks() throws Exception {
        awaitingCode(RECOVERY_ID);
        when(recoveries.resendCode(new RecoveryId(RECOVERY_ID))).thenReturn(new ResendTooSoon(NOW.plusSeconds(12), Duration.ofSeconds(12)));

        MvcResult refused = mvc.perform(post(RESEND).with(csrf())).andReturn();

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(CODE_PAGE);
        assertThat(page(get(CODE_PAGE).flashAttrs(refused.getFlashMap())))
                .contains("Todavía no puede pedir un código nuevo: espere 12 segundos. El código que ya recibió sigue valiendo.");
    }

    @Test
    void whenNoNewCodeIsLeftThePageSaysSoAndOffersNoButton() throws Exception {
        awaitingCode(RECOVERY_ID);
        when(recoveries.resendCode(new RecoveryId(RECOVERY_ID))).thenReturn(new ResendsUsedUp(NOW.plusSeconds(100), 3));
        when(recoveries.resendOffer(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(new ResendOffer(NOW, 0)));

        MvcResult refused = mvc.perform(post(RESEND).with(csrf())).andReturn();

        assertThat(page(get(CODE_PAGE).flashAttrs(refused.getFlashMap())))
                .contains("Ya pidió todos los códigos nuevos que permite esta solicitud.")
                .doesNotContain("Enviar un código nuevo</button>");
    }

    @Test
    void aNewCodeForARecoveryThatEndedShowsWhereItStands() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RECOVERY_ID, RecoveryStatus.OTP_EXPIRED)));

        assertThat(mvc.perform(post(RESEND).with(csrf())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/recuperar-clave/codigo-expirado");
        verify(recoveries, never()).resendCode(new RecoveryId(RECOVERY_ID));
    }

    @Test
    void tooManyNewCodesFromOneClientAnswer429() throws Exception {
        awaitingCode(RECOVERY_ID);
        doThrow(new RateLimitExceededException(RateLimit.OTP_ATTEMPT_PER_CLIENT, Duration.ofMinutes(13))).when(throttle).beforeCodeResend(anyString());

        var response = mvc.perform(post(RESEND).with(csrf())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentAsString()).contains("Espere 13 minutos");
        verify(recoveries, never()).resendCode(new RecoveryId(RECOVERY_ID));
    }

    @Test
    void startingAgainFromThisBrowserFindsTheFormFilledWithTheLastRequestsNumbers() throws Exception {
        MockHttpSession session = new MockHttpSession();
        when(recoveries.start(DemoEmployers.ANDINA.key(), DemoEmployers.ANDINA.representative(), Language.SPANISH))
                .thenReturn(new AwaitingOtp(RECOVERY_ID, "t***@comercial-andina.example", NOW.plusSeconds(180)));
        String redirect = mvc.perform(startAndina(session)).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).as("the numbers never go into a URL").doesNotContain("1790012344001").doesNotContain("1712345675");

        String form = page(get("/recuperar-clave").session(session));

        assertThat(form).contains("value=\"1790012344001\"").contains("value=\"0001\"").contains("value=\"1712345675\"")
                .contains("Completamos el formulario con los datos de su última solicitud");
        assertThat(page(get("/recuperar-clave").session(new MockHttpSession())))
                .as("another browser").doesNotContain("1790012344001").doesNotContain("Completamos el formulario");
    }

    @Test
    void aCodeTypedIntoAnOlderTabSaysANewerCodeWasAskedForAndOffersTheNewestRequest() throws Exception {
        MockHttpSession session = new MockHttpSession();
        when(recoveries.start(DemoEmployers.ANDINA.key(), DemoEmployers.ANDINA.representative(), Language.SPANISH))
                .thenReturn(new AwaitingOtp(NEWER_ID, "t***@comercial-andina.example", NOW.plusSeconds(180)));
        mvc.perform(startAndina(session));
        awaitingCode(NEWER_ID);
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RECOVERY_ID, RecoveryStatus.AWAITING_OTP)),
                Optional.of(view(RECOVERY_ID, RecoveryStatus.SUPERSEDED)));
        when(recoveries.submitCode(new RecoveryId(RECOVERY_ID), OtpCode.parse(OtpCode.example()).orElseThrow())).thenReturn(new CodeSuperseded());

        MvcResult submitted = mvc.perform(post(CODE_PAGE).session(session).with(csrf()).param("code", OtpCode.example())).andReturn();

        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/recuperar-clave/" + RECOVERY_ID + "/finalizada");
        String page = page(get(submitted.getResponse().getRedirectedUrl()).session(session).flashAttrs(submitted.getFlashMap()));
        assertThat(page).contains("Pidió un código más nuevo: use la pestaña o el correo más reciente.")
                .contains("href=\"/recuperar-clave/" + NEWER_ID + "/codigo\">Continuar con la solicitud más reciente</a>")
                .doesNotContain("expiró");
    }

    @Test
    void anOlderTabWithoutANewerRequestOfThisBrowserOffersTheFilledForm() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(view(RECOVERY_ID, RecoveryStatus.SUPERSEDED)));

        String page = page(get("/recuperar-clave/" + RECOVERY_ID + "/finalizada"));

        assertThat(page).doesNotContain("Continuar con la solicitud más reciente").contains("href=\"/recuperar-clave\">Empezar de nuevo</a>");
    }

    private void awaitingCode(String recoveryId) {
        when(recoveries.status(new RecoveryId(recoveryId))).thenReturn(Optional.of(view(recoveryId, RecoveryStatus.AWAITING_OTP)));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder startAndina(MockHttpSession session) {
        return post("/recuperar-clave").session(session).with(csrf())
                .param("ruc", DemoEmployers.ANDINA.ruc()).param("sucursal", DemoEmployers.ANDINA.sucursal())
                .param("cedula", DemoEmployers.ANDINA.representativeId());
    }

    private static RecoveryView view(String recoveryId, RecoveryStatus status) {
        return new RecoveryView(recoveryId, status, NOW.plusSeconds(150), status == RecoveryStatus.AWAITING_OTP ? 3 : null,
                "t***@comercial-andina.example", null, null);
    }
}
