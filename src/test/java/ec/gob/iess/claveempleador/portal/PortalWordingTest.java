package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The words of the pages: one error per field in the fields' order, counts that read right, titles that say "Error". */
class PortalWordingTest extends PortalWebTest {

    private static final String CODE_PAGE = "/recuperar-clave/" + RECOVERY_ID + "/codigo";
    private static final Pattern SUMMARY_LINK = Pattern.compile("<li>\\s*<a href=\"#(\\w+)\">([^<]*)</a>");
    private static final Pattern FIELD_ERROR = Pattern.compile("<p class=\"field__error\" id=\"(\\w+)-error\">(.*?)</p>", Pattern.DOTALL);

    @Test
    void anEmptyFormGetsOneErrorPerFieldInTheFieldsOrder() throws Exception {
        String page = perform(startRecovery("", "", "")).getContentAsString();

        assertThat(summaryLinks(page)).containsExactly(
                "ruc: Ingrese el RUC.",
                "sucursal: Ingrese la sucursal (la matriz es 0001).",
                "cedula: Ingrese la cédula del representante legal.");
        assertThat(fieldErrors(page)).containsExactly(
                "ruc: <span>Ingrese el RUC.</span>",
                "sucursal: <span>Ingrese la sucursal (la matriz es 0001).</span>",
                "cedula: <span>Ingrese la cédula del representante legal.</span>");
        assertThat(page).doesNotContain("exactamente");
    }

    @Test
    void errorsFoundAfterTheFormatCheckStillFollowTheFieldsOrder() throws Exception {
        // The RUC's check digit is checked after the annotations have reported the blank sucursal.
        String page = perform(startRecovery("1712345670001", "", "12")).getContentAsString();

        assertThat(summaryLinks(page)).extracting(link -> link.substring(0, link.indexOf(':')))
                .containsExactly("ruc", "sucursal", "cedula");
        assertThat(fieldErrors(page)).hasSize(3).allSatisfy(error -> assertThat(error).containsOnlyOnce("<span>"));
    }

    @Test
    void aWrongFormatIsOneErrorToo() throws Exception {
        String page = perform(startRecovery("12", "1", "1712345675")).getContentAsString();

        assertThat(summaryLinks(page)).containsExactly(
                "ruc: El RUC debe tener exactamente 13 dígitos.",
                "sucursal: La sucursal debe tener exactamente 4 dígitos, por ejemplo 0001.");
    }

    @Test
    void aFormShowingErrorsSaysErrorInItsTitle() throws Exception {
        assertThat(title(perform(startRecovery("", "", "")).getContentAsString()))
                .isEqualTo("Error: Recuperar la clave de empleador · Clave de empleador · IESS");
        assertThat(title(perform(startRecovery("", "", "").param("lang", "en")).getContentAsString()))
                .isEqualTo("Error: Recover the employer password · Employer password · IESS");
        assertThat(title(perform(get("/recuperar-clave")).getContentAsString()))
                .isEqualTo("Recuperar la clave de empleador · Clave de empleador · IESS");
    }

    @Test
    void aFailurePageSaysErrorInItsTitleAndASuccessPageDoesNot() throws Exception {
        assertThat(title(perform(get("/recuperar-clave/codigo-expirado")).getContentAsString()))
                .isEqualTo("Error: El código expiró · Clave de empleador · IESS");
        assertThat(title(perform(get("/recuperar-clave/datos-no-coinciden")).getContentAsString())).startsWith("Error: Los datos no coinciden");
        assertThat(title(perform(get("/recuperar-clave/clave-actualizada")).getContentAsString())).startsWith("Su clave fue actualizada");
        assertThat(title(perform(get("/")).getContentAsString())).startsWith("Clave de empleador");
    }

