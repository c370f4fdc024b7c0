package ec.gob.iess.claveempleador.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.portal.Forms.NewClaveForm;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkOpen;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkState;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
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
    static final String CASE_PAGE = "/recuperar-clave/caso";
    // Long enough to finish typing or copy what was typed, short enough to be news.
    static final Duration WARNING_BEFORE_EXPIRY = Duration.ofSeconds(30);

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
            // Say exactly what was wrong: the clave itself too, or only its repetition.
            List<PolicyViolation> violations = recoveries.policyViolations(open, form.newPassword());
            rejectNewPassword(violations, errors);
            errors.rejectValue("confirmation", violations.isEmpty() ? "portal.field.confirmation.mismatchOnly" : "portal.field.confirmation.mismatch");
        } else if (result instanceof PasswordRefused refused) {
            rejectNewPassword(refused.violations(), errors);
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

    private void rejectNewPassword(List<PolicyViolation> violations, BindingResult errors) {
        for (PolicyViolation violation : violations) {
            errors.rejectValue("newPassword", violation.messageKey(), new Object[] {policy.minLength(), policy.maxLength()}, null);
        }
    }

    private String newClavePage(String token, LinkOpen link, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("employerName", link.employerName());
        model.addAttribute("minLength", policy.minLength());
        model.addAttribute("maxLength", policy.maxLength());
        // The link's own stored expiry, the one the server enforces (set when the link was issued).
        model.addAttribute("countdown", Countdown.until(link.expiresAt(), clock));
        model.addAttribute("warnSeconds", WARNING_BEFORE_EXPIRY.toSeconds());
        boolean assisted = recoveries.status(new RecoveryId(link.recoveryId())).map(RecoveryView::assisted).orElse(false);
        model.addAttribute("assisted", assisted);
        // A new link: an online employer asks again from the recovery form, an approved case from its case page.
        model.addAttribute("newLinkUrl", assisted ? CASE_PAGE : RecoveryPagesController.BASE);
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
