package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseView;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkRefused;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import ec.gob.iess.claveempleador.recovery.CaseResults.Refusal;
import ec.gob.iess.claveempleador.recovery.CaseStatus;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The case pages: look-up form, the case page in each status, the new-link button, printing. */
class CasePagesControllerTest extends PortalWebTest {

    static final String CASE = "CAU-2026-7KQ4M9XD";
    static final Ruc RUC = Ruc.parse("1792223334001");
    static final Cedula REPRESENTATIVE = Cedula.parse("1711223345");
    // 2026-12-25 03:00 UTC is still 24 December in Ecuador: the page shows Ecuador's date.
    static final Instant DEADLINE = Instant.parse("2026-12-25T03:00:00Z");

    private final MockHttpSession session = new MockHttpSession();

    @Test
    void theLookUpFormAsksForCaseRucAndCedulaWithLabelsHintsAndCsrf() throws Exception {
        String page = perform(get("/recuperar-clave/caso").param("caso", CASE)).getContentAsString();

        assertThat(page).contains("<html lang=\"es-EC\"", "Consultar mi caso", "name=\"_csrf\"")
                .contains("<label for=\"caseNumber\">Número de caso</label>", "value=\"" + CASE + "\"")
                .contains("<label for=\"ruc\">RUC</label>", "<label for=\"cedula\">Cédula del representante legal</label>")
                .contains("aria-describedby=\"caseNumber-hint\"", "inputmode=\"numeric\"");
        assertThat(perform(get("/recuperar-clave/caso").param("lang", "en")).getContentAsString())
                .contains("<html lang=\"en\"", "Look up my case", "Case number");
    }

    @Test
    void anEmptyFormGetsOneErrorPerFieldInTheSummary() throws Exception {
        MockHttpServletResponse response = perform(lookup("", "", ""));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("id=\"error-summary\"", "Ingrese el número de caso.", "Ingrese el RUC.",
                "Ingrese la cédula del representante legal.", "aria-invalid=\"true\"");
        verify(cases, never()).lookup(any(), any(), any());
    }

    @Test
    void noMatchingCaseIsOneNeutralErrorWhicheverNumberWasWrong() throws Exception {
        when(cases.lookup(any(), any(), any())).thenReturn(Optional.empty());

        MockHttpServletResponse unknownCase = perform(lookup("CAU-2026-ZZZZZZZZ", "1792223334001", "1711223345"));
        MockHttpServletResponse wrongCedula = perform(lookup(CASE, "1792223334001", "1712345675"));

        assertThat(unknownCase.getStatus()).isEqualTo(404).isEqualTo(wrongCedula.getStatus());
        assertThat(unknownCase.getContentAsString()).contains("No encontramos un caso con esos datos.");
        assertThat(wrongCedula.getContentAsString()).contains("No encontramos un caso con esos datos.")
                .doesNotContain("La cédula no es válida");
        assertThat(session.getAttribute(CasePagesController.CASE_KEY)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PENDING   | Pendiente: espera su visita a un Centro de Atención Universal. | Acuda a un centro hasta el: | Qué debe llevar",
            "APPROVED  | Aprobado por el centro.                                         | Aprobación vigente hasta el: | Enviar un nuevo enlace",
            "LINK_SENT | Aprobado: enlace enviado.                                       | Aprobación vigente hasta el: | vale hasta las 13:33",
            "COMPLETED | Completado: su clave fue restablecida.                          | Estado: | Ya puede ingresar con su nueva clave.",
            "REJECTED  | Rechazado por el centro.                                        | Motivo del rechazo: | Documentos incompletos.",
            "EXPIRED   | Vencido.                                                        | Estado: | inicie una nueva solicitud"
    })
    void aMatchingLookUpLeadsToTheCasePageWhichShowsTheStatusReasonAndWhatToDo(CaseStatus status, String statusText, String label,
                                                                               String next) throws Exception {
        when(cases.lookup(CASE, RUC, REPRESENTATIVE)).thenReturn(Optional.of(view(status)));

        MockHttpServletResponse lookedUp = perform(lookup(CASE.toLowerCase(), "1792223334001", "171122334-5"));
        assertThat(lookedUp.getRedirectedUrl()).isEqualTo("/recuperar-clave/caso/estado");

        String page = perform(get("/recuperar-clave/caso/estado")).getContentAsString();
        assertThat(page).contains(CASE, statusText, label, next, "No hay un correo electrónico válido registrado para este empleador.")
                .as("the numbers stay in the session, never in the page").doesNotContain("1711223345");
        assertThat(page.contains("24/12/2026")).as("deadline shown").isEqualTo(status == CaseStatus.PENDING
                || status == CaseStatus.APPROVED || status == CaseStatus.LINK_SENT);
        assertThat(page.contains("action=\"/recuperar-clave/caso/nuevo-enlace\"")).as("new-link button")
                .isEqualTo(status == CaseStatus.APPROVED);
    }

