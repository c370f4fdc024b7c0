package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/** In prod no centre is configured: the page sends employers to the IESS website rather than showing an empty list. */
@ActiveProfiles("prod")
class CentresPageInProdTest extends PortalWebTest {

    @Test
    void withoutCentresThePagePointsToTheIessWebsite() throws Exception {
        String page = mvc.perform(get("/recuperar-clave/centros")).andReturn().getResponse().getContentAsString();

        assertThat(page)
                .contains("Consulte sus direcciones y horarios en el sitio del IESS:")
                .contains("<a href=\"https://www.iess.gob.ec/\">https://www.iess.gob.ec/</a>")
                .contains("Qué debe llevar")
                .doesNotContain("class=\"centres\"").doesNotContain("(ejemplo)");
    }
}
