package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Optional;

import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkOpen;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class NewClavePagesControllerTest extends PortalWebTest {

    private static final String TOKEN = "Zm9vYmFyYmF6cXV4LXRva2VuLW9mLXRoZS1saW5rLTQ";
    private static final LinkOpen OPEN = new LinkOpen(RECOVERY_ID, EmployerKey.of("1790012344001", "0001"), "Comercial Andina S.A.",
            NOW.plusSeconds(170));
    private static final String LINK = "/recuperar-clave/nueva-clave";
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";

    @BeforeEach
    void policy() {
        when(policy.minLength()).thenReturn(15);
        when(policy.maxLength()).thenReturn(128);
    }

    @Test
    void openingTheLinkShowsThePolicyAndNeverSpendsTheLink() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);

        MockHttpServletResponse response = perform(get(LINK).param("token", TOKEN));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("Cree su nueva clave")
                .contains("Empleador: Comercial Andina S.A.")
                .contains("Al menos 15 caracteres (máximo 128).")
                .contains("No se exigen mayúsculas, números ni símbolos.")
                .contains("autocomplete=\"new-password\"")
                .contains("data-seconds=\"170\"")
                .contains("action=\"/recuperar-clave/nueva-clave?token=" + TOKEN + "\"");
        verify(recoveries, never()).submitNewPassword(any(LinkOpen.class), anyString(), anyString());
    }

    @Test
    void linkPageSendsNoReferrerAndIsNeverCached() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);

        MockHttpServletResponse response = perform(get(LINK).param("token", TOKEN));

        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo(PortalSecurityConfiguration.CONTENT_SECURITY_POLICY)
                .doesNotContain("unsafe-inline");
    }

    @Test
    void languageSwitchKeepsTheToken() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);

        String page = perform(get(LINK).param("token", TOKEN).param("lang", "en")).getContentAsString();

        assertThat(page)
                .contains("Create your new password")
                .contains("href=\"/recuperar-clave/nueva-clave?token=" + TOKEN + "&amp;lang=es-EC\"");
    }

    @Test
    void expiredLinkSaysSoAndOffersToStartAgain() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(new LinkExpired(false));

        MockHttpServletResponse response = perform(get(LINK).param("token", TOKEN));

        assertThat(response.getStatus()).isEqualTo(410);
        assertThat(response.getContentAsString()).contains("vale solo unos minutos").contains("Empezar de nuevo");
    }

    @Test
    void usedLinkSaysItWasUsedAndPointsToSignIn() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(new LinkExpired(true));

        MockHttpServletResponse response = perform(get(LINK).param("token", TOKEN));

        assertThat(response.getStatus()).isEqualTo(410);
        assertThat(response.getContentAsString()).contains("Este enlace ya se usó").contains("href=\"/ingreso\"");
    }

    @Test
    void missingOrUnknownTokenIsANotFoundPageNotAServerError() throws Exception {
        when(recoveries.checkLink(any())).thenReturn(new LinkInvalid());

        MockHttpServletResponse response = perform(get(LINK));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("El enlace no es válido").contains("Empezar de nuevo");
    }

    @Test
    void newClaveIsSetAndTheDonePageFollows() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);
        when(recoveries.submitNewPassword(OPEN, NEW_CLAVE, NEW_CLAVE)).thenReturn(new PasswordChanged());

        MockHttpServletResponse response = perform(setClave(NEW_CLAVE, NEW_CLAVE));

        assertThat(response.getRedirectedUrl()).isEqualTo(NewClavePagesController.DONE);
        assertThat(perform(get(NewClavePagesController.DONE)).getContentAsString())
                .contains("Su clave fue actualizada").contains("href=\"/ingreso\"");
    }

    @Test
    void onlyADifferentConfirmationSaysTheClaveWasFineAndNamesOnlyTheConfirmation() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);
        when(recoveries.submitNewPassword(OPEN, NEW_CLAVE, "otra cosa")).thenReturn(new PasswordMismatch());
        when(recoveries.policyViolations(OPEN, NEW_CLAVE)).thenReturn(List.of());

        MockHttpServletResponse response = perform(setClave(NEW_CLAVE, "otra cosa"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("aria-describedby=\"confirmation-feedback confirmation-error\"")
                .contains("Su nueva clave cumple los requisitos, pero la clave repetida no era igual.")
                .contains("<a href=\"#confirmation\">")
                .doesNotContain("<a href=\"#newPassword\">")
                .doesNotContain(NEW_CLAVE).doesNotContain("otra cosa");
    }

    @Test
    void aDifferentConfirmationOfARefusedClaveSaysBoth() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);
        when(recoveries.submitNewPassword(OPEN, "corta", "corto")).thenReturn(new PasswordMismatch());
        when(recoveries.policyViolations(OPEN, "corta")).thenReturn(List.of(PolicyViolation.TOO_SHORT));

        MockHttpServletResponse response = perform(setClave("corta", "corto"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("La clave debe tener al menos 15 caracteres.")
                .contains("Las dos claves no son iguales.")
                .doesNotContain("cumple los requisitos");
    }

    @Test
    void thePageCarriesShowHideTheLiveRegionAndTheConfiguredLengthsForTheBrowser() throws Exception {
        when(policy.minLength()).thenReturn(12);
        when(policy.maxLength()).thenReturn(64);
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);

        String page = perform(get(LINK).param("token", TOKEN)).getContentAsString();

        assertThat(page)
                .contains("data-min-length=\"12\"").contains("data-max-length=\"64\"")
                .contains("data-text-short=\"La clave debe tener al menos 12 caracteres.\"")
                .contains("aria-controls=\"newPassword\"").contains("aria-controls=\"confirmation\"")
                .contains("aria-pressed=\"false\"").contains("aria-label=\"Mostrar la nueva clave\"")
                .contains("aria-live=\"polite\"")
                .contains("data-warn-seconds=\"30\"").contains("Quedan 30 segundos para guardar su clave.")
                .contains("El enlace expiró mientras escribía")
                .contains("<a class=\"button\" href=\"/recuperar-clave\">Pedir un enlace nuevo</a>")
                .contains("src=\"/js/new-clave.js\"");
    }

    @Test
    void anApprovedCaseWhoseLinkExpiresIsOfferedItsCasePage() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);
        when(recoveries.status(new RecoveryId(RECOVERY_ID))).thenReturn(Optional.of(new RecoveryView(RECOVERY_ID,
                RecoveryStatus.AWAITING_NEW_PASSWORD, NOW.plusSeconds(170), null, "t***@comercial-andina.example", null, "CAU-2026-7KQ4M9XD")));

        String page = perform(get(LINK).param("token", TOKEN).param("lang", "en")).getContentAsString();

        assertThat(page).contains("Your case is already approved: ask for a new link on your case page.")
                .contains("<a class=\"button\" href=\"/recuperar-clave/caso\">Get a new link</a>")
                .contains("aria-label=\"Show the repeated password\"");
    }

    @Test
    void refusedClaveListsThePolicyViolationsAndIsNotEchoedBack() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);
        when(recoveries.submitNewPassword(OPEN, "corta", "corta"))
                .thenReturn(new PasswordRefused(List.of(PolicyViolation.TOO_SHORT, PolicyViolation.TOO_GUESSABLE)));

        MockHttpServletResponse response = perform(setClave("corta", "corta"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("La clave debe tener al menos 15 caracteres.")
                .contains("demasiado fácil de adivinar")
                .contains("aria-describedby=\"policy newPassword-feedback newPassword-error\"")
                .doesNotContain("value=\"corta\"");
    }

    @Test
    void blankFieldsAreFieldErrorsAndDoNotSpendTheLink() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(OPEN);

        MockHttpServletResponse response = perform(setClave("", ""));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Ingrese su nueva clave.").contains("Repita la nueva clave.");
        verify(recoveries, never()).submitNewPassword(any(LinkOpen.class), anyString(), anyString());
    }

    @Test
    void submittingOnAnExpiredLinkShowsTheExpiredPage() throws Exception {
        when(recoveries.checkLink(LinkToken.parse(TOKEN).orElseThrow())).thenReturn(new LinkExpired(false));

        MockHttpServletResponse response = perform(setClave(NEW_CLAVE, NEW_CLAVE));

        assertThat(response.getStatus()).isEqualTo(410);
        assertThat(response.getContentAsString()).contains("El enlace ya no es válido");
        verify(recoveries, never()).submitNewPassword(any(LinkOpen.class), anyString(), anyString());
    }

    @Test
    void settingTheClaveNeedsTheCsrfToken() throws Exception {
        MockHttpServletResponse response = perform(post(LINK).param("token", TOKEN)
                .param("newPassword", NEW_CLAVE).param("confirmation", NEW_CLAVE));

        assertThat(response.getStatus()).isEqualTo(403);
        verify(recoveries, never()).submitNewPassword(any(LinkOpen.class), anyString(), anyString());
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder setClave(String newPassword, String confirmation) {
        return post(LINK).with(csrf()).param("token", TOKEN).param("newPassword", newPassword).param("confirmation", confirmation);
    }
}
