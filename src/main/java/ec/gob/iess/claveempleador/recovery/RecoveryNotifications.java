package ec.gob.iess.claveempleador.recovery;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.config.ClaveProperties;
import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.mail.MailComposer;
import ec.gob.iess.claveempleador.security.SecretCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The three mails of a recovery. Each runs in its own job: the sealed secret is unsealed, mailed and
 * erased in one transaction, so a failed send leaves it for the retry and a sent one leaves nothing.
 */
@Service
public class RecoveryNotifications {

    private static final Logger log = LoggerFactory.getLogger(RecoveryNotifications.class);
    // A window lasts minutes: its end reads as a time of day; a change of clave is dated.
    private static final DateTimeFormatter UNTIL = Ecuador.TIME;
    private static final DateTimeFormatter WHEN = Ecuador.DATE_TIME;

    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final SecretCodec codec;
    private final MailComposer mail;
    private final ClaveProperties portal;
    private final RecoveryProperties properties;
    private final Clock clock;
    private final RecoveryAudit audit;

    RecoveryNotifications(RecoveryRepository recoveries, EmployerRegistry registry, SecretCodec codec, MailComposer mail,
                          ClaveProperties portal, RecoveryProperties properties, Clock clock, RecoveryAudit audit) {
        this.recoveries = recoveries;
        this.registry = registry;
        this.codec = codec;
        this.mail = mail;
        this.portal = portal;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    public void sendCode(String recoveryId) {
        Recovery recovery = recoveries.get(recoveryId);
        if (recovery.otpSealed() == null) {
            log.warn("Recovery {}: no code left to mail (already sent or the window closed)", recoveryId);
            return;
        }
        Employer employer = employerOf(recovery);
        mail.send(addressOf(employer), "code", recovery.language().locale(), Map.of(
                "employerName", employer.name(),
                "code", codec.unseal(recovery.otpSealed()),
                "minutes", properties.otpWindowMinutes(),
                "expiresAt", UNTIL.format(recovery.otpExpiresAt())));
        recoveries.markCodeMailed(recoveryId);
        audit.record(recovery, AuditEventType.CODE_SENT, employer.maskedEmail().orElse(null));
        log.info("Recovery {}: code mailed to {}", recoveryId, recovery.maskedEmail());
    }

    public void sendLink(String recoveryId) {
        Recovery recovery = recoveries.get(recoveryId);
        if (recovery.linkSealed() == null) {
            log.warn("Recovery {}: no link left to mail (already sent or the window closed)", recoveryId);
            return;
        }
        Employer employer = employerOf(recovery);
        String link = portal.url("/recuperar-clave/nueva-clave?token=" + codec.unseal(recovery.linkSealed()));
        mail.send(addressOf(employer), "link", recovery.language().locale(), Map.of(
                "employerName", employer.name(),
                "link", link,
                "minutes", properties.linkWindowMinutes(),
                "expiresAt", UNTIL.format(recovery.linkExpiresAt())));
        recoveries.markLinkMailed(recoveryId);
        audit.record(recovery, AuditEventType.LINK_SENT, employer.maskedEmail().orElse(null));
        log.info("Recovery {}: link mailed", recoveryId);
    }

    public void sendConfirmation(String recoveryId) {
        Recovery recovery = recoveries.get(recoveryId);
        Employer employer = employerOf(recovery);
        mail.send(addressOf(employer), "confirmation", recovery.language().locale(), Map.of(
                "employerName", employer.name(),
                "ruc", employer.key().ruc().toString(),
                "sucursal", employer.key().sucursal().toString(),
                "changedAt", WHEN.format(clock.instant()),
                "signInUrl", portal.url("/ingreso")));
        log.info("Recovery {}: confirmation mailed", recoveryId);
    }

    /**
     * A try at the code mail failed (the engine has already rolled the try back and planned the next one):
     * the employer is told that it is being retried, or that it gave up.
     */
    public void codeMailFailed(String recoveryId, boolean willRetry) {
        mailFailed(recoveryId, RecoveryStatus.AWAITING_OTP, "code", willRetry);
    }

    /** A try at the link mail failed; see {@link #codeMailFailed}. */
    public void linkMailFailed(String recoveryId, boolean willRetry) {
        mailFailed(recoveryId, RecoveryStatus.AWAITING_NEW_PASSWORD, "link", willRetry);
    }

    private void mailFailed(String recoveryId, RecoveryStatus step, String mailName, boolean willRetry) {
        recoveries.recordMailDelivery(recoveryId, step, willRetry ? MailDelivery.RETRYING : MailDelivery.FAILED);
        audit.record(recoveryId, AuditEventType.MAIL_FAILED, mailName + (willRetry ? ": se reintentará" : ": sin más intentos"));
        if (willRetry) {
            log.info("Recovery {}: {} mail not sent yet, it will be tried again", recoveryId, mailName);
        } else {
            log.warn("Recovery {}: {} mail not sent after its last try; the failed job is an incident for operators", recoveryId, mailName);
        }
    }

    private Employer employerOf(Recovery recovery) {
        return registry.find(recovery.employer()).orElseThrow(() -> new IllegalStateException("employer left the registry"));
    }

    private static String addressOf(Employer employer) {
        return employer.usableEmail().orElseThrow(() -> new IllegalStateException("the employer has no valid e-mail"));
    }
}
