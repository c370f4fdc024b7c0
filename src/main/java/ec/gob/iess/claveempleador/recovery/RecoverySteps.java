package ec.gob.iess.claveempleador.recovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.credential.CredentialStore;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.security.SecretCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The steps of the recovery procedure, one method per BPMN service task. The process decides the order;
 * these decide the rules. Secrets are made here and leave only as digests and sealed copies.
 */
@Service
public class RecoverySteps {

    private static final Logger log = LoggerFactory.getLogger(RecoverySteps.class);

    private final SecureRandom random = new SecureRandom();
    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final CredentialStore credentials;
    private final ThrottlePolicy throttle;
    private final SecretCodec codec;
    private final CaseNumbers caseNumbers;
    private final RecoveryProperties properties;
    private final Clock clock;
    private final RecoveryAudit audit;
    private final PreviousAddressNotices previousAddresses;

    RecoverySteps(RecoveryRepository recoveries, EmployerRegistry registry, CredentialStore credentials, ThrottlePolicy throttle,
                  SecretCodec codec, CaseNumbers caseNumbers, RecoveryProperties properties, Clock clock, RecoveryAudit audit,
                  PreviousAddressNotices previousAddresses) {
        this.recoveries = recoveries;
        this.registry = registry;
        this.credentials = credentials;
        this.throttle = throttle;
        this.codec = codec;
        this.caseNumbers = caseNumbers;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.previousAddresses = previousAddresses;
    }

    /**
     * Validates RUC, sucursal and the representative's cédula against the registry and decides the route.
     * A recovery row is created here, so requests from the API and walk-ins registered in Tasklist are alike.
     */
    public Intake validate(String recoveryId, String processInstanceId, String ruc, String sucursal, String representativeId,
                           Channel channel, Language language) {
        Optional<EmployerKey> key = parseKey(ruc, sucursal);
        if (key.isEmpty()) {
            log.info("Recovery {} rejected: employer key is malformed", recoveryId);
            return new Intake.Rejected(recoveryId);
        }
        recoveries.insert(recoveryId, processInstanceId, key.get(), channel, language);
        audit.record(recoveryId, key.get(), null, AuditEventType.STARTED, channel.name());
        Optional<Employer> employer = registry.findMatching(key.get(), representativeId);
        if (employer.isEmpty()) {
            recoveries.markRejected(recoveryId);
            log.info("Recovery {} rejected: data does not match the registry", recoveryId);
            return new Intake.Rejected(recoveryId);
        }
        Employer found = employer.get();
        Optional<AssistedReason> reason = AssistedReason.of(found, credentials.exists(found.key()));
        if (reason.isEmpty() && channel == Channel.CENTRE) {
            reason = Optional.of(AssistedReason.WALK_IN);
        }
        String masked = found.maskedEmail().orElse(null);
        if (reason.isPresent()) {
            String caseNumber = caseNumbers.next();
            recoveries.markAssisted(recoveryId, reason.get(), caseNumber, masked);
            audit.record(recoveryId, key.get(), caseNumber, AuditEventType.CASE_OPENED, reason.get().name());
            log.info("Recovery {} goes to assisted attention as case {} ({})", recoveryId, caseNumber, reason.get());
            return new Intake.Assisted(recoveryId, reason.get(), caseNumber, found.name(), masked,
                    clock.instant().plus(properties.assistedDeadline()));
        }
        recoveries.markOnline(recoveryId, masked);
        return new Intake.Online(recoveryId, masked);
    }

    /** Makes a fresh code for the code window; the mail job unseals it once. */
    public Instant issueOtp(String recoveryId) {
        OtpCode code = OtpCode.generate(random);
        Instant expiresAt = clock.instant().plus(properties.otpWindow());
        recoveries.storeOtp(recoveryId, codec.hmac(code.digits()), codec.seal(code.digits()), expiresAt, properties.maxOtpAttempts());
        return expiresAt;
    }

    /**
     * Checks a submitted code. The window is enforced here to the second, whether or not its timer has
     * fired yet; every wrong code counts against the same window.
     */
    public OtpCheck verifyOtp(String recoveryId, String submittedCode) {
        Recovery recovery = recoveries.get(recoveryId);
        if (recovery.status() != RecoveryStatus.AWAITING_OTP || recovery.otpExpired(clock.instant())) {
            return decided(recoveryId, OtpCheck.EXPIRED, 0);
        }
        Optional<OtpCode> code = OtpCode.parse(submittedCode);
        if (code.isPresent() && codec.digestsMatch(recovery.otpHmac(), codec.hmac(code.get().digits()))) {
            recoveries.acceptOtp(recoveryId);
            audit.record(recovery, AuditEventType.CODE_ACCEPTED, null);
            return decided(recoveryId, OtpCheck.ACCEPTED, recovery.otpAttemptsLeft());
        }
        int attemptsLeft = recovery.otpAttemptsLeft() - 1;
        recoveries.updateOtpAttempts(recoveryId, attemptsLeft);
        audit.record(recovery, AuditEventType.CODE_WRONG, "intentos restantes: " + Math.max(0, attemptsLeft));
        log.info("Recovery {}: wrong code, {} attempts left", recoveryId, attemptsLeft);
        return decided(recoveryId, attemptsLeft > 0 ? OtpCheck.REJECTED : OtpCheck.LOCKED, attemptsLeft);
    }

