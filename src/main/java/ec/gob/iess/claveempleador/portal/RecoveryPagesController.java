package ec.gob.iess.claveempleador.portal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.portal.Forms.CodeForm;
import ec.gob.iess.claveempleador.portal.Forms.RecoveryForm;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.Language;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAlreadyUsed;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryNotFound;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.StartResult;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The online recovery as pages: data → code → "check your e-mail". Every answer is a redirect to the page
 * for the recovery's state (post-redirect-get), and every state page sends the employer on when the state
 * has moved (a code page reloaded after expiry shows the expired page).
 */
@Controller
@RequestMapping("/recuperar-clave")
class RecoveryPagesController {

    static final String BASE = "/recuperar-clave";
    private static final String WRONG_CODE = "wrongCode";
    private static final String CODE_ALREADY_USED = "codeAlreadyUsed";
    private static final Set<RecoveryStatus> ENDED_ELSEWHERE = EnumSet.of(
            RecoveryStatus.VALIDATING, RecoveryStatus.SUPERSEDED, RecoveryStatus.ASSISTED_REJECTED, RecoveryStatus.ASSISTED_EXPIRED);

    private final RecoveryService recoveries;
    private final ThrottlePolicy throttle;
    private final RecoveryProperties properties;
    private final Clock clock;

    RecoveryPagesController(RecoveryService recoveries, ThrottlePolicy throttle, RecoveryProperties properties, Clock clock) {
        this.recoveries = recoveries;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", RecoveryForm.empty());
        return "portal/recovery-form";
    }

    @PostMapping
    String start(@Valid @ModelAttribute("form") RecoveryForm form, BindingResult errors, HttpServletRequest request,
                 HttpServletResponse response, Locale locale) {
        Optional<EmployerKey> employer = IdentityInput.employerKey(form.ruc(), form.sucursal(), errors);
        Optional<Cedula> representative = IdentityInput.cedula(form.cedula(), "cedula", errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/recovery-form";
        }
        throttle.beforeRecoveryStart(employer.orElseThrow(), representative.orElseThrow(), PortalModel.clientAddress(request));
        StartResult result = recoveries.start(employer.orElseThrow(), representative.orElseThrow(), Language.of(locale));
        if (result instanceof AwaitingOtp awaiting) {
            return "redirect:" + BASE + "/" + awaiting.recoveryId() + "/codigo";
        }
        if (result instanceof AssistedPending assisted) {
            return "redirect:" + BASE + "/" + assisted.recoveryId() + "/atencion-asistida";
        }
        return "redirect:" + BASE + "/datos-no-coinciden";
    }

    /**
     * The recovery a page under {@code /{id}/} is about, read once per request before the handler runs; every such
     * handler gets it as the model's {@code recovery}. An id that is no recovery id, or no recovery's, is a 404 page.
     */
    @ModelAttribute("recovery")
    RecoveryView recovery(@PathVariable(name = "id", required = false) String id) {
        if (id == null) {
            return null;
        }
        return RecoveryId.parse(id).flatMap(recoveries::status).orElseThrow(UnknownRecovery::new);
    }

    @ExceptionHandler
    String unknownRecovery(UnknownRecovery unknown, HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalModel.addLanguageLinks(request, model);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/recovery-not-found";
    }

