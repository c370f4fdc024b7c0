package ec.gob.iess.claveempleador.portal;

import java.time.Clock;

import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.portal.Forms.NewClaveForm;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkOpen;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkState;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordResult;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the mailed link opens. Opening it only looks the token up ({@link RecoveryService#checkLink}),
 * so a mail scanner or a second look does not spend the link; only setting the clave does.
 */
@Controller
@RequestMapping("/recuperar-clave")
class NewClavePagesController {

    static final String DONE = "/recuperar-clave/clave-actualizada";
    static final String LINK_EXPIRED = "/recuperar-clave/enlace-expirado";

    private final RecoveryService recoveries;
    private final PasswordPolicy policy;
    private final ThrottlePolicy throttle;
    private final Clock clock;

    NewClavePagesController(RecoveryService recoveries, PasswordPolicy policy, ThrottlePolicy throttle, Clock clock) {
        this.recoveries = recoveries;
        this.policy = policy;
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping("/nueva-clave")
    String page(@RequestParam(required = false) String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        LinkState link = lookUp(token, request);
        if (link instanceof LinkOpen open) {
            model.addAttribute("form", NewClaveForm.empty());
            return newClavePage(token, open, model);
        }
        return linkFailure(link, response, model);
    }

    @PostMapping("/nueva-clave")
    String submit(@RequestParam(required = false) String token, @Valid @ModelAttribute("form") NewClaveForm form, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        LinkState link = lookUp(token, request);
        if (!(link instanceof LinkOpen open)) {
            return linkFailure(link, response, model);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return newClavePage(token, open, model);
        }
        PasswordResult result = recoveries.submitNewPassword(open, form.newPassword(), form.confirmation());
        if (result instanceof PasswordChanged) {
            return "redirect:" + DONE;
        }
        if (result instanceof PasswordMismatch) {
            errors.rejectValue("confirmation", "portal.field.confirmation.mismatch");
        } else if (result instanceof PasswordRefused refused) {
            for (PolicyViolation violation : refused.violations()) {
                errors.rejectValue("newPassword", violation.messageKey(), new Object[] {policy.minLength(), policy.maxLength()}, null);
            }
        } else {
            return linkFailure((LinkState) result, response, model);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return newClavePage(token, open, model);
    }

    @GetMapping("/clave-actualizada")
    String done() {
        return "portal/done";
    }

    @GetMapping("/enlace-expirado")
    String linkExpired(Model model) {
        model.addAttribute("used", false);
        model.addAttribute("unknown", false);
        return "portal/link-expired";
    }

    /** The one look-up of the link in a request, counted against the client first; a token that cannot be one is unknown. */
    private LinkState lookUp(String token, HttpServletRequest request) {
        throttle.beforeLinkLookup(PortalModel.clientAddress(request));
        return LinkToken.parse(token).map(recoveries::checkLink).orElseGet(LinkInvalid::new);
    }

    private String newClavePage(String token, LinkOpen link, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("employerName", link.employerName());
        model.addAttribute("minLength", policy.minLength());
        model.addAttribute("maxLength", policy.maxLength());
        model.addAttribute("countdown", Countdown.until(link.expiresAt(), clock));
        return "portal/new-clave";
    }

    /** Expired, already used or unknown: the same way forward (start again), said in the words that fit. */
    private static String linkFailure(LinkState link, HttpServletResponse response, Model model) {
        boolean known = link instanceof LinkExpired;
        response.setStatus(known ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("used", known && ((LinkExpired) link).used());
        model.addAttribute("unknown", !known);
        return "portal/link-expired";
    }
}
