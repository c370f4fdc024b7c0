package ec.gob.iess.claveempleador.portal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ec.gob.iess.claveempleador.config.Waits;
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
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResent;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeSuperseded;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryNotFound;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendTooSoon;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendsUsedUp;
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
    private static final String SUPERSEDED_CODE = "supersededCode";
    private static final String CODE_RESENT = "codeResent";
    private static final String RESEND_TOO_SOON = "resendTooSoon";
    private static final String RESENDS_USED_UP = "resendsUsedUp";
    private static final Set<RecoveryStatus> IN_PROGRESS = EnumSet.of(RecoveryStatus.AWAITING_OTP, RecoveryStatus.AWAITING_NEW_PASSWORD);
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

    /** Filled with the numbers of this browser's last request, if it made one: starting again is one click. */
    @GetMapping
    String form(HttpServletRequest request, Model model) {
        Optional<RecentRequest> recent = RecentRequest.of(request);
        model.addAttribute("form", recent.map(RecentRequest::form).orElseGet(RecoveryForm::empty));
        model.addAttribute("prefilled", recent.isPresent());
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
            RecentRequest.remember(request, new RecentRequest(form.ruc(), form.sucursal(), form.cedula(), awaiting.recoveryId()));
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
        if (result instanceof CodeSuperseded) {
            // Replaced, not expired: the page says so and offers the newest request; no attempt was spent.
            redirect.addFlashAttribute(SUPERSEDED_CODE, true);
            return "redirect:" + BASE + "/" + recoveryId + "/finalizada";
        }
        if (result instanceof RecoveryNotFound) {
            return notFound(response);
        }
        return "redirect:" + BASE + "/codigo-expirado";
    }

    /**
     * "Enviar un código nuevo": a new code in the same recovery. Without JavaScript the button is always there, so a
     * press before the wait is over is answered on the code page, in words, like every other refusal.
     */
    @PostMapping("/{id}/codigo/nuevo")
    String resendCode(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery, HttpServletRequest request,
                      HttpServletResponse response, RedirectAttributes redirect) {
        if (recovery.status() != RecoveryStatus.AWAITING_OTP) {
            return redirectFor(recovery);
        }
        RecoveryId recoveryId = new RecoveryId(recovery.recoveryId());
        throttle.beforeCodeResend(PortalModel.clientAddress(request));
        ResendResult result = recoveries.resendCode(recoveryId);
        String codePage = "redirect:" + BASE + "/" + recoveryId + "/codigo";
        if (result instanceof CodeResent resent) {
            redirect.addFlashAttribute(CODE_RESENT, resent.resendsLeft());
            return codePage;
        }
        if (result instanceof ResendTooSoon tooSoon) {
            redirect.addFlashAttribute(RESEND_TOO_SOON, Waits.seconds(tooSoon.retryAfter()));
            return codePage;
        }
        if (result instanceof ResendsUsedUp) {
            redirect.addFlashAttribute(RESENDS_USED_UP, true);
            return codePage;
        }
        if (result instanceof RecoveryNotFound) {
            return notFound(response);
        }
        return recoveries.status(recoveryId).map(RecoveryPagesController::redirectFor).orElseGet(() -> notFound(response));
    }

    /** "¿No le llegó el código?" from a code page: the advice, and a new code in the same recovery when one may be asked for. */
    @GetMapping("/{id}/no-llego-el-codigo")
    String noCodeForRecovery(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery, Model model) {
        if (recovery.status() == RecoveryStatus.AWAITING_OTP) {
            addResendOffer(recovery, model);
        }
        return noCode(model);
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
        if (recovery.status() != RecoveryStatus.ASSISTED_PENDING && recovery.status() != RecoveryStatus.ASSISTED_APPROVED) {
            return redirectFor(recovery);
        }
        model.addAttribute("deadlineDays", properties.assistedDeadline().toDays());
        return "portal/assisted";
    }

    /** Requests that ended in a way no other page explains: replaced by a newer one, or closed by staff. */
    @GetMapping("/{id}/finalizada")
    String ended(@ModelAttribute(name = "recovery", binding = false) RecoveryView recovery, HttpServletRequest request, Model model) {
        if (!ENDED_ELSEWHERE.contains(recovery.status())) {
            return redirectFor(recovery);
        }
        if (recovery.status() == RecoveryStatus.SUPERSEDED) {
            newestOfThisBrowser(request, recovery.recoveryId()).ifPresent(newest -> model.addAttribute("newestRecoveryId", newest));
        }
        return "portal/ended";
    }

    /** The recovery this browser started last, if it is another one and still in progress: where an older tab should go. */
    private Optional<String> newestOfThisBrowser(HttpServletRequest request, String olderId) {
        return RecentRequest.of(request)
                .map(RecentRequest::recoveryId)
                .filter(newest -> !newest.equals(olderId))
                .filter(newest -> recoveries.status(new RecoveryId(newest))
                        .filter(view -> IN_PROGRESS.contains(view.status())).isPresent());
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
        addResendOffer(view, model);
        return "portal/code";
    }

    /** When a new code may be asked for (its own countdown) and how many are left; nothing when none may be. */
    private void addResendOffer(RecoveryView view, Model model) {
        recoveries.resendOffer(new RecoveryId(view.recoveryId())).ifPresent(offer -> {
            model.addAttribute("resend", offer);
            model.addAttribute("resendCountdown", Countdown.until(offer.availableAt(), clock));
        });
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
            case ASSISTED_PENDING, ASSISTED_APPROVED -> own + "/atencion-asistida";
            case COMPLETED -> NewClavePagesController.DONE;
            case OTP_EXPIRED -> BASE + "/codigo-expirado";
            case OTP_LOCKED -> BASE + "/codigo-bloqueado";
            case LINK_EXPIRED -> NewClavePagesController.LINK_EXPIRED;
            case VALIDATION_REJECTED -> BASE + "/datos-no-coinciden";
            case VALIDATING, SUPERSEDED, ASSISTED_REJECTED, ASSISTED_EXPIRED -> own + "/finalizada";
        };
    }
}
