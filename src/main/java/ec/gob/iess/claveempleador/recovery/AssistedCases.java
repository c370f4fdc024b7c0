package ec.gob.iess.claveempleador.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseNotFound;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseView;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkRefused;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkResult;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import ec.gob.iess.claveempleador.recovery.CaseResults.Refusal;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An assisted case from the employer's side (look it up, ask for a new link) and the staff decision's effects on it.
 * A case is found only with its number, the RUC and the cédula of the current legal representative together; any
 * mismatch is one answer, reached by the same work (one case read, one registry read), whichever did not match.
 */
@Service
public class AssistedCases {

    /** How a case number looks ({@code CAU-2026-7KQ4M9XD}); letters in either case, as people type them. */
    public static final String CASE_NUMBER_PATTERN = "(?i)CAU-\\d{4}-[A-Z0-9]{8}";

    private static final Logger log = LoggerFactory.getLogger(AssistedCases.class);
    private static final int STEP_ATTEMPTS = 3;

    private final AssistedCaseRepository cases;
    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final RuntimeService runtime;
    private final RecoveryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RecoveryAudit audit;

    AssistedCases(AssistedCaseRepository cases, RecoveryRepository recoveries, EmployerRegistry registry, RuntimeService runtime,
                  RecoveryProperties properties, Clock clock, PlatformTransactionManager transactionManager, RecoveryAudit audit) {
        this.cases = cases;
        this.recoveries = recoveries;
        this.registry = registry;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
    }

    /** The case page's and the look-up's view, when number, RUC and representative belong together. */
    public Optional<CaseView> lookup(String caseNumber, Ruc ruc, Cedula representative) {
        return matching(caseNumber, ruc, representative).map(found -> view(found.assistedCase(), found.employer()));
    }

