package ec.gob.iess.claveempleador.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
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
import ec.gob.iess.claveempleador.recovery.RecoveryResults.StartResult;
import ec.gob.iess.claveempleador.security.SecretCodec;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The employer's use cases: start a recovery, submit the code, set the new clave by link, read the status.
 * It drives the process; the rules of each step live in {@link RecoverySteps}, which the process calls.
 * Secrets reach the engine only as transient variables and the plaintext clave never does.
 */
@Service
public class RecoveryService {

    private static final Logger log = LoggerFactory.getLogger(RecoveryService.class);
    private static final int CORRELATION_ATTEMPTS = 3;
    private static final List<RecoveryStatus> ONLINE_IN_PROGRESS = List.of(RecoveryStatus.AWAITING_OTP, RecoveryStatus.AWAITING_NEW_PASSWORD);

    private final RuntimeService runtime;
    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final PasswordPolicy policy;
    private final SignInService hashing;
    private final SecretCodec codec;
    private final Clock clock;

    RecoveryService(RuntimeService runtime, RecoveryRepository recoveries, EmployerRegistry registry, PasswordPolicy policy,
                    SignInService hashing, SecretCodec codec, Clock clock) {
        this.runtime = runtime;
        this.recoveries = recoveries;
        this.registry = registry;
        this.policy = policy;
        this.hashing = hashing;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Starts a recovery. An employer whose assisted case is still open is pointed to it; a new online
     * recovery replaces one that is still in progress (its code or link stops working).
     */
    public StartResult start(EmployerKey employer, Cedula representative) {
        Optional<Recovery> openCase = recoveries.findByEmployerAndStatus(employer, List.of(RecoveryStatus.ASSISTED_PENDING)).stream().findFirst();
        if (openCase.isPresent() && registry.findMatching(employer, representative.toString()).isPresent()) {
            return new AssistedPending(openCase.get().id(), openCase.get().assistedReason(), openCase.get().caseNumber());
        }
        String recoveryId = UUID.randomUUID().toString();
        runtime.createProcessInstanceByKey(RecoveryProcess.KEY)
                .businessKey(recoveryId)
                .setVariables(Map.of(
                        RecoveryProcess.RUC, employer.ruc().toString(),
                        RecoveryProcess.SUCURSAL, employer.sucursal().toString(),
                        RecoveryProcess.REPRESENTATIVE_ID, representative.toString()))
                .execute();
        Recovery recovery = load(recoveryId);
        return switch (recovery.status()) {
            case AWAITING_OTP -> {
                supersedeAllButTheNewest(employer);
                yield new AwaitingOtp(recoveryId, recovery.maskedEmail(), recovery.otpExpiresAt());
            }
            case ASSISTED_PENDING -> new AssistedPending(recoveryId, recovery.assistedReason(), recovery.caseNumber());
            default -> new DataMismatch();
        };
    }

    /** Checks a code. The process decides (and counts the attempt); the answer is read from what it recorded. */
    public CodeResult submitCode(String recoveryId, String code) {
        Optional<Recovery> found = recoveries.find(recoveryId);
        if (found.isEmpty()) {
            return new RecoveryNotFound();
        }
        if (found.get().status() == RecoveryStatus.AWAITING_OTP) {
            correlate(() -> runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_OTP_SUBMITTED)
                    .processInstanceId(found.get().processInstanceId())
                    .setVariable(RecoveryProcess.SUBMITTED_CODE, Variables.stringValue(code, true))
                    .correlateWithResult());
        }
        Recovery recovery = load(recoveryId);
        return switch (recovery.statusAt(clock.instant())) {
            case AWAITING_OTP -> new CodeInvalid(recovery.otpAttemptsLeft());
            case AWAITING_NEW_PASSWORD -> found.get().status() == RecoveryStatus.AWAITING_OTP
                    ? new CodeAccepted(recoveryId, recovery.linkExpiresAt())
                    : new CodeExpired();
            case OTP_LOCKED -> new CodeLocked();
            default -> new CodeExpired();
        };
    }

