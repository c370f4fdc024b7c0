package ec.gob.iess.claveempleador.portal;

import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final RecoveryProperties properties;

    HomeController(RecoveryProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("otpMinutes", properties.otpWindowMinutes());
        model.addAttribute("linkMinutes", properties.linkWindowMinutes());
        return "portal/home";
    }
}