    @GetMapping("/{id}/codigo")
    String codePage(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery, Model model) {
        if (recovery.status() != RecoveryStatus.AWAITING_OTP) {
            return redirectFor(recovery);
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CodeForm.empty());
        }
        if (model.containsAttribute(WRONG_CODE)) {
            BindingResult errors = new BeanPropertyBindingResult(model.getAttribute("form"), "form");
            errors.rejectValue("code", "portal.code.wrong", new Object[] {recovery.attemptsLeft()}, null);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        }
        return showCodePage(recovery, model);
    }

    @PostMapping("/{id}/codigo")
    String submitCode(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery,
                      @ModelAttribute("form") CodeForm form, BindingResult errors,
                      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<OtpCode> code = form.otpCode(errors);
        if (code.isEmpty()) {
            if (recovery.status() != RecoveryStatus.AWAITING_OTP) {
                return redirectFor(recovery);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showCodePage(recovery, model);
        }
        RecoveryId recoveryId = new RecoveryId(recovery.recoveryId());
        throttle.beforeCodeAttempt(PortalModel.clientAddress(request));
        CodeResult result = recoveries.submitCode(recoveryId, code.get());
        if (result instanceof CodeAccepted) {
            return "redirect:" + BASE + "/" + recoveryId + "/revise-su-correo";
        }
        if (result instanceof CodeAlreadyUsed) {
            // Another tab or a double click was first: say so, and show where the recovery stands now.
            redirect.addFlashAttribute(CODE_ALREADY_USED, true);
            return recoveries.status(recoveryId).map(RecoveryPagesController::redirectFor).orElseGet(() -> notFound(response));
        }
        if (result instanceof CodeInvalid) {
            redirect.addFlashAttribute(WRONG_CODE, true);
            return "redirect:" + BASE + "/" + recoveryId + "/codigo";
        }
        if (result instanceof CodeLocked) {
            return "redirect:" + BASE + "/codigo-bloqueado";
        }
        if (result instanceof RecoveryNotFound) {
            return notFound(response);
        }
        return "redirect:" + BASE + "/codigo-expirado";
    }

    @GetMapping("/{id}/revise-su-correo")
    String checkEmail(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery, Model model) {
        if (recovery.status() != RecoveryStatus.AWAITING_NEW_PASSWORD) {
            return redirectFor(recovery);
        }
        model.addAttribute("countdown", Countdown.until(recovery.expiresAt(), clock));
        return "portal/check-email";
    }

    @GetMapping("/{id}/atencion-asistida")
    String assisted(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery, Model model) {
        if (recovery.status() != RecoveryStatus.ASSISTED_PENDING) {
            return redirectFor(recovery);
        }
        model.addAttribute("deadlineDays", properties.assistedDeadline().toDays());
        return "portal/assisted";
    }

    /** Requests that ended in a way no other page explains: replaced by a newer one, or closed by staff. */
    @GetMapping("/{id}/finalizada")
    String ended(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery) {
        if (!ENDED_ELSEWHERE.contains(recovery.status())) {
            return redirectFor(recovery);
        }
        return "portal/ended";
    }

    @GetMapping("/datos-no-coinciden")
    String dataMismatch() {
        return "portal/data-mismatch";
    }

    @GetMapping("/codigo-expirado")
    String codeExpired() {
        return "portal/code-expired";
    }

    @GetMapping("/codigo-bloqueado")
    String codeLocked(Model model) {
        model.addAttribute("maxAttempts", properties.maxOtpAttempts());
        return "portal/code-locked";
    }

    @GetMapping("/no-llego-el-codigo")
    String noCode(Model model) {
        model.addAttribute("otpMinutes", properties.otpWindowMinutes());
        return "portal/no-code";
    }

    /** Where Spring Security forwards a form post it refused (no or stale CSRF token): any method. */
    @RequestMapping("/sesion-caducada")
    String sessionExpired() {
        return "portal/session-expired";
    }

    private String showCodePage(RecoveryView view, Model model) {
        model.addAttribute("countdown", Countdown.until(view.expiresAt(), clock));
        model.addAttribute("showAttemptsLeft", view.attemptsLeft() != null && view.attemptsLeft() < properties.maxOtpAttempts());
        return "portal/code";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/recovery-not-found";
    }

    /** A page's recovery id that is none, or no recovery's. */
    private static final class UnknownRecovery extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnknownRecovery() {
            // An answer, not a failure: no stack trace to fill.
            super("unknown recovery", null, false, false);
        }
    }

    /** The page that explains where a recovery stands now. */
    static String redirectFor(RecoveryView view) {
        String own = BASE + "/" + view.recoveryId();
        return "redirect:" + switch (view.status()) {
            case AWAITING_OTP -> own + "/codigo";
            case AWAITING_NEW_PASSWORD -> own + "/revise-su-correo";
            case ASSISTED_PENDING -> own + "/atencion-asistida";
            case COMPLETED -> NewClavePagesController.DONE;
            case OTP_EXPIRED -> BASE + "/codigo-expirado";
            case OTP_LOCKED -> BASE + "/codigo-bloqueado";
            case LINK_EXPIRED -> NewClavePagesController.LINK_EXPIRED;
            case VALIDATION_REJECTED -> BASE + "/datos-no-coinciden";
            case VALIDATING, SUPERSEDED, ASSISTED_REJECTED, ASSISTED_EXPIRED -> own + "/finalizada";
        };
    }
}
