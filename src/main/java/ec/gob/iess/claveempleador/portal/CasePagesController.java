package ec.gob.iess.claveempleador.portal;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.portal.Forms.CaseLookupForm;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseView;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkRefused;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkResult;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employer's assisted case as pages: look it up (case number, RUC, cédula) → the case page, printable on one
 * A4 sheet → for an approved case, a new link. Once a look-up matched, the case is remembered in the session
 * (server side, like the CSRF token) so the case page is a plain GET and the numbers are never in a URL or a page.
 */
@Controller
@RequestMapping(CasePagesController.BASE)
class CasePagesController {

    static final String BASE = "/recuperar-clave/caso";
    static final String CASE_PAGE = BASE + "/estado";
    static final String LINK_SENT_PAGE = BASE + "/enlace-enviado";
    /** The session attribute of the case the employer looked up. */
    static final String CASE_KEY = "clave.case";
    private static final DateTimeFormatter DATE = Ecuador.DATE;
    private static final DateTimeFormatter TIME = Ecuador.TIME;

    private final AssistedCases cases;
    private final ThrottlePolicy throttle;
    private final RecoveryProperties properties;

    CasePagesController(AssistedCases cases, ThrottlePolicy throttle, RecoveryProperties properties) {
        this.cases = cases;
        this.throttle = throttle;
        this.properties = properties;
    }

    /** What the session remembers of a matched look-up: the three numbers, already checked. */
    record CaseKey(String caseNumber, String ruc, String cedula) implements Serializable {
    }

    @GetMapping
    String form(@RequestParam(name = "caso", required = false) String caseNumber, Model model) {
        model.addAttribute("form", CaseLookupForm.withCaseNumber(caseNumber));
        return "portal/case-lookup";
    }

    @PostMapping
    String lookup(@Valid @ModelAttribute("form") CaseLookupForm form, BindingResult errors, HttpServletRequest request,
                  HttpServletResponse response, HttpSession session, Model model) {
        Optional<Ruc> ruc = IdentityInput.ruc(form.ruc(), errors);
        Optional<Cedula> representative = IdentityInput.cedula(form.cedula(), "cedula", errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/case-lookup";
        }
        // Too many: PortalModel answers the limit's exception with the 429 page.
        throttle.beforeCaseLookup(PortalModel.clientAddress(request));
        Optional<CaseView> found = cases.lookup(form.caseNumber(), ruc.orElseThrow(), representative.orElseThrow());
        if (found.isEmpty()) {
            // One answer whichever number did not match; the form keeps what was typed.
            errors.reject("portal.case.notFound");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/case-lookup";
        }
        session.setAttribute(CASE_KEY, new CaseKey(found.get().caseNumber(), form.ruc(), form.cedula()));
        return "redirect:" + CASE_PAGE;
    }

    @GetMapping("/estado")
    String casePage(HttpSession session, Model model) {
        Optional<CaseView> found = remembered(session).flatMap(key -> cases.lookup(key.caseNumber(), Ruc.parse(key.ruc()),
                Cedula.parse(key.cedula())));
        if (found.isEmpty()) {
            return "redirect:" + BASE;
        }
        CaseView view = found.get();
        model.addAttribute("view", view);
        model.addAttribute("deadlineDate", view.deadline() == null ? null : DATE.format(view.deadline()));
        model.addAttribute("linkUntil", view.linkExpiresAt() == null ? null : TIME.format(view.linkExpiresAt()));
        model.addAttribute("linkMinutes", properties.linkWindowMinutes());
        return "portal/case";
    }

    @PostMapping("/nuevo-enlace")
    String newLink(HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        Optional<CaseKey> key = remembered(session);
        if (key.isEmpty()) {
            return "redirect:" + BASE;
        }
        // Too many: PortalModel answers the limit's exception with the 429 page.
        throttle.beforeCaseLookup(PortalModel.clientAddress(request));
        NewLinkResult result = cases.requestNewLink(key.get().caseNumber(), Ruc.parse(key.get().ruc()), Cedula.parse(key.get().cedula()));
        if (result instanceof NewLinkSent sent) {
            redirect.addFlashAttribute("maskedEmail", sent.maskedEmail());
            redirect.addFlashAttribute("linkUntil", TIME.format(sent.expiresAt()));
            return "redirect:" + LINK_SENT_PAGE;
        }
        if (result instanceof NewLinkRefused refused) {
            redirect.addFlashAttribute("refusal", refused.refusal().name());
            return "redirect:" + CASE_PAGE;
        }
        return "redirect:" + BASE;
    }

    @GetMapping("/enlace-enviado")
    String linkSent(Model model) {
        if (!model.containsAttribute("maskedEmail")) {
            return "redirect:" + CASE_PAGE;
        }
        model.addAttribute("linkMinutes", properties.linkWindowMinutes());
        return "portal/case-link-sent";
    }

    private static Optional<CaseKey> remembered(HttpSession session) {
        return session.getAttribute(CASE_KEY) instanceof CaseKey key ? Optional.of(key) : Optional.empty();
    }
}