    @Test
    void theNewLinkButtonSendsALinkAndThePageSaysWhereItWentAndHowLongItLasts() throws Exception {
        when(cases.lookup(CASE, RUC, REPRESENTATIVE)).thenReturn(Optional.of(view(CaseStatus.APPROVED)));
        when(cases.requestNewLink(CASE, RUC, REPRESENTATIVE))
                .thenReturn(new NewLinkSent("g***@textiles-imbabura.example", Instant.parse("2026-11-25T15:03:00Z")));
        perform(lookup(CASE, "1792223334001", "1711223345"));

        String casePage = perform(get("/recuperar-clave/caso/estado")).getContentAsString();
        assertThat(casePage).contains("El enlace irá a g***@textiles-imbabura.example y valdrá 3 minutos", "Le quedan 4 enlaces nuevos");
        MockHttpServletResponse sent = perform(post("/recuperar-clave/caso/nuevo-enlace").with(csrf()));
        assertThat(sent.getRedirectedUrl()).isEqualTo("/recuperar-clave/caso/enlace-enviado");

        String page = mvc.perform(get(sent.getRedirectedUrl()).session(session)
                        .flashAttr("maskedEmail", "g***@textiles-imbabura.example").flashAttr("linkUntil", "10:03"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Le enviamos un enlace nuevo", "g***@textiles-imbabura.example", "Vale 3 minutos (hasta las 10:03");
    }

    @Test
    void theNewLinkButtonWithoutCsrfIsRefused() throws Exception {
        when(cases.lookup(CASE, RUC, REPRESENTATIVE)).thenReturn(Optional.of(view(CaseStatus.APPROVED)));
        perform(lookup(CASE, "1792223334001", "1711223345"));

        MockHttpServletResponse response = perform(post("/recuperar-clave/caso/nuevo-enlace"));

        assertThat(response.getStatus()).isNotEqualTo(302);
        verify(cases, never()).requestNewLink(any(), any(), any());
    }

    @Test
    void aRefusedNewLinkShowsWhyOnTheCasePage() throws Exception {
        when(cases.lookup(CASE, RUC, REPRESENTATIVE)).thenReturn(Optional.of(view(CaseStatus.APPROVED)));
        when(cases.requestNewLink(CASE, RUC, REPRESENTATIVE)).thenReturn(new NewLinkRefused(Refusal.NO_NEW_LINKS_LEFT, view(CaseStatus.APPROVED)));
        perform(lookup(CASE, "1792223334001", "1711223345"));

        MockHttpServletResponse refused = perform(post("/recuperar-clave/caso/nuevo-enlace").with(csrf()));
        assertThat(refused.getRedirectedUrl()).isEqualTo("/recuperar-clave/caso/estado");

        String page = mvc.perform(get("/recuperar-clave/caso/estado").session(session).flashAttr("refusal", "NO_NEW_LINKS_LEFT"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"new-link-refused\"", "Ya usó todos los enlaces nuevos de este caso");
    }

    @Test
    void theCasePageWithoutALookUpGoesToTheForm() throws Exception {
        assertThat(perform(get("/recuperar-clave/caso/estado")).getRedirectedUrl()).isEqualTo("/recuperar-clave/caso");
        assertThat(perform(post("/recuperar-clave/caso/nuevo-enlace").with(csrf())).getRedirectedUrl()).isEqualTo("/recuperar-clave/caso");
    }

    @Test
    void tooManyLookUpsShowTheWaitPage() throws Exception {
        doThrow(new RateLimitExceededException(RateLimit.CASE_LOOKUP_PER_CLIENT, Duration.ofSeconds(90)))
                .when(throttle).beforeCaseLookup(any());

        MockHttpServletResponse response = perform(lookup(CASE, "1792223334001", "1711223345"));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("90");
        verify(cases, never()).lookup(any(), any(), any());
    }

    @Test
    void theCasePagePrintsOnOneA4SheetWithoutNavigationAndWithTheCaseNumberLarge() throws Exception {
        when(cases.lookup(CASE, RUC, REPRESENTATIVE)).thenReturn(Optional.of(view(CaseStatus.PENDING)));
        perform(lookup(CASE, "1792223334001", "1711223345"));

        String page = perform(get("/recuperar-clave/caso/estado")).getContentAsString();
        String css = perform(get("/css/portal.css")).getContentAsString();

        assertThat(page).contains("href=\"/css/portal.css\"", "src=\"/js/print.js\"", "data-print", "class=\"print-only note\"");
        assertThat(css).contains("@media print", "size: A4")
                .containsPattern("@media print \\{[\\s\\S]*\\.language[\\s\\S]*\\.actions[\\s\\S]*display: none")
                .containsPattern("@media print \\{[\\s\\S]*\\.case__number \\{ font-size: 28pt");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder lookup(String caseNumber, String ruc, String cedula) {
        return post("/recuperar-clave/caso").with(csrf()).param("caseNumber", caseNumber).param("ruc", ruc).param("cedula", cedula);
    }

    private static CaseView view(CaseStatus status) {
        Instant deadline = switch (status) {
            case PENDING, APPROVED, LINK_SENT -> DEADLINE;
            default -> null;
        };
        return new CaseView(CASE, status, AssistedReason.NO_VALID_EMAIL, deadline,
                status == CaseStatus.REJECTED ? RejectionReason.DOCUMENTS_INCOMPLETE : null, null,
                status == CaseStatus.APPROVED, 4, "g***@textiles-imbabura.example",
                status == CaseStatus.LINK_SENT ? Instant.parse("2026-11-25T18:33:00Z") : null);
    }
}