    public Optional<RecoveryView> status(String recoveryId) {
        Instant now = clock.instant();
        return recoveries.find(recoveryId).map(r -> new RecoveryView(r.id(), r.statusAt(now), r.expiresAt(),
                r.statusAt(now) == RecoveryStatus.AWAITING_OTP ? r.otpAttemptsLeft() : null,
                r.maskedEmail(), r.assistedReason(), r.caseNumber()));
    }

    /** What the link page may show. Opening the page never spends the link. */
    public LinkState checkLink(String token) {
        Optional<Recovery> found = byToken(token);
        if (found.isEmpty()) {
            return new LinkInvalid();
        }
        Recovery recovery = found.get();
        if (recovery.statusAt(clock.instant()) != RecoveryStatus.AWAITING_NEW_PASSWORD) {
            return new LinkExpired(recovery.status() == RecoveryStatus.COMPLETED);
        }
        String name = registry.find(recovery.employer()).map(Employer::name).orElse("");
        return new LinkOpen(name, recovery.linkExpiresAt());
    }

    /** Sets the new clave through the mailed link: single use, within the link window, within the policy. */
    public PasswordResult submitNewPassword(String token, String newPassword, String confirmation) {
        Optional<Recovery> found = byToken(token);
        if (found.isEmpty()) {
            return new LinkInvalid();
        }
        Recovery recovery = found.get();
        if (recovery.statusAt(clock.instant()) != RecoveryStatus.AWAITING_NEW_PASSWORD) {
            return new LinkExpired(recovery.status() == RecoveryStatus.COMPLETED);
        }
        if (!newPassword.equals(confirmation)) {
            return new PasswordMismatch();
        }
        Employer employer = registry.find(recovery.employer()).orElseThrow();
        List<PolicyViolation> violations = policy.check(newPassword, employer);
        if (!violations.isEmpty()) {
            return new PasswordRefused(violations);
        }
        String passwordHash = hashing.hash(newPassword);
        correlate(() -> runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_NEW_PASSWORD_SUBMITTED)
                .processInstanceId(recovery.processInstanceId())
                .setVariable(RecoveryProcess.NEW_PASSWORD_HASH, Variables.stringValue(passwordHash, true))
                .correlateWithResult());
        return load(recovery.id()).status() == RecoveryStatus.COMPLETED ? new PasswordChanged() : new LinkExpired(false);
    }

    private Optional<Recovery> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        return recoveries.findByLinkTokenHash(codec.sha256(token));
    }

    /**
     * Every online recovery of the employer but the newest gives way. When two requests race (a double click),
     * each computes the same newest one once it sees both, so exactly one survives whichever finishes last.
     */
    private void supersedeAllButTheNewest(EmployerKey employer) {
        List<Recovery> inProgress = recoveries.findByEmployerAndStatus(employer, ONLINE_IN_PROGRESS);
        for (Recovery older : inProgress.subList(Math.min(1, inProgress.size()), inProgress.size())) {
            correlate(() -> runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_SUPERSEDED)
                    .processInstanceId(older.processInstanceId())
                    .correlateWithResult());
            log.info("Recovery {} superseded by {}", older.id(), inProgress.get(0).id());
        }
    }

    /**
     * A correlation can meet a process that has just moved on: a timer that fired, or the mail job
     * finishing the same scope (optimistic locking). The former is an answer; the latter is tried again.
     */
    private void correlate(Supplier<?> correlation) {
        for (int attempt = 1; ; attempt++) {
            try {
                correlation.get();
                return;
            } catch (MismatchingMessageCorrelationException e) {
                log.info("Correlation found no waiting recovery");
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == CORRELATION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Recovery load(String recoveryId) {
        return recoveries.find(recoveryId).orElseThrow(() -> new IllegalStateException("no recovery " + recoveryId));
    }
}