    /**
     * Replaces an approved case's expired (or never received) link by a new one: same case, same verified address,
     * no new task. Decided on the recovery's locked row, so two requests at once give one new link.
     */
    public NewLinkResult requestNewLink(String caseNumber, Ruc ruc, Cedula representative) {
        Optional<Match> match = matching(caseNumber, ruc, representative);
        if (match.isEmpty()) {
            return new CaseNotFound();
        }
        String recoveryId = match.get().assistedCase().recoveryId();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> newLink(recoveryId, match.get().employer()));
            } catch (MismatchingMessageCorrelationException e) {
                log.info("Case of recovery {}: no process waits for a new link any more", recoveryId);
                return new NewLinkRefused(Refusal.CASE_CLOSED, view(load(recoveryId), match.get().employer()));
            } catch (OptimisticLockingException | ConcurrencyFailureException e) {
                if (attempt == STEP_ATTEMPTS) {
                    throw e;
                }
                log.info("A new-link request met a concurrent change ({}); deciding it again", e.getClass().getSimpleName());
            }
        }
    }

    private NewLinkResult newLink(String recoveryId, Employer employer) {
        recoveries.lock(recoveryId);
        AssistedCase found = load(recoveryId);
        Instant now = clock.instant();
        Optional<Refusal> refusal = switch (found.statusAt(now)) {
            case PENDING -> Optional.of(Refusal.NOT_YET_APPROVED);
            case LINK_SENT -> Optional.of(Refusal.LINK_STILL_VALID);
            case COMPLETED, REJECTED, EXPIRED -> Optional.of(Refusal.CASE_CLOSED);
            case APPROVED -> found.newLinksLeft() <= 0 ? Optional.of(Refusal.NO_NEW_LINKS_LEFT)
                    // The link window's timer has not moved the process on yet: that link still counts as the current one.
                    : found.recoveryStatus() != RecoveryStatus.ASSISTED_APPROVED ? Optional.of(Refusal.LINK_STILL_VALID)
                    : Optional.empty();
        };
        if (refusal.isPresent()) {
            return new NewLinkRefused(refusal.get(), view(found, employer));
        }
        cases.spendLinkResend(recoveryId);
        runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_NEW_LINK_REQUESTED)
                .processInstanceId(found.processInstanceId())
                .correlateWithResult();
        audit.record(recoveryId, AuditEventType.NEW_LINK_REQUESTED);
        AssistedCase after = load(recoveryId);
        log.info("Case {}: new link issued, {} left", after.caseNumber(), after.newLinksLeft());
        return new NewLinkSent(employer.maskedEmail().orElse(null), after.linkExpiresAt());
    }

    /** The task for the case was created: from now on the case can be looked up, with its deadline. */
    public void opened(String recoveryId, Instant deadline) {
        cases.open(recoveryId, deadline);
    }

    /** Staff approved: the approval lasts its configured validity, with its allowance of new links. */
    public void approved(String recoveryId) {
        cases.approve(recoveryId, clock.instant().plus(properties.assistedApprovalValidity()), properties.assistedLinkResends());
    }

    public void rejected(String recoveryId, RejectionReason reason, String notes) {
        cases.reject(recoveryId, reason, notes);
        // Here, in the clerk's completion of the task: the end event comes after the notice mail's job, run by nobody.
        audit.record(recoveryId, AuditEventType.REJECTED);
        log.info("Recovery {}: case rejected ({})", recoveryId, reason);
    }

    /** The link window of an approved case closed: it waits for the employer to ask for a new link. */
    public void linkExpired(String recoveryId) {
        cases.awaitNewLink(recoveryId);
        log.info("Recovery {}: the case's link expired; a new one may be requested", recoveryId);
    }

    /** When the approval ends (the timer of the wait for a new link); now for a case that was never approved. */
    public Instant approvalExpiresAt(String recoveryId) {
        return cases.find(recoveryId).map(AssistedCase::approvalExpiresAt).orElseGet(clock::instant);
    }

    /** Rejection details for the notice mail, if the case was rejected. */
    public Optional<RejectionReason> rejectionReason(String recoveryId) {
        return cases.find(recoveryId).map(AssistedCase::rejectionReason);
    }

    private Optional<Match> matching(String caseNumber, Ruc ruc, Cedula representative) {
        String number = caseNumber == null ? "" : caseNumber.trim().toUpperCase(Locale.ROOT);
        Optional<AssistedCase> found = cases.findByCaseNumber(number);
        // The same registry read whether or not the case exists, so the answer's timing does not tell which.
        EmployerKey key = found.map(AssistedCase::employer).orElseGet(() -> EmployerKey.of(ruc.toString(), "0001"));
        Optional<Employer> employer = registry.find(key);
        boolean rucMatches = found.isPresent() && found.get().employer().ruc().equals(ruc);
        boolean representativeMatches = employer.isPresent() && MessageDigest.isEqual(
                employer.get().representative().toString().getBytes(StandardCharsets.US_ASCII),
                representative.toString().getBytes(StandardCharsets.US_ASCII));
        if (!rucMatches || !representativeMatches) {
            return Optional.empty();
        }
        return Optional.of(new Match(found.get(), employer.get()));
    }

    private CaseView view(AssistedCase found, Employer employer) {
        Instant now = clock.instant();
        CaseStatus status = found.statusAt(now);
        return new CaseView(found.caseNumber(), status, found.reason(), found.deadlineAt(now),
                status == CaseStatus.REJECTED ? found.rejectionReason() : null,
                status == CaseStatus.REJECTED && found.rejectionReason() == RejectionReason.OTHER ? found.rejectionNotes() : null,
                found.newLinkAvailable(now), found.newLinksLeft(), employer.maskedEmail().orElse(null),
                status == CaseStatus.LINK_SENT ? found.linkExpiresAt() : null);
    }

    private AssistedCase load(String recoveryId) {
        return cases.find(recoveryId).orElseThrow(() -> new IllegalStateException("no case for recovery " + recoveryId));
    }

    private record Match(AssistedCase assistedCase, Employer employer) {
    }
}
