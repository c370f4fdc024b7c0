package ec.gob.iess.claveempleador.recovery;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import ec.gob.iess.claveempleador.credential.PasswordPolicy;
import ec.gob.iess.claveempleador.credential.PolicyViolation;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAlreadyUsed;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeNotAwaited;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResent;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeSuperseded;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.DataMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkOpen;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkState;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryNotFound;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendOffer;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendTooSoon;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendsUsedUp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.StartResult;
import ec.gob.iess.claveempleador.security.SecretCodec;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The employer's use cases: start a recovery, submit the code (or ask for a new one), set the new clave by link, read the status.
 * It drives the process; the rules of each step live in {@link RecoverySteps}, which the process calls.
 * Secrets reach the engine only as transient variables and the plaintext clave never does.
 */
@Service
public class RecoveryService {

    private static final Logger log = LoggerFactory.getLogger(RecoveryService.class);
    private static final int STEP_ATTEMPTS = 5;
    private static final List<RecoveryStatus> ONLINE_IN_PROGRESS = List.of(RecoveryStatus.AWAITING_OTP, RecoveryStatus.AWAITING_NEW_PASSWORD);
    // Where a recovery can stand once its code was accepted.
    private static final Set<RecoveryStatus> CODE_SPENT = EnumSet.of(
            RecoveryStatus.AWAITING_NEW_PASSWORD, RecoveryStatus.COMPLETED, RecoveryStatus.LINK_EXPIRED);
    // Serialization failure, deadlock (both databases) and H2's lock timeout: a concurrent step won, decide again.
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "HYT00");
    private static final String PARENT_DELETED_MEANWHILE = "ENGINE-03077";
    // An approved case waiting for the employer to ask for a new link is still the employer's case: no new one.
    private static final List<RecoveryStatus> OPEN_CASE = List.of(RecoveryStatus.ASSISTED_PENDING, RecoveryStatus.ASSISTED_APPROVED);
    private static final Set<RecoveryStatus> AWAITING_A_MAIL = EnumSet.of(RecoveryStatus.AWAITING_OTP, RecoveryStatus.AWAITING_NEW_PASSWORD);

    private final RuntimeService runtime;
    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final PasswordPolicy policy;
    private final SignInService hashing;
    private final SecretCodec codec;
    private final Clock clock;
    private final RecoveryProperties properties;
    private final TransactionTemplate transactions;

    RecoveryService(RuntimeService runtime, RecoveryRepository recoveries, EmployerRegistry registry, PasswordPolicy policy,
                    SignInService hashing, SecretCodec codec, Clock clock, RecoveryProperties properties,
                    PlatformTransactionManager transactionManager) {
        this.runtime = runtime;
        this.recoveries = recoveries;
        this.registry = registry;
        this.policy = policy;
        this.hashing = hashing;
        this.codec = codec;
        this.clock = clock;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Starts a recovery. An employer whose assisted case is still open is pointed to it; a new online
     * recovery replaces one that is still in progress (its code or link stops working).
     */
    public StartResult start(EmployerKey employer, Cedula representative) {
        // Spanish (Ecuador), the service's language when the caller serves no employer's page or call.
        return start(employer, representative, Language.SPANISH);
    }

    /** Starts a recovery whose mails speak the language the employer used (the page's or the API call's). */
    public StartResult start(EmployerKey employer, Cedula representative, Language language) {
        Optional<Recovery> openCase = recoveries.findByEmployerAndStatus(employer, OPEN_CASE).stream().findFirst();
        if (openCase.isPresent() && registry.findMatching(employer, representative.toString()).isPresent()) {
            return new AssistedPending(openCase.get().id(), openCase.get().assistedReason(), openCase.get().caseNumber());
        }
        String recoveryId = UUID.randomUUID().toString();
        runtime.createProcessInstanceByKey(RecoveryProcess.KEY)
                .businessKey(recoveryId)
                .setVariables(Map.of(
                        RecoveryProcess.RUC, employer.ruc().toString(),
                        RecoveryProcess.SUCURSAL, employer.sucursal().toString(),
                        RecoveryProcess.REPRESENTATIVE_ID, representative.toString(),
                        RecoveryProcess.LANGUAGE, language.tag()))
                .execute();
        Recovery recovery = recoveries.get(recoveryId);
        return switch (recovery.status()) {
            case AWAITING_OTP -> {
                supersedeAllButTheNewest(employer);
                yield new AwaitingOtp(recoveryId, recovery.maskedEmail(), recovery.otpExpiresAt());
            }
            case ASSISTED_PENDING -> new AssistedPending(recoveryId, recovery.assistedReason(), recovery.caseNumber());
            default -> new DataMismatch();
        };
    }

    /**
     * Checks a code. The recovery's row is locked first, so codes sent at once are decided one after the
     * other: the first right one is accepted, the others find it used. The process decides (and counts the
     * attempt) in the same transaction and hands its verdict back ({@link CodeVerdicts}); the answer is that
     * verdict, given once all of it committed. A recovery that a newer request replaced says so, and spends no attempt.
     */
    public CodeResult submitCode(RecoveryId id, OtpCode code) {
        String recoveryId = id.value();
        return inOneStep(() -> {
            Optional<Recovery> locked = recoveries.lock(recoveryId);
            if (locked.isEmpty()) {
                return new RecoveryNotFound();
            }
            Recovery before = locked.get();
            RecoveryStatus status = before.statusAt(clock.instant());
            if (status != RecoveryStatus.AWAITING_OTP) {
                return codeNoLongerAwaited(before, status);
            }
            try (CodeVerdicts.Awaited awaited = CodeVerdicts.await(recoveryId)) {
                runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_OTP_SUBMITTED)
                        .processInstanceId(before.processInstanceId())
                        .setVariable(RecoveryProcess.SUBMITTED_CODE, Variables.stringValue(code.digits(), true))
                        .correlateWithResult();
                CodeVerdicts.Verdict verdict = awaited.verdict()
                        .orElseThrow(() -> new IllegalStateException("recovery " + recoveryId + ": the code check left no verdict"));
                return switch (verdict.check()) {
                    case ACCEPTED -> new CodeAccepted(recoveryId, recoveries.get(recoveryId).linkExpiresAt());
                    case REJECTED -> new CodeInvalid(verdict.attemptsLeft());
                    case LOCKED -> new CodeLocked();
                    case EXPIRED -> new CodeExpired();
                };
            }
        }, CodeExpired::new);
    }

    /** A code for a recovery that waits for none: spent if its code was accepted, else ended. */
    private static CodeResult codeNoLongerAwaited(Recovery recovery, RecoveryStatus status) {
        boolean codeWasAccepted = recovery.otpExpiresAt() != null && CODE_SPENT.contains(recovery.status());
        if (codeWasAccepted) {
            return new CodeAlreadyUsed();
        }
        return switch (status) {
            case OTP_LOCKED -> new CodeLocked();
            case SUPERSEDED -> new CodeSuperseded();
            default -> new CodeExpired();
        };
    }

    /**
     * Sends a new code in the same recovery: it replaces the old one at once, with its own window and wrong-code
     * count. Allowed once the wait since the last code is over, a limited number of times. Decided on the locked
     * row, and the new code's row is committed before the answer; its mail goes by the process's mail job.
     */
    public ResendResult resendCode(RecoveryId id) {
        String recoveryId = id.value();
        return inOneStep(() -> {
            Optional<Recovery> locked = recoveries.lock(recoveryId);
            if (locked.isEmpty()) {
                return new RecoveryNotFound();
            }
            Recovery before = locked.get();
            Instant now = clock.instant();
            RecoveryStatus status = before.statusAt(now);
            if (status != RecoveryStatus.AWAITING_OTP) {
                return new CodeNotAwaited(status);
            }
            ResendOffer offer = offer(before);
            if (offer.resendsLeft() <= 0) {
                return new ResendsUsedUp(before.otpExpiresAt(), properties.maxOtpResends());
            }
            if (now.isBefore(offer.availableAt())) {
                return new ResendTooSoon(offer.availableAt(), Duration.between(now, offer.availableAt()));
            }
            runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_OTP_RESEND_REQUESTED)
                    .processInstanceId(before.processInstanceId())
                    .correlateWithResult();
            Recovery after = recoveries.get(recoveryId);
            if (after.status() != RecoveryStatus.AWAITING_OTP || after.otpResends() == before.otpResends()) {
                return new CodeNotAwaited(after.status());
            }
            log.info("Recovery {}: new code issued ({} of {})", recoveryId, after.otpResends(), properties.maxOtpResends());
            ResendOffer next = offer(after);
            return new CodeResent(after.otpExpiresAt(), next.availableAt(), next.resendsLeft());
        }, () -> new CodeNotAwaited(RecoveryStatus.OTP_EXPIRED));
    }

    /** While the recovery waits for its code: when a new one may be asked for and how many are left. */
    public Optional<ResendOffer> resendOffer(RecoveryId id) {
        Instant now = clock.instant();
        return recoveries.find(id.value())
                .filter(r -> r.statusAt(now) == RecoveryStatus.AWAITING_OTP)
                .map(this::offer);
    }

    private ResendOffer offer(Recovery recovery) {
        return new ResendOffer(recovery.otpIssuedAt(properties.otpWindow()).plus(properties.otpResendCooldown()),
                Math.max(0, properties.maxOtpResends() - recovery.otpResends()));
    }

    public Optional<RecoveryView> status(RecoveryId id) {
        Instant now = clock.instant();
        return recoveries.find(id.value()).map(r -> new RecoveryView(r.id(), r.statusAt(now), r.expiresAt(),
                r.statusAt(now) == RecoveryStatus.AWAITING_OTP ? r.otpAttemptsLeft() : null,
                r.maskedEmail(), r.assistedReason(), r.caseNumber(),
                AWAITING_A_MAIL.contains(r.statusAt(now)) ? r.mailDelivery() : null));
    }

    /** Looks the link up (once per request): what the link page may show. Opening the page never spends the link. */
    public LinkState checkLink(LinkToken token) {
        Optional<Recovery> found = recoveries.findByLinkTokenHash(codec.sha256(token.value()));
        if (found.isEmpty()) {
            return new LinkInvalid();
        }
        Recovery recovery = found.get();
        if (recovery.statusAt(clock.instant()) != RecoveryStatus.AWAITING_NEW_PASSWORD) {
            return new LinkExpired(recovery.status() == RecoveryStatus.COMPLETED);
        }
        String name = registry.find(recovery.employer()).map(Employer::name).orElse("");
        return new LinkOpen(recovery.id(), recovery.employer(), name, recovery.linkExpiresAt());
    }

    /** Sets the new clave through the mailed link: single use, within the link window, within the policy. */
    public PasswordResult submitNewPassword(LinkToken token, String newPassword, String confirmation) {
        LinkState link = checkLink(token);
        if (link instanceof LinkOpen open) {
            return submitNewPassword(open, newPassword, confirmation);
        }
        return (PasswordResult) link;
    }

    /**
     * What the policy says of a proposed clave for the link's employer, without setting it: when only the
     * confirmation differed, the page can say that the clave itself was fine.
     */
    public List<PolicyViolation> policyViolations(LinkOpen link, String newPassword) {
        return policy.check(newPassword, registry.find(link.employer()).orElseThrow());
    }

    /** Sets the new clave through a link this request has already looked up ({@link #checkLink}). */
    public PasswordResult submitNewPassword(LinkOpen link, String newPassword, String confirmation) {
        if (!newPassword.equals(confirmation)) {
            return new PasswordMismatch();
        }
        Employer employer = registry.find(link.employer()).orElseThrow();
        List<PolicyViolation> violations = policy.check(newPassword, employer);
        if (!violations.isEmpty()) {
            return new PasswordRefused(violations);
        }
        String passwordHash = hashing.hash(newPassword);
        // Decided again on the locked row: of two claves sent at once, the first stores and the second finds the link used.
        return inOneStep(() -> {
            Recovery locked = recoveries.lock(link.recoveryId()).orElseThrow(() -> new IllegalStateException("no recovery " + link.recoveryId()));
            if (locked.statusAt(clock.instant()) != RecoveryStatus.AWAITING_NEW_PASSWORD) {
                return new LinkExpired(locked.status() == RecoveryStatus.COMPLETED);
            }
            runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_NEW_PASSWORD_SUBMITTED)
                    .processInstanceId(locked.processInstanceId())
                    .setVariable(RecoveryProcess.NEW_PASSWORD_HASH, Variables.stringValue(passwordHash, true))
                    .correlateWithResult();
            return recoveries.get(locked.id()).status() == RecoveryStatus.COMPLETED ? new PasswordChanged() : new LinkExpired(false);
        }, () -> new LinkExpired(false));
    }

    /**
     * Every online recovery of the employer but the newest gives way. When two requests race (a double click),
     * each computes the same newest one once it sees both, so exactly one survives whichever finishes last.
     * Each is superseded on its locked row, so a code or a clave being decided for it finishes first.
     */
    private void supersedeAllButTheNewest(EmployerKey employer) {
        List<Recovery> inProgress = recoveries.findByEmployerAndStatus(employer, ONLINE_IN_PROGRESS);
        for (Recovery older : inProgress.subList(Math.min(1, inProgress.size()), inProgress.size())) {
            inOneStep(() -> {
                Optional<Recovery> locked = recoveries.lock(older.id()).filter(r -> ONLINE_IN_PROGRESS.contains(r.status()));
                locked.ifPresent(r -> {
                    runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_SUPERSEDED)
                            .processInstanceId(r.processInstanceId())
                            .correlateWithResult();
                    log.info("Recovery {} superseded by {}", r.id(), inProgress.get(0).id());
                });
                return locked;
            }, Optional::empty);
        }
    }

    /**
     * Runs one step of a recovery in one transaction that the engine joins (its Spring integration), so the
     * row lock, the process's move and the recorded outcome commit together or not at all. A step can still
     * meet a move that does not take the row lock first (the job executor acquiring a timer or a mail job,
     * a lock wait that timed out): it is rolled back whole and decided again from the row as it is then.
     * A process that still waits for nothing once decided again has ended in a way the row does not show
     * (e.g. cancelled by an operator): the step gets {@code whenNothingWaits}, the answer for an ended step.
     */
    private <T> T inOneStep(Supplier<T> step, Supplier<T> whenNothingWaits) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> step.get());
            } catch (MismatchingMessageCorrelationException e) {
                if (attempt > 1) {
                    log.info("A recovery step found no process waiting for it");
                    return whenNothingWaits.get();
                }
            } catch (RuntimeException e) {
                if (!isConcurrentChange(e) || attempt == STEP_ATTEMPTS) {
                    throw e;
                }
                log.info("A recovery step met a concurrent change ({}); deciding it again", e.getClass().getSimpleName());
            }
        }
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
            // "Cannot resolve parent ... perhaps it was deleted in the meantime": a mail job ended its branch while we read the tree.
            if (cause instanceof ProcessEngineException engine && engine.getMessage() != null
                    && engine.getMessage().startsWith(PARENT_DELETED_MEANWHILE)) {
                return true;
            }
        }
        return false;
    }
}
