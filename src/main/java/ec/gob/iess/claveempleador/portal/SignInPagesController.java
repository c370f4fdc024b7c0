package ec.gob.iess.claveempleador.portal;

import java.time.Duration;
import java.util.Optional;

import ec.gob.iess.claveempleador.config.Waits;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.portal.Forms.SignInForm;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checks a clave the way the employer portal's sign-in would. It opens no session: the employer portal
 * itself is another system; this page proves that the new clave works.
 */
@Controller
@RequestMapping("/ingreso")
class SignInPagesController {

    private static final String SIGNED_IN = "signedIn";

    private final SignInService signIn;
    private final ThrottlePolicy throttle;

    SignInPagesController(SignInService signIn, ThrottlePolicy throttle) {
        this.signIn = signIn;
        this.throttle = throttle;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", SignInForm.empty());
        return "portal/sign-in";
    }

    @PostMapping
    String signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult errors, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<EmployerKey> employer = IdentityInput.employerKey(form.ruc(), form.sucursal(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/sign-in";
        }
        String client = PortalModel.clientAddress(request);
        try {
            throttle.beforeSignIn(employer.orElseThrow(), client);
        } catch (RateLimitExceededException refused) {
            // The form again, saying how long to wait: a guesser is slowed, never locked, so the employer may simply retry.
            Duration wait = PortalModel.retryAfter(refused, response);
            if (Waits.seconds(wait) < 60) {
                errors.reject("portal.signin.waitSeconds", new Object[] {Waits.seconds(wait)}, null);
            } else {
                errors.reject("portal.signin.waitMinutes", new Object[] {Waits.minutes(wait)}, null);
            }
            return "portal/sign-in";
        }
        boolean signedIn = signIn.signIn(employer.get(), form.password());
        throttle.afterSignIn(employer.get(), client, signedIn);
        if (!signedIn) {
            // One message for an unknown employer and a wrong clave: the page must not tell which.
            errors.reject("portal.signin.failed");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "portal/sign-in";
        }
        redirect.addFlashAttribute(SIGNED_IN, employer.get());
        return "redirect:/ingreso/bienvenido";
    }

    @GetMapping("/bienvenido")
    String welcome(Model model) {
        if (!model.containsAttribute(SIGNED_IN)) {
            return "redirect:/ingreso";
        }
        return "portal/signed-in";
    }
}