    /** The verdict goes to the process (the return value) and to whoever submitted the code ({@link CodeVerdicts}). */
    private static OtpCheck decided(String recoveryId, OtpCheck check, int attemptsLeft) {
        CodeVerdicts.hand(recoveryId, check, attemptsLeft);
        return check;
    }

    /**
     * Whether the code window may open again with a new code: the model's gateway after "Nuevo código solicitado".
     * The use case refuses a request beyond the limit before it reaches the process; this keeps the model true on its own.
     */
    public boolean otpResendAllowed(String recoveryId) {
        return recoveries.get(recoveryId).otpResends() < properties.maxOtpResends();
    }

    /** Makes the single-use link token for the link window; only its SHA-256 stays. */
    public Instant issueLink(String recoveryId) {
        LinkToken token = LinkToken.generate(random);
        Instant expiresAt = clock.instant().plus(properties.linkWindow());
        recoveries.storeLink(recoveryId, codec.sha256(token.value()), codec.seal(token.value()), expiresAt);
        return expiresAt;
    }

    /**
     * Stores the new clave's hash, if the link is still open. Returns false when the link window closed
     * (to the second) before the clave arrived.
     */
    public boolean storePassword(String recoveryId, String passwordHash) {
        Recovery recovery = recoveries.get(recoveryId);
        if (recovery.status() != RecoveryStatus.AWAITING_NEW_PASSWORD || recovery.linkExpired(clock.instant())) {
            return false;
        }
        credentials.store(recovery.employer(), passwordHash);
        throttle.afterClaveReset(recovery.employer());
        recoveries.finish(recoveryId, RecoveryStatus.COMPLETED);
        audit.record(recovery, AuditEventType.CLAVE_SET, null);
        log.info("Recovery {}: new clave stored", recoveryId);
        return true;
    }

    /**
     * Records the e-mail that centre staff verified in person (if they gave one) before the link is sent.
     * The staff's decision was checked (and refused in words staff read) by the process's decision listener; these
     * guards only keep the link from ever going out on an unchecked approval, should the model change.
     */
    public void registerVerifiedEmail(String recoveryId, String verifiedEmail, boolean identityVerified) {
        if (!identityVerified) {
            throw new IllegalStateException("recovery " + recoveryId + ": approval without the representative's identity verified in person");
        }
        Recovery recovery = recoveries.get(recoveryId);
        audit.record(recovery, AuditEventType.APPROVED, null);
        if (verifiedEmail != null && !verifiedEmail.isBlank()) {
            String email = verifiedEmail.trim();
            if (!Employer.isUsableEmail(email)) {
                throw new IllegalStateException("recovery " + recoveryId + ": the verified e-mail is not a valid address");
            }
            previousAddresses.prepare(recoveryId, registry.find(recovery.employer()).orElseThrow(), email);
            registry.registerVerifiedEmail(recovery.employer(), email);
            audit.record(recovery, AuditEventType.EMAIL_REGISTERED, Employer.mask(email));
            log.info("Recovery {}: verified e-mail registered for the employer", recoveryId);
        }
        Employer employer = registry.find(recovery.employer()).orElseThrow();
        if (employer.usableEmail().isEmpty()) {
            throw new IllegalStateException("recovery " + recoveryId + ": the employer has no valid e-mail; staff must register a verified one");
        }
    }

    /** Records how the recovery ended, and erases what secret material is left. */
    public void finish(String recoveryId, RecoveryStatus status) {
        recoveries.finish(recoveryId, status);
        audit.outcome(recoveryId, status);
        log.info("Recovery {} ended: {}", recoveryId, status);
    }

    /** Ends the recovery with {@code status}, naming the end on the audit trail more precisely than the status does. */
    public void finish(String recoveryId, RecoveryStatus status, AuditEventType auditedAs) {
        recoveries.finish(recoveryId, status);
        audit.record(recoveryId, auditedAs);
        log.info("Recovery {} ended: {} ({})", recoveryId, status, auditedAs);
    }

    public boolean exists(String recoveryId) {
        return recoveryId != null && recoveries.find(recoveryId).isPresent();
    }

    /** When the code window of this recovery closes; empty when there is no such recovery or no code was issued. */
    public Optional<Instant> codeWindowEnd(String recoveryId) {
        return Optional.ofNullable(recoveryId).flatMap(recoveries::find).map(Recovery::otpExpiresAt);
    }

    /** When the link window of this recovery closes; empty when there is no such recovery or no link was issued. */
    public Optional<Instant> linkWindowEnd(String recoveryId) {
        return Optional.ofNullable(recoveryId).flatMap(recoveries::find).map(Recovery::linkExpiresAt);
    }

    private static Optional<EmployerKey> parseKey(String ruc, String sucursal) {
        try {
            return Optional.of(EmployerKey.of(ruc, sucursal));
        } catch (InvalidIdentityNumberException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
