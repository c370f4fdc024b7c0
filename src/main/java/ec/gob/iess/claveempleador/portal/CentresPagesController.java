package ec.gob.iess.claveempleador.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where an employer whose case cannot finish online goes, and what to bring there. */
@Controller
class CentresPagesController {

    static final String CENTRES = "/recuperar-clave/centros";

    private final CentresProperties centres;

    CentresPagesController(CentresProperties centres) {
        this.centres = centres;
    }

    @GetMapping(CENTRES)
    String centres(Model model) {
        model.addAttribute("centres", centres.offices());
        model.addAttribute("contactUrl", centres.contactUrl());
        model.addAttribute("anyExample", centres.offices().stream().anyMatch(CentresProperties.Centre::example));
        return "portal/centres";
    }
}
