package ec.gob.iess.claveempleador.recovery;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.config.ClaveProperties;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.mail.MailComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Tells the employer that an assisted case closed without a new clave (rejected, its deadline passed, its approval
 * ran out), when an address is on record. Each runs in its own job, retried like the confirmation mail.
 */
@Service
public class CaseNotifications {

    /** How a case closed without a new clave. */
    public enum Closing {
        REJECTED, DEADLINE_PASSED, APPROVAL_EXPIRED
    }

    private static final Logger log = LoggerFactory.getLogger(CaseNotifications.class);

    private final AssistedCaseRepository cases;
    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final MailComposer mail;
    private final MessageSource messages;
    private final ClaveProperties portal;

    CaseNotifications(AssistedCaseRepository cases, RecoveryRepository recoveries, EmployerRegistry registry, MailComposer mail, MessageSource messages,
                      ClaveProperties portal) {
        this.cases = cases;
        this.recoveries = recoveries;
        this.registry = registry;
        this.mail = mail;
        this.messages = messages;
        this.portal = portal;
    }

    public void caseClosed(String recoveryId, Closing closing) {
        AssistedCase found = cases.find(recoveryId).orElseThrow(() -> new IllegalStateException("no case for recovery " + recoveryId));
        Optional<Employer> employer = registry.find(found.employer());
        Optional<String> address = employer.flatMap(Employer::usableEmail);
        if (address.isEmpty()) {
            log.info("Case {} closed ({}): no address on record, the case page tells the employer", found.caseNumber(), closing);
            return;
        }
        // The employer's language, as for the recovery's own mails; a walk-in's is Spanish.
        Locale locale = recoveries.find(recoveryId).map(recovery -> recovery.language().locale()).orElse(Ecuador.SPANISH);
        String reason = found.rejectionReason() == null ? "" : messages.getMessage(found.rejectionReason().messageKey(), null, locale);
        mail.send(address.get(), "case-closed", locale, Map.of(
                "employerName", employer.get().name(),
                "caseNumber", found.caseNumber(),
                "closing", closing.name(),
                "reason", reason,
                "notes", found.rejectionReason() == RejectionReason.OTHER && found.rejectionNotes() != null ? found.rejectionNotes() : "",
                "caseUrl", portal.url("/recuperar-clave/caso"),
                "startUrl", portal.url("/recuperar-clave")));
        log.info("Case {} closed ({}): the employer was told by mail", found.caseNumber(), closing);
    }
}