    @Test
    void theRateLimitPageSaysHowManyMinutesInWordsThatReadRight() throws Exception {
        doThrow(new RateLimitExceededException(RateLimit.RECOVERY_START_PER_CLIENT, Duration.ofMinutes(12).plusSeconds(1)))
                .when(throttle).beforeRecoveryStart(any(), any(), anyString());

        MockHttpServletResponse response = perform(startRecovery("1790012344001", "0001", "1712345675"));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentAsString())
                .contains("Espere 13 minutos y vuelva a intentar.")
                .contains("Cuando pase ese tiempo, empiece de nuevo con sus datos.")
                .doesNotContain("minuto(s)").doesNotContain("por un momento");
        assertThat(title(response.getContentAsString())).startsWith("Error: Demasiados intentos");
    }

    @Test
    void lessThanAMinuteToWaitIsOneMinuteInEitherLanguage() throws Exception {
        doThrow(new RateLimitExceededException(RateLimit.RECOVERY_START_PER_CLIENT, Duration.ofSeconds(40)))
                .when(throttle).beforeRecoveryStart(any(), any(), anyString());

        assertThat(perform(startRecovery("1790012344001", "0001", "1712345675")).getContentAsString())
                .contains("Espere 1 minuto y vuelva a intentar.");
        assertThat(perform(startRecovery("1790012344001", "0001", "1712345675").param("lang", "en")).getContentAsString())
                .contains("Wait 1 minute and try again.")
                .contains("When that time has passed, start again with your details.");
    }

    @Test
    void theCodePageCountsTheAttemptsLeftInWords() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(awaitingCode(1)));
        assertThat(perform(get(CODE_PAGE)).getContentAsString()).contains("Le queda 1 intento.");
        assertThat(perform(get(CODE_PAGE).flashAttr("wrongCode", true)).getContentAsString())
                .contains("El código no es correcto. Le queda 1 intento.");
        assertThat(perform(get(CODE_PAGE).param("lang", "en")).getContentAsString()).contains("1 attempt left.");

        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(awaitingCode(2)));
        assertThat(perform(get(CODE_PAGE)).getContentAsString()).contains("Le quedan 2 intentos.");
        assertThat(perform(get(CODE_PAGE).param("lang", "en")).getContentAsString()).contains("2 attempts left.");
    }

    @Test
    void windowsAndDeadlinesAreCountedInWords() throws Exception {
        assertThat(perform(get("/")).getContentAsString()).contains("(válido 3 minutos)");
        assertThat(perform(get("/recuperar-clave/no-llego-el-codigo")).getContentAsString()).contains("El código vale 3 minutos.");
        assertThat(perform(get("/recuperar-clave/codigo-bloqueado")).getContentAsString()).contains("un código incorrecto 3 veces");
    }

    @Test
    void theCentresPageListsTheCentresMarksTheExamplesAndSaysWhatToBring() throws Exception {
        String page = perform(get("/recuperar-clave/centros")).getContentAsString();

        assertThat(page)
                .contains("<h1>Centros de Atención Universal</h1>")
                .contains("Qué debe llevar").contains("La cédula del representante legal.").contains("El nombramiento vigente")
                .contains("Quito").contains("Guayaquil").contains("Cuenca")
                .contains("class=\"centre__example\">(ejemplo)</span>")
                .doesNotContain("id=\"centres-none\"");
        assertThat(perform(get("/recuperar-clave/centros").param("lang", "en")).getContentAsString())
                .contains("What to bring").contains("The legal representative&#39;s ID card (cédula).")
                .contains("(example)").contains("Quito");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/recuperar-clave/no-llego-el-codigo", "/recuperar-clave/datos-no-coinciden", "/recuperar-clave/clave-actualizada"})
    void pagesThatSendTheEmployerToACentreLinkToTheCentres(String path) throws Exception {
        assertThat(perform(get(path)).getContentAsString())
                .contains("<a class=\"link\" href=\"/recuperar-clave/centros\">Dónde están los Centros de Atención Universal y qué llevar</a>");
    }

    @Test
    void theAssistedPageLinksToTheCentresBesideWhatToBring() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(new RecoveryView(RECOVERY_ID, RecoveryStatus.ASSISTED_PENDING, null, null,
                null, AssistedReason.NO_VALID_EMAIL, "CAU-2026-7KQ4M9XD")));

        assertThat(perform(get("/recuperar-clave/" + RECOVERY_ID + "/atencion-asistida")).getContentAsString())
                .contains("un correo electrónico al que tenga acceso")
                .contains("href=\"/recuperar-clave/centros\"");
    }

    @Test
    void anAssistedLinkThatCouldNotBeMailedLinksToTheCentres() throws Exception {
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(new RecoveryView(RECOVERY_ID, RecoveryStatus.AWAITING_NEW_PASSWORD,
                NOW.plusSeconds(150), null, "r***@pesquera-pacifico.example", AssistedReason.RUC_SUSPENDED, "CAU-2026-7KQ4M9XD",
                MailDelivery.FAILED)));

        assertThat(perform(get("/recuperar-clave/" + RECOVERY_ID + "/revise-su-correo")).getContentAsString())
                .contains("número de caso CAU-2026-7KQ4M9XD")
                .contains("href=\"/recuperar-clave/centros\"");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder startRecovery(String ruc, String sucursal, String cedula) {
        return post("/recuperar-clave").with(csrf()).param("ruc", ruc).param("sucursal", sucursal).param("cedula", cedula);
    }

    private static RecoveryView awaitingCode(int attemptsLeft) {
        return new RecoveryView(RECOVERY_ID, RecoveryStatus.AWAITING_OTP, NOW.plusSeconds(150), attemptsLeft,
                "t***@comercial-andina.example", null, null);
    }

    private static String title(String page) {
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(page);
        assertThat(title.find()).as("the page has a title").isTrue();
        return title.group(1);
    }

    /** The error summary's entries as "field: message", in the page's order. */
    private static List<String> summaryLinks(String page) {
        return SUMMARY_LINK.matcher(page).results().map(link -> link.group(1) + ": " + link.group(2)).toList();
    }

    /** The messages beside the fields as "field: markup", in the page's order. */
    private static List<String> fieldErrors(String page) {
        return FIELD_ERROR.matcher(page).results().map(error -> error.group(1) + ": " + error.group(2).strip()).toList();
    }
}
